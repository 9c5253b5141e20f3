// `npm test`: everything CI runs, in order, each step's result printed, and a last line
// exactly `N passed, N failed`: tests passed/failed summed over the unit+DOM and e2e suites,
// where a step that failed without a failed test (type errors, lint, a build, a crash) counts
// as one failure. Exits non-zero on any failure. Works without a TTY (CI=true).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const resultsDir = mkdtempSync(path.join(tmpdir(), 'cbc-test-results-'));

interface Step {
  name: string;
  command: string[];
  /** Vitest JSON report written by this step, if it is a test suite. */
  report?: string;
  /** Skip (and count as failed) when an earlier step named here failed. */
  needs?: string;
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
}

const unitReport = path.join(resultsDir, 'unit.json');
const e2eReport = path.join(resultsDir, 'e2e.json');
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
    name: 'real-browser tests',
    command: [
      'npx',
      'vitest',
      'run',
      '--config',
      'tests/e2e/vitest.config.ts',
      ...vitestJson(e2eReport),
    ],
    report: e2eReport,
    needs: 'build (Chrome)',
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
    });
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const started = Date.now();
  const [command, ...args] = step.command as [string, ...string[]];
  const run = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
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
const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
