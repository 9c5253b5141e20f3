// A quick run (npm test's last step) measures tiny data sets on a busy CI machine: its timings
// say nothing about budgets written for 100k action items, so it must not print verdicts on them.

import { describe, expect, it } from 'vitest';
import { row, type BenchRow } from '../../bench/bench-row';
import { BUDGETS } from '../../bench/budgets';
import { textTable } from '../../bench/report-table';
import { verdictsForRun } from '../../bench/quick-run';

const rows = (): BenchRow[] => [
  row(
    'Bundle',
    'content script total (injected into Calendar)',
    '70 KB raw, 26.0 KB gzip',
    BUDGETS.contentScriptGzip,
    26 * 1024,
  ),
  row(
    'Store at scale (Chromium, extension IndexedDB)',
    'popup first render (Open follow-ups listed) median / p95',
    '1.03 s',
    BUDGETS.popupFirstRender,
    1030,
  ),
  row(
    'Panel latency (Chromium)',
    'popover → panel painted p50 / p95',
    '12 ms',
    BUDGETS.panelLatencyP95,
    12,
  ),
  {
    section: 'Panel latency (Chromium)',
    what: 'popover → panel painted, first open (cold)',
    value: 'error: timed out',
    budget: '',
    verdict: 'ERROR',
  },
];

describe('verdictsForRun', () => {
  it('prints no budget verdict on a quick run for figures that depend on its small sizes', () => {
    const quick = verdictsForRun(rows(), { quick: true });
    const table = textTable(quick.filter((r) => r.section !== 'Bundle'));
    expect(table).not.toContain('OVER BUDGET');
    expect(table).not.toContain('within budget');
    expect(table).not.toContain('aim met');
    const popup = quick.find((r) => r.what.startsWith('popup first render'))!;
    expect(popup).toMatchObject({
      value: '1.03 s',
      verdict: '',
      budget: 'not judged (quick sizes)',
    });
  });

  it('keeps what a quick run does measure: the bundle (same build) and harness errors', () => {
    const quick = verdictsForRun(rows(), { quick: true });
    expect(quick[0]).toEqual(rows()[0]);
    expect(quick[0]!.verdict).toBe('OVER BUDGET');
    expect(quick[3]!.verdict).toBe('ERROR');
  });

  it('leaves a full run as measured', () => {
    expect(verdictsForRun(rows(), { quick: false })).toEqual(rows());
  });
});
