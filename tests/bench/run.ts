// `npm run bench [-- --quick] [-- --build]`: measures the built extension in real Chromium and
// the store at scale, prints one table and, on a full run, writes the figures into
// BENCHMARKS.md. Figures are medians and percentiles of runs made side by side in this process;
// nothing here is a timed assertion of the test suite.
//
// Exit code: 1 when a budget is exceeded on a full run, or when the harness itself failed (a
// figure printed as `error: …`) in either mode; a quick run (CI) never fails on a budget, since
// its sizes are too small to judge, it only proves the harness still runs (and it prints no
// verdict on those figures either: quick-run.ts). Figures that need
// something not built yet print `n/a (reason)`.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchOptions } from './bench-options';
import { failedRows, measured, NotMeasurable, type BenchRow } from './bench-row';
import { writeBenchmarksMd } from './benchmarks-md';
import { routeBenchCalendar } from './bench-calendar';
import { bundleRows } from './bundle-size';
import { chromiumVersionOf, launchBenchBrowser, type BenchBrowser } from './chromium-profiles';
import {
  CONTENT_SCRIPT_COST_ROWS,
  COST_SECTION,
  measureContentScriptCost,
  MEMORY_ROWS,
  MEMORY_SECTION,
  heavyWeekPlan,
  measureProfiledShare,
  PHASE_NAMES,
  PROFILED_SHARE_ROWS,
  type HeavyWeekProfile,
  type StormProfile,
} from './content-script-cost';
import { HEAVY_WEEK_PHASES } from './page-probes';
import { describeMachine } from './machine';
import { verdictsForRun } from './quick-run';
import { measurePanelLatency, PANEL_LATENCY_ROWS } from './panel-latency';
import { textTable } from './report-table';
import { importLargeDataset, measureStoreInBrowser } from './store-in-browser';
import {
  largeBackup,
  measureStoreInNode,
  STORE_IN_NODE_ROWS,
  type LargeDataset,
} from './store-in-node';
import type { Backup } from '@/utils/store/backup';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUTPUT_DIR = join(ROOT, '.output', 'chrome-mv3');

function buildExtension() {
  console.log('Building the extension (npx wxt build)…');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npx wxt build failed');
}

function log(message: string) {
  console.log(`[bench] ${message}`);
}

/** Prints the CPU profile's summary: where the content script spends each workload. */
function printProfile(profile: HeavyWeekProfile, source: string | null) {
  const lines = source?.split('\n') ?? [];
  const parts: [string, StormProfile, number][] = [
    ['all workloads', profile.total, 25],
    ...HEAVY_WEEK_PHASES.map((phase): [string, StormProfile, number] => [
      PHASE_NAMES[phase],
      profile.phases[phase],
      10,
    ]),
  ];
  for (const [name, part, top] of parts) {
    const percent = (ms: number) => ((ms / part.busyMs) * 100).toFixed(2);
    console.log(
      `\nCPU profile, ${name}: ${part.busyMs.toFixed(0)} ms busy, ` +
        `${part.extensionOnStackMs.toFixed(1)} ms (${percent(part.extensionOnStackMs)} %) with an ` +
        'extension frame on the stack.\nself ms (innermost extension frame) · total ms · function @ line:column · code there',
    );
    for (const fn of part.functions.slice(0, top)) {
      const [line, column] = fn.where.split(':').map(Number) as [number, number];
      const code = (lines[line - 1] ?? '').slice(column - 1, column + 79).replace(/\s+/g, ' ');
      console.log(
        `${fn.selfMs.toFixed(1).padStart(8)} ${fn.totalMs.toFixed(1).padStart(8)}  ${fn.name} @ ${fn.where}  ${code}`,
      );
    }
  }
}

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2));
  const { sizes, sections } = options;
  if (options.build || !existsSync(join(OUTPUT_DIR, 'manifest.json'))) buildExtension();
  const started = performance.now();
  const rows: BenchRow[] = [];
  const needsData = sections.has('store') || sections.has('panel') || sections.has('cost');

  if (sections.has('bundle')) {
    log('bundle sizes');
    rows.push(
      ...(await measured('Bundle', ['content script total (injected into Calendar)'], async () =>
        bundleRows(OUTPUT_DIR),
      )),
    );
  }

  let backup: Backup | null = null;
  if (sections.has('store')) {
    log(`store at scale in Node (${sizes.people} people, ${sizes.actionItems} action items)`);
    let dataset: LargeDataset | null = null;
    rows.push(
      ...(await measured('Store at scale (Node, fake-indexeddb)', STORE_IN_NODE_ROWS, async () => {
        dataset = await measureStoreInNode(sizes);
        return dataset.rows;
      })),
    );
    backup = (dataset as LargeDataset | null)?.backup ?? null;
  } else if (needsData) {
    log(`seeding the large data set in Node (${sizes.people} people, unmeasured)`);
    backup = await largeBackup(sizes);
  }

  let withExtension: BenchBrowser | null = null;
  let without: BenchBrowser | null = null;
  let chromiumVersion = 'unknown';
  try {
    if (!needsData) throw new SkipChromium();
    log('launching Chromium with and without the extension');
    withExtension = await launchBenchBrowser(OUTPUT_DIR);
    if (sections.has('cost')) without = await launchBenchBrowser(null);
    chromiumVersion = chromiumVersionOf(without ?? withExtension);
    const extension = withExtension;

    let imported = false;
    if (sections.has('store')) {
      log('store at scale in Chromium (import, popup, export)');
      rows.push(
        ...(await measured(
          'Store at scale (Chromium, extension IndexedDB)',
          ['import, popup, export, size'],
          async () => {
            if (!backup) throw new NotMeasurable('no large data set (see the Node section)');
            const result = await measureStoreInBrowser(extension, backup, {
              backupRuns: sizes.backupRuns,
              popupRuns: sizes.popupRuns,
              queryRuns: sizes.queryRuns,
            });
            imported = result.imported;
            return result.rows;
          },
        )),
      );
    } else if (backup) {
      log('importing the large data set into the extension (unmeasured)');
      await importLargeDataset(extension, backup);
      imported = true;
    }

    const calendarOptions = { chips: sizes.chips, backup: imported ? backup : null };
    const calendarWith = await routeBenchCalendar(extension.context, calendarOptions);

    if (sections.has('panel')) {
      log(`panel latency (${sizes.panelOpens} opens)`);
      rows.push(
        ...(await measured('Panel latency (Chromium)', PANEL_LATENCY_ROWS, async () => {
          if (!backup || !imported)
            throw new NotMeasurable('the large data set is not in the extension');
          return measurePanelLatency(extension, calendarWith, backup, sizes.panelOpens);
        })),
      );
    }

    if (sections.has('cost') && without) {
      const calendarWithout = await routeBenchCalendar(without.context, calendarOptions);
      log(`content-script cost (${sizes.costRuns} alternating runs per variant)`);
      let memoryRows: BenchRow[] = [];
      try {
        const result = await measureContentScriptCost(
          { browser: extension, calendar: calendarWith },
          { browser: without, calendar: calendarWithout },
          heavyWeekPlan(calendarWith, imported ? backup : null),
          sizes,
        );
        rows.push(...result.cost);
        memoryRows = result.memory;
      } catch (error) {
        rows.push(...failedRows(COST_SECTION, CONTENT_SCRIPT_COST_ROWS, error));
        memoryRows = failedRows(MEMORY_SECTION, MEMORY_ROWS, error);
      }
      log(`CPU profile of ${sizes.profileRuns} heavy-week run(s) with the extension`);
      try {
        const { rows: shareRows, first } = await measureProfiledShare(
          { browser: extension, calendar: calendarWith },
          heavyWeekPlan(calendarWith, imported ? backup : null),
          sizes,
        );
        rows.push(...shareRows);
        if (options.profile) {
          const scriptPath = join(OUTPUT_DIR, 'content-scripts', 'calendar.js');
          printProfile(first, existsSync(scriptPath) ? readFileSync(scriptPath, 'utf8') : null);
        }
      } catch (error) {
        rows.push(...failedRows(COST_SECTION, PROFILED_SHARE_ROWS, error));
      }
      rows.push(...memoryRows);
    }
  } catch (error) {
    if (!(error instanceof SkipChromium)) {
      rows.push(...failedRows('Chromium', ['launch and measure'], error));
    }
  } finally {
    await withExtension?.close();
    await without?.close();
  }

  const elapsed = ((performance.now() - started) / 1000).toFixed(1);
  const scope = options.allSections ? '' : `, only ${[...sections].join(', ')}`;
  console.log(
    `\nCraft Beyond Code benchmark (${options.quick ? 'quick' : 'full'} run${scope}, ${elapsed} s)\n`,
  );
  console.log(textTable(verdictsForRun(rows, options)));

  const errors = rows.filter((row) => row.verdict === 'ERROR');
  const over = rows.filter((row) => row.verdict === 'OVER BUDGET');
  if (options.quick) {
    console.log(
      '\nQuick run: small sizes, BENCHMARKS.md not written; budgets are neither judged (except ' +
        'the bundle, the same build as a full run) nor enforced.',
    );
  } else if (!options.allSections) {
    console.log('\nPartial run (--only or --runs): BENCHMARKS.md not written.');
  } else {
    const machine = describeMachine(chromiumVersion);
    await writeBenchmarksMd(join(ROOT, 'BENCHMARKS.md'), machine, rows);
    console.log(`\nWrote BENCHMARKS.md (${machine.cpu}, ${machine.cores} cores).`);
  }
  if (errors.length > 0) console.log(`\n${errors.length} figure(s) failed with an error.`);
  if (!options.quick && over.length > 0) {
    console.log(`\nOver budget: ${over.map((row) => row.what).join('; ')}`);
  }
  return errors.length > 0 || (!options.quick && over.length > 0) ? 1 : 0;
}

/** No section needs a browser (e.g. `--only=bundle`). */
class SkipChromium extends Error {}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
