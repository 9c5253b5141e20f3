import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addActionItem, completeActionItem } from './action-items';
import type { CbcDatabase } from './db';
import { recordMeeting, saveNote } from './meetings';
import { peopleOverview } from './overview';
import { updatePerson, upsertPerson } from './people';
import { assignPerson, createProject } from './projects';
import { freshDatabase, localTime } from './test-database';
import type { Wellbeing } from '../domain/records';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const NOW = localTime(2025, 3, 20, 9);
const daysAgo = (days: number) => localTime(2025, 3, 20 - days, 15);
let meetingCount = 0;

async function meeting(email: string, start: number, wellbeing: Wellbeing | null = null) {
  const eid = `e${++meetingCount}`;
  await recordMeeting(db, { eid, seriesKey: email, personEmail: email, start, title: '' }, start);
  if (wellbeing !== null) await saveNote(db, { meetingEid: eid, text: '', wellbeing }, start);
}

describe('peopleOverview', () => {
  it('is empty without people', async () => {
    expect(await peopleOverview(db, NOW)).toEqual([]);
  });

  it('describes a person with no meetings, items or projects', async () => {
    const person = await upsertPerson(db, { email: 'new@x.io', name: 'New' }, 1);
    expect(await peopleOverview(db, NOW)).toEqual([
      {
        person,
        lastOneOnOne: null,
        daysSince: null,
        cadence: 'no-meetings',
        openItems: 0,
        wellbeingTrend: [],
        allocation: 0,
        overAllocated: false,
        burnoutRisk: false,
        burnoutCauses: [],
      },
    ]);
  });

  it('uses the latest meeting at or before now, ignoring future ones', async () => {
    await upsertPerson(db, { email: 'ada@x.io', name: 'Ada', cadenceDays: 7 }, 1);
    await meeting('ada@x.io', daysAgo(20));
    await meeting('ada@x.io', daysAgo(8));
    await meeting('ada@x.io', localTime(2025, 3, 27, 10));
    const [row] = await peopleOverview(db, NOW);
    expect(row).toMatchObject({ lastOneOnOne: daysAgo(8), daysSince: 8, cadence: 'due' });
  });

  it('counts open items and keeps the last six check-ins, oldest first', async () => {
    await upsertPerson(db, { email: 'ada@x.io', name: 'Ada' }, 1);
    const checkIns: Wellbeing[] = [5, 4, 4, 3, 3, 4, 5, 4];
    for (const [index, wellbeing] of checkIns.entries()) {
      await meeting('ada@x.io', daysAgo(40 - index * 2), wellbeing);
    }
    await addActionItem(
      db,
      { personEmail: 'ada@x.io', text: 'a', owner: 'me', due: '', meetingEid: '' },
      1,
    );
    const done = await addActionItem(
      db,
      { personEmail: 'ada@x.io', text: 'b', owner: 'me', due: '', meetingEid: '' },
      2,
    );
    await completeActionItem(db, done.id, 3);
    const [row] = await peopleOverview(db, NOW);
    expect(row?.openItems).toBe(1);
    expect(row?.wellbeingTrend).toEqual([4, 3, 3, 4, 5, 4]);
    expect(row?.burnoutRisk).toBe(false);
  });

  it.each<[string, Wellbeing[], number, boolean, boolean, string[]]>([
    ['balanced', [4, 4], 100, false, false, []],
    ['over-allocated', [4, 5], 110, true, true, ['over-allocated']],
    ['over-allocated, wellbeing steady', [3, 4, 3], 110, true, true, ['over-allocated']],
    ['last two check-ins low', [4, 2, 1], 50, false, true, ['low-wellbeing']],
    ['both', [4, 2, 2], 120, true, true, ['over-allocated', 'low-wellbeing']],
    ['only the last check-in low', [2, 4, 2], 50, false, false, []],
    ['a single low check-in', [1], 50, false, false, []],
  ])('%s', async (_case, checkIns, share, overAllocated, burnoutRisk, burnoutCauses) => {
    await upsertPerson(db, { email: 'ada@x.io', name: 'Ada' }, 1);
    for (const [index, wellbeing] of checkIns.entries()) {
      await meeting('ada@x.io', daysAgo(10 - index), wellbeing);
    }
    await createProject(db, { id: 'p1', name: 'P1' }, 1);
    await createProject(db, { id: 'p2', name: 'P2' }, 1);
    await assignPerson(db, { personEmail: 'ada@x.io', projectId: 'p1', share: 50 });
    await assignPerson(db, { personEmail: 'ada@x.io', projectId: 'p2', share: share - 50 });
    const [row] = await peopleOverview(db, NOW);
    expect(row).toMatchObject({ allocation: share, overAllocated, burnoutRisk, burnoutCauses });
  });

  it('lists non-archived people by name', async () => {
    await upsertPerson(db, { email: 'c@x.io', name: 'Cleo' }, 1);
    await upsertPerson(db, { email: 'a@x.io', name: 'Abe' }, 1);
    await upsertPerson(db, { email: 'b@x.io', name: 'Bo' }, 1);
    await updatePerson(db, { email: 'b@x.io', archived: true }, 2);
    expect((await peopleOverview(db, NOW)).map((row) => row.person.name)).toEqual(['Abe', 'Cleo']);
  });

  it('describes only the people asked for, by name, leaving out archived and unknown ones', async () => {
    await upsertPerson(db, { email: 'c@x.io', name: 'Cleo' }, 1);
    await upsertPerson(db, { email: 'a@x.io', name: 'Abe' }, 1);
    await upsertPerson(db, { email: 'b@x.io', name: 'Bo' }, 1);
    await updatePerson(db, { email: 'b@x.io', archived: true }, 2);
    const rows = await peopleOverview(db, NOW, {
      emails: ['c@x.io', 'b@x.io', 'nobody@x.io', 'a@x.io'],
    });
    expect(rows.map((row) => row.person.name)).toEqual(['Abe', 'Cleo']);
    expect(await peopleOverview(db, NOW, { emails: ['c@x.io'] })).toEqual(
      (await peopleOverview(db, NOW)).filter((row) => row.person.email === 'c@x.io'),
    );
  });
});
