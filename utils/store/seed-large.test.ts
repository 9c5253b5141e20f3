import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup } from './backup';
import { parseBackup } from './backup-validation';
import type { CbcDatabase } from './db';
import { openItemsForPerson } from './action-items';
import { TABLE_NAMES } from './schema';
import { seedLargeDataset } from './seed-large';
import { freshDatabase } from './test-database';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const NOW = 1_750_000_000_000;
const SMALL = {
  people: 12,
  meetings: 60,
  actionItems: 300,
  talkingPoints: 40,
  feedbackEntries: 50,
};

describe('seedLargeDataset', () => {
  it('writes the requested numbers of records and reports every table', async () => {
    const seeded = await seedLargeDataset(db, SMALL, NOW);
    expect(seeded.personEmails).toHaveLength(12);
    expect(seeded.counts).toMatchObject(SMALL);
    const { data } = await exportBackup(db, NOW);
    for (const name of TABLE_NAMES) {
      expect(data[name], name).toHaveLength(seeded.counts[name]);
    }
    // Done items and discussed points are packed (schema version 3), the open ones single.
    const open = data.actionItems.filter((item) => item.open === 1).length;
    expect(await db.actionItems.count()).toBe(open);
    expect(open).toBeLessThan(SMALL.actionItems);
    expect(await db.doneActionItems.count()).toBeLessThan(SMALL.actionItems - open);
    expect(seeded.counts.notes).toBeGreaterThan(0);
    expect(seeded.counts.notes).toBeLessThanOrEqual(SMALL.meetings);
    // The default standing topics for everyone, and some of their own for a third of the people.
    expect(data.standingTopics.filter((topic) => topic.personEmail === '')).toHaveLength(3);
    expect(data.standingTopics.length).toBe(3 + 4);
    expect(seeded.counts.topicDiscussions).toBeGreaterThan(0);
  });

  it('makes valid data: its export passes the backup validation', async () => {
    await seedLargeDataset(db, SMALL, NOW);
    const parsed = parseBackup(await exportBackup(db, NOW));
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });

  it('is deterministic for a seed and differs for another seed', async () => {
    await seedLargeDataset(db, SMALL, NOW, { seed: 7 });
    const again = freshDatabase();
    const other = freshDatabase();
    await seedLargeDataset(again, SMALL, NOW, { seed: 7 });
    await seedLargeDataset(other, SMALL, NOW, { seed: 8 });
    const first = await exportBackup(db, NOW);
    expect(await exportBackup(again, NOW)).toEqual(first);
    expect(await exportBackup(other, NOW)).not.toEqual(first);
    await Promise.all([again.delete(), other.delete()]);
  });

  it('leaves some items open for the queries to find, and none in the future', async () => {
    const seeded = await seedLargeDataset(db, SMALL, NOW);
    const openCounts = await Promise.all(
      seeded.personEmails.map(async (email) => (await openItemsForPerson(db, email)).length),
    );
    expect(openCounts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    expect(await db.meetings.filter((meeting) => meeting.start > NOW).count()).toBe(0);
    expect(await db.actionItems.filter((item) => (item.doneAt ?? 0) > NOW).count()).toBe(0);
  });

  it('handles empty sizes', async () => {
    const seeded = await seedLargeDataset(
      db,
      { people: 0, meetings: 10, actionItems: 10, talkingPoints: 10 },
      NOW,
    );
    expect(Object.values(seeded.counts).every((count) => count === 0)).toBe(true);
  });
});
