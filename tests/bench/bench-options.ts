// Command-line options and the sizes of each mode. The full mode uses the sizes the budgets of
// docs/budgets.md are written for; the quick mode only proves the harness still runs end to end (CI).

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
  feedbackEntries: number;
  /** Repetitions of each store query (p50/p95). */
  queryRuns: number;
  /** Repetitions of export and import (median). */
  backupRuns: number;
  /** Popup first-render repetitions (median/p95). */
  popupRuns: number;
  /** Heavy-week runs with the extension under the CPU profiler (median share). */
  profileRuns: number;
}

/** Sections of the benchmark that `--only` can pick. */
export const BENCH_SECTIONS = ['bundle', 'store', 'panel', 'cost'] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

export interface BenchOptions {
  quick: boolean;
  /** Rebuild the extension (npx wxt build) before measuring. */
  build: boolean;
  /** Sections to run; all of them unless `--only` names some. */
  sections: ReadonlySet<BenchSection>;
  /** Whether every section runs (only then is BENCHMARKS.md written on a full run). */
  allSections: boolean;
  /** Also sample the storm with the CPU profiler and list the content script's hot functions. */
  profile: boolean;
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
  feedbackEntries: 20_000,
  queryRuns: 200,
  backupRuns: 3,
  popupRuns: 10,
  profileRuns: 3,
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
  feedbackEntries: 400,
  queryRuns: 20,
  backupRuns: 1,
  popupRuns: 2,
  profileRuns: 1,
};

const USAGE =
  'usage: npm run bench -- [--quick] [--build] [--only=<sections>] [--profile] [--runs=<n>]\n' +
  '  --quick            small sizes, few repetitions, does not write BENCHMARKS.md (CI)\n' +
  '  --build            run `npx wxt build` first (also done when .output/chrome-mv3 is missing)\n' +
  `  --only=<sections>  comma list of ${BENCH_SECTIONS.join(', ')}; the data set is still seeded\n` +
  '                     and imported when panel or cost need it; BENCHMARKS.md is not written\n' +
  "  --profile          with cost: also print the content script's functions by self time, per\n" +
  '                     workload, from the first heavy week under the CPU profiler\n' +
  '  --runs=<n>         with cost: n runs per variant and n profiled runs (iterating on\n' +
  '                     one change; BENCHMARKS.md is not written)';

function parseSections(value: string): Set<BenchSection> {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const wrong = names.filter((name) => !(BENCH_SECTIONS as readonly string[]).includes(name));
  if (names.length === 0 || wrong.length > 0) {
    throw new Error(`--only takes a comma list of ${BENCH_SECTIONS.join(', ')}\n${USAGE}`);
  }
  return new Set(names as BenchSection[]);
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const known = new Set(['--quick', '--build', '--profile', '--help']);
  const unknown = argv.filter(
    (arg) => !known.has(arg) && !arg.startsWith('--only=') && !/^--runs=[1-9]\d*$/.test(arg),
  );
  if (unknown.length > 0 || argv.includes('--help')) {
    if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}\n${USAGE}`);
    console.log(USAGE);
    process.exit(0);
  }
  const quick = argv.includes('--quick');
  const only = argv.filter((arg) => arg.startsWith('--only='));
  const sections = only.length
    ? parseSections(only.map((arg) => arg.slice('--only='.length)).join(','))
    : new Set(BENCH_SECTIONS);
  const runs = argv.find((arg) => arg.startsWith('--runs='));
  const sizes = { ...(quick ? QUICK_SIZES : FULL_SIZES) };
  if (runs) sizes.costRuns = sizes.profileRuns = Number(runs.slice('--runs='.length));
  return {
    quick,
    build: argv.includes('--build'),
    sections,
    // Fewer runs than a full run's are not a full run's figures: BENCHMARKS.md stays as it is.
    allSections: sections.size === BENCH_SECTIONS.length && runs === undefined,
    profile: argv.includes('--profile'),
    sizes,
  };
}
