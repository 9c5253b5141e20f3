// `npm run bench [-- --quick] [-- --build]`: measures the built extension in real Chromium and
// the store at scale, prints one table and, on a full run, writes the figures into
// BENCHMARKS.md. Figures are medians and percentiles of runs made side by side in this process;
// nothing here is a timed assertion of the test suite.
//
// Exit code: 1 when a budget is exceeded on a full run, or when the harness itself failed (a
// figure printed as `error: …`) in either mode; a quick run (CI) never fails on a budget, since
// its sizes are too small to judge, it only proves the harness still runs. Figures that need
// something not built yet print `n/a (reason)`.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
} from './content-script-cost';
import { describeMachine } from './machine';
import { measurePanelLatency, PANEL_LATENCY_ROWS } from './panel-latency';
import { textTable } from './report-table';
import { measureStoreInBrowser } from './store-in-browser';
import { measureStoreInNode, STORE_IN_NODE_ROWS, type LargeDataset } from './store-in-node';

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

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2));
  const { sizes } = options;
  if (options.build || !existsSync(join(OUTPUT_DIR, 'manifest.json'))) buildExtension();
  const started = performance.now();
  const rows: BenchRow[] = [];

  log('bundle sizes');
  rows.push(
    ...(await measured('Bundle', ['content script total (injected into Calendar)'], async () =>
      bundleRows(OUTPUT_DIR),
    )),
  );

  log(`store at scale in Node (${sizes.people} people, ${sizes.actionItems} action items)`);
  let dataset: LargeDataset | null = null;
  rows.push(
    ...(await measured('Store at scale (Node, fake-indexeddb)', STORE_IN_NODE_ROWS, async () => {
      dataset = await measureStoreInNode(sizes);
      return dataset.rows;
    })),
  );
  const backup = (dataset as LargeDataset | null)?.backup ?? null;

  let withExtension: BenchBrowser | null = null;
  let without: BenchBrowser | null = null;
  let chromiumVersion = 'unknown';
  try {
    log('launching Chromium with and without the extension');
    withExtension = await launchBenchBrowser(OUTPUT_DIR);
    without = await launchBenchBrowser(null);
    chromiumVersion = chromiumVersionOf(without);
    const extension = withExtension;
    const plain = without;

    let imported = false;
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

    const calendarOptions = { chips: sizes.chips, backup: imported ? backup : null };
    const calendarWith = await routeBenchCalendar(extension.context, calendarOptions);
    const calendarWithout = await routeBenchCalendar(plain.context, calendarOptions);

    log(`panel latency (${sizes.panelOpens} opens)`);
    rows.push(
      ...(await measured('Panel latency (Chromium)', PANEL_LATENCY_ROWS, async () => {
        if (!backup || !imported)
          throw new NotMeasurable('the large data set is not in the extension');
        return measurePanelLatency(extension, calendarWith, backup, sizes.panelOpens);
      })),
    );

    log(`content-script cost (${sizes.costRuns} alternating runs per variant)`);
    try {
      const result = await measureContentScriptCost(
        { browser: extension, calendar: calendarWith },
        { browser: plain, calendar: calendarWithout },
        sizes,
      );
      rows.push(...result.cost, ...result.memory);
    } catch (error) {
      rows.push(
        ...failedRows(COST_SECTION, CONTENT_SCRIPT_COST_ROWS, error),
        ...failedRows(MEMORY_SECTION, MEMORY_ROWS, error),
      );
    }
  } catch (error) {
    rows.push(...failedRows('Chromium', ['launch and measure'], error));
  } finally {
    await withExtension?.close();
    await without?.close();
  }

  const elapsed = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\nCraft Beyond Code benchmark (${options.quick ? 'quick' : 'full'} run, ${elapsed} s)\n`,
  );
  console.log(textTable(rows));

  const errors = rows.filter((row) => row.verdict === 'ERROR');
  const over = rows.filter((row) => row.verdict === 'OVER BUDGET');
  if (options.quick) {
    console.log('\nQuick run: small sizes, BENCHMARKS.md not written, budgets not enforced.');
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

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
