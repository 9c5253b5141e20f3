// The store at scale, in Node: the same domain operations the background and the popup call, over
// fake-indexeddb (an in-memory IndexedDB in JavaScript, NOT the browser's LevelDB-backed one).
// It isolates the queries' own cost (indexes, transactions, Dexie) from messaging and rendering;
// the real-browser figures are in store-in-browser.ts and panel-latency.ts.

import 'fake-indexeddb/auto';
import type { BenchSizes } from './bench-options';
import { formatBytes, formatMs, NotMeasurable, row, type BenchRow } from './bench-row';
import { BUDGETS } from './budgets';
import { median, percentile, timed } from './stats';
import type { Backup } from '@/utils/store/backup';
import type { CbcDatabase } from '@/utils/store/db';

const SECTION = 'Store at scale (Node, fake-indexeddb)';
const NOW = Date.UTC(2025, 5, 10, 12);
const WARM_UP_RUNS = 3;

export const STORE_IN_NODE_ROWS = [
  'seed (seedLargeDataset)',
  'panel query openOneOnOne p50 / p95',
  'popup follow-ups openFollowUps p50 / p95',
  'popup people peopleOverview p50 / p95',
  'search searchAll p50 / p95',
  'export (exportBackup) median',
  'import (importBackup) median',
  'backup file (JSON)',
] as const;

export interface LargeDataset {
  /** The large data set as a backup file: what the real-browser parts import. */
  backup: Backup;
  rows: BenchRow[];
}

type SeedLargeDataset = (
  db: CbcDatabase,
  sizes: Record<string, number>,
  now: number,
) => Promise<unknown>;

async function loadSeeder(): Promise<SeedLargeDataset> {
  try {
    const module = (await import('@/utils/store/seed-large')) as Record<string, unknown>;
    if (typeof module.seedLargeDataset !== 'function') {
      throw new NotMeasurable('utils/store/seed-large.ts exports no seedLargeDataset yet');
    }
    return module.seedLargeDataset as SeedLargeDataset;
  } catch (error) {
    if (error instanceof NotMeasurable) throw error;
    throw new NotMeasurable(
      `utils/store/seed-large.ts cannot be loaded yet: ${String(error).slice(0, 120)}`,
    );
  }
}

function p50p95(samples: number[]): string {
  return `${formatMs(percentile(samples, 50))} / ${formatMs(percentile(samples, 95))}`;
}

/** Steady-state samples: a few unmeasured calls first, so JIT warm-up is not in the p95. */
async function sample(runs: number, work: (run: number) => Promise<unknown>): Promise<number[]> {
  for (let warmUp = 0; warmUp < WARM_UP_RUNS; warmUp++) await work(-1 - warmUp);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push((await timed(() => work(run))).ms);
  return samples;
}

/** A word that occurs in the notes, so search has real hits to collect. */
function searchTermFrom(backup: Backup): string {
  const text = backup.data.notes.find((note) => note.text.length > 0)?.text ?? '';
  const word = text.split(/\W+/).find((candidate) => candidate.length >= 6);
  return word ?? 'review';
}

async function seededDatabase(sizes: BenchSizes) {
  const seedLargeDataset = await loadSeeder();
  const store = await import('@/utils/store');
  const db = store.openDatabase(`bench-${Date.now()}`);
  const seed = await timed(() =>
    seedLargeDataset(
      db,
      {
        people: sizes.people,
        meetings: sizes.meetings,
        actionItems: sizes.actionItems,
        talkingPoints: sizes.talkingPoints,
        feedbackEntries: sizes.feedbackEntries,
      },
      NOW,
    ),
  );
  return { store, db, seed };
}

/** The large data set as a backup file, without measuring anything (`--only` without store). */
export async function largeBackup(sizes: BenchSizes): Promise<Backup> {
  const { store, db } = await seededDatabase(sizes);
  try {
    return await store.exportBackup(db, NOW);
  } finally {
    db.close();
  }
}

export async function measureStoreInNode(sizes: BenchSizes): Promise<LargeDataset> {
  const { store, db, seed } = await seededDatabase(sizes);
  const people = await store.listPeople(db, {});
  if (people.length === 0) throw new Error('seedLargeDataset created no people');

  const panel = await sample(sizes.queryRuns, (run) => {
    const person = people[((run + WARM_UP_RUNS) * 7) % people.length]!;
    return store.openOneOnOne(
      db,
      {
        event: {
          eid: `bench-node-${run + WARM_UP_RUNS}`,
          seriesKey: `bench-series-${person.email}`,
          title: '1:1',
          start: NOW + (run + WARM_UP_RUNS) * 60_000,
        },
        person: { email: person.email, name: person.name },
      },
      NOW + run * 60_000,
    );
  });
  const followUps = await sample(sizes.queryRuns, () => store.openFollowUps(db, {}));
  const overview = await sample(Math.max(3, sizes.queryRuns / 10), () =>
    store.peopleOverview(db, NOW),
  );
  const exported = await sample(sizes.backupRuns, () => store.exportBackup(db, NOW));
  const backup = await store.exportBackup(db, NOW);
  // Counted in the file: since schema version 3 done items and discussed points are packed.
  const counts = {
    people: backup.data.people.length,
    meetings: backup.data.meetings.length,
    notes: backup.data.notes.length,
    actionItems: backup.data.actionItems.length,
    talkingPoints: backup.data.talkingPoints.length,
  };
  const term = searchTermFrom(backup);
  const search = await sample(Math.max(3, sizes.queryRuns / 10), () =>
    store.searchAll(db, term, { limit: 50 }),
  );
  const json = JSON.stringify(backup);
  const imported: number[] = [];
  for (let run = 0; run < sizes.backupRuns; run++) {
    const target = store.openDatabase(`bench-import-${run}-${Date.now()}`);
    imported.push((await timed(() => store.importBackup(target, backup))).ms);
    target.close();
  }
  db.close();

  const sizeLabel = `${counts.people} people, ${counts.meetings} meetings (${counts.notes} with notes), ${counts.actionItems} action items, ${counts.talkingPoints} talking points`;
  return {
    backup,
    rows: [
      row(SECTION, STORE_IN_NODE_ROWS[0], `${formatMs(seed.ms)} for ${sizeLabel}`),
      row(
        SECTION,
        STORE_IN_NODE_ROWS[1],
        p50p95(panel),
        BUDGETS.panelQueryP95,
        percentile(panel, 95),
      ),
      row(SECTION, STORE_IN_NODE_ROWS[2], p50p95(followUps)),
      row(SECTION, STORE_IN_NODE_ROWS[3], p50p95(overview)),
      row(SECTION, `${STORE_IN_NODE_ROWS[4]} ("${term}", limit 50)`, p50p95(search)),
      row(
        SECTION,
        STORE_IN_NODE_ROWS[5],
        formatMs(median(exported)),
        BUDGETS.exportTime,
        median(exported),
      ),
      row(
        SECTION,
        STORE_IN_NODE_ROWS[6],
        formatMs(median(imported)),
        BUDGETS.importTime,
        median(imported),
      ),
      row(SECTION, STORE_IN_NODE_ROWS[7], formatBytes(Buffer.byteLength(json))),
    ],
  };
}
