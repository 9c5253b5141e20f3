// What a quick run may say about budgets. Its sizes (20 people, 2,000 items, 100 chips) and its
// few repetitions on a CI machine that is busy with the rest of `npm test` cannot judge budgets
// written for 500 people and 100k items: a popup first render of 1.03 s there says nothing about
// the 150 ms budget. So only the bundle keeps its verdict (the quick run measures the same
// build), and harness errors stay errors; every other figure is printed without one.

import type { BenchRow } from './bench-row';

/** Sections whose figures do not depend on the run's sizes. */
const SIZE_INDEPENDENT_SECTIONS: ReadonlySet<string> = new Set(['Bundle']);

export const NOT_JUDGED = 'not judged (quick sizes)';

export function verdictsForRun(rows: readonly BenchRow[], options: { quick: boolean }): BenchRow[] {
  if (!options.quick) return [...rows];
  return rows.map((row) => {
    const judged = row.verdict !== '' && row.verdict !== 'ERROR';
    if (!judged || SIZE_INDEPENDENT_SECTIONS.has(row.section)) return row;
    return { ...row, budget: NOT_JUDGED, verdict: '' };
  });
}
