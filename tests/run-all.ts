// `npm test`: everything CI runs, in order, each step's result printed, and a last line
// exactly `N passed, N failed`: tests passed/failed summed over the unit+DOM and e2e suites,
// where a step that failed without a failed test (type errors, lint, a build, a crash) counts
// as one failure. Exits non-zero on any failure. Works without a TTY (CI=true).
//
// The real-browser suite runs as two legs, one per browser: Chromium (the Playwright-only files
// and the shared scenarios of tests/e2e/both/) and Firefox ESR (the shared scenarios). The
// summary counts each leg's results and both together, and lists what runs in Chromium only.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ONLY } from './e2e/chromium-only';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const resultsDir = mkdtempSync(path.join(tmpdir(), 'cbc-test-results-'));

interface Step {
  name: string;
  command: string[];
  /** Vitest JSON report written by this step, if it is a test suite. */
  report?: string;
  /** Skip (and count as failed) when an earlier step named here failed. */
  needs?: string;
  /** Extra environment variables for the command. */
  env?: Record<string, string>;
  /** The browser of a real-browser leg, for the summary's per-browser counts. */
  browser?: string;
}

interface Outcome {
  name: string;
  ok: boolean;
  skipped: boolean;
  seconds: number;
  passed: number;
  failed: number;
  /** Whether the counts come from a test report. */
  reported: boolean;
  failures?: string[];
  browser?: string;
}

const unitReport = path.join(resultsDir, 'unit.json');
const chromiumReport = path.join(resultsDir, 'e2e-chromium.json');
const firefoxReport = path.join(resultsDir, 'e2e-firefox.json');
const E2E_CONFIG = ['--config', 'tests/e2e/vitest.config.ts'];
const vitestJson = (file: string) => [
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${file}`,
];

const steps: Step[] = [
  { name: 'type-check', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'lint', command: ['npm', 'run', 'lint'] },
  {
    name: 'unit + DOM tests',
    command: ['npx', 'vitest', 'run', ...vitestJson(unitReport)],
    report: unitReport,
  },
  { name: 'build (Chrome)', command: ['npx', 'wxt', 'build'] },
  { name: 'build (Firefox)', command: ['npx', 'wxt', 'build', '-b', 'firefox'] },
  {
    name: 'packages + addons-linter',
    command: ['npx', 'tsx', 'tests/package-check.ts'],
    needs: 'build (Firefox)',
  },
  {
    name: 'real-browser tests (Chromium)',
    command: [
      'npx',
      'vitest',
      'run',
      ...E2E_CONFIG,
      '--exclude',
      'tests/e2e/both/not-in-firefox.e2e.ts',
      ...vitestJson(chromiumReport),
    ],
    env: { E2E_BROWSERS: 'chromium' },
    report: chromiumReport,
    needs: 'build (Chrome)',
    browser: 'Chromium',
  },
  {
    name: 'real-browser tests (Firefox ESR)',
    command: [
      'npx',
      'vitest',
      'run',
      ...E2E_CONFIG,
      'tests/e2e/both',
      ...vitestJson(firefoxReport),
    ],
    env: { E2E_BROWSERS: 'firefox' },
    report: firefoxReport,
    needs: 'build (Firefox)',
    browser: 'Firefox ESR',
  },
];
if (existsSync(path.join(ROOT, 'tests/bench/run.ts'))) {
  steps.push({
    name: 'quick benchmark',
    command: ['npx', 'tsx', 'tests/bench/run.ts', '--quick'],
    needs: 'build (Chrome)',
  });
}

/** Passed / failed test counts from a Vitest JSON report, or null when there is none. */
function readReport(file: string): { passed: number; failed: number; failures: string[] } | null {
  if (!existsSync(file)) return null;
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      numPassedTests?: number;
      numFailedTests?: number;
      testResults?: {
        name?: string;
        assertionResults?: { fullName?: string; status?: string; failureMessages?: string[] }[];
      }[];
    };
    // Failed tests are named again in the summary: CI logs are often read from the tail.
    const failures: string[] = [];
    for (const file of report.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status !== 'failed') continue;
        const where = path.relative(ROOT, file.name ?? '');
        const why = (test.failureMessages?.[0] ?? '').split('\n')[0]!.slice(0, 300);
        failures.push(`${where} › ${test.fullName ?? '?'}\n      ${why}`);
      }
    }
    return {
      passed: report.numPassedTests ?? 0,
      failed: report.numFailedTests ?? 0,
      failures,
    };
  } catch {
    return null;
  }
}

const outcomes: Outcome[] = [];
for (const step of steps) {
  const blocker = step.needs ? outcomes.find((o) => o.name === step.needs && !o.ok) : undefined;
  if (blocker) {
    console.log(`\n▶ ${step.name}: skipped (${blocker.name} failed)`);
    outcomes.push({
      name: step.name,
      ok: false,
      skipped: true,
      seconds: 0,
      passed: 0,
      failed: 1,
      reported: false,
      browser: step.browser,
    });
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const started = Date.now();
  const [command, ...args] = step.command as [string, ...string[]];
  const run = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const ok = run.status === 0 && !run.error;
  const counts = step.report ? readReport(step.report) : null;
  // A failed step with no failed test in its report still counts as one failure.
  const failed = (counts?.failed ?? 0) + (!ok && (counts?.failed ?? 0) === 0 ? 1 : 0);
  outcomes.push({
    name: step.name,
    ok,
    skipped: false,
    seconds: (Date.now() - started) / 1000,
    passed: counts?.passed ?? 0,
    failed,
    reported: counts !== null,
    failures: counts?.failures,
    browser: step.browser,
  });
}
rmSync(resultsDir, { recursive: true, force: true });

console.log('\nSummary');
for (const o of outcomes) {
  const status = o.skipped ? 'SKIPPED' : o.ok ? 'ok' : 'FAILED';
  const tests = o.reported ? ` (${o.passed} passed, ${o.failed} failed)` : '';
  console.log(
    `  ${status.padEnd(7)} ${o.name}${tests} ${o.skipped ? '' : `${o.seconds.toFixed(1)}s`}`,
  );
  for (const failure of o.failures ?? []) console.log(`    ✗ ${failure}`);
}
const legs = outcomes.filter((o) => o.browser !== undefined);
if (legs.length > 0) {
  const count = (list: Outcome[]) =>
    `${list.reduce((sum, o) => sum + o.passed, 0)} passed, ${list.reduce((sum, o) => sum + o.failed, 0)} failed`;
  const each = legs.map((o) => `${o.browser} ${count([o])}`).join('; ');
  console.log(`  real-browser tests by browser: ${each}; together ${count(legs)}`);
  console.log('  In Chromium only (named in the Firefox leg’s output):');
  for (const entry of CHROMIUM_ONLY) console.log(`    - ${entry.what}: ${entry.why}`);
}
const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
