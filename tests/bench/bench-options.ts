// Command-line options and the sizes of each mode. The full mode uses the sizes DESIGN.md's
// budgets are written for; the quick mode only proves the harness still runs end to end (CI).

export interface BenchSizes {
  /** Chips in the heavy week. */
  chips: number;
  /** Popover open/close cycles in the heavy week. */
  popoverCycles: number;
  /** Animation frames of the mutation storm (all chips replaced twice per frame). */
  stormFrames: number;
  /** Runs per variant (with / without the extension), alternating. */
  costRuns: number;
  /** Popover opens timed for the panel latency. */
  panelOpens: number;
  /** Store at scale. */
  people: number;
  meetings: number;
  actionItems: number;
  talkingPoints: number;
  /** Repetitions of each store query (p50/p95). */
  queryRuns: number;
  /** Repetitions of export and import (median). */
  backupRuns: number;
  /** Popup first-render repetitions (median/p95). */
  popupRuns: number;
}

export interface BenchOptions {
  quick: boolean;
  /** Rebuild the extension (npx wxt build) before measuring. */
  build: boolean;
  sizes: BenchSizes;
}

export const FULL_SIZES: BenchSizes = {
  chips: 500,
  popoverCycles: 100,
  stormFrames: 60,
  costRuns: 5,
  panelOpens: 100,
  people: 500,
  meetings: 20_000,
  actionItems: 100_000,
  talkingPoints: 10_000,
  queryRuns: 200,
  backupRuns: 3,
  popupRuns: 10,
};

export const QUICK_SIZES: BenchSizes = {
  chips: 100,
  popoverCycles: 10,
  stormFrames: 10,
  costRuns: 1,
  panelOpens: 10,
  people: 20,
  meetings: 400,
  actionItems: 2_000,
  talkingPoints: 200,
  queryRuns: 20,
  backupRuns: 1,
  popupRuns: 2,
};

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const known = new Set(['--quick', '--build', '--help']);
  const unknown = argv.filter((arg) => !known.has(arg));
  if (unknown.length > 0 || argv.includes('--help')) {
    const usage =
      'usage: npm run bench -- [--quick] [--build]\n' +
      '  --quick  small sizes, few repetitions, does not write BENCHMARKS.md (CI)\n' +
      '  --build  run `npx wxt build` first (also done when .output/chrome-mv3 is missing)';
    if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}\n${usage}`);
    console.log(usage);
    process.exit(0);
  }
  const quick = argv.includes('--quick');
  return { quick, build: argv.includes('--build'), sizes: quick ? QUICK_SIZES : FULL_SIZES };
}
