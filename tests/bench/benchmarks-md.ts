// Writes the latest full run into BENCHMARKS.md, between two markers: the prose around them
// (how to reproduce, what each figure means, why a budget is or is not met) is written by hand
// and kept; the machine and the tables are replaced on every full run.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import type { BenchRow } from './bench-row';
import type { MachineDescription } from './machine';
import { markdownTables } from './report-table';

export const RESULTS_START =
  '<!-- bench:results:start (written by npm run bench; edits here are lost) -->';
export const RESULTS_END = '<!-- bench:results:end -->';

export function resultsBlock(machine: MachineDescription, rows: readonly BenchRow[]): string {
  const over = rows.filter((row) => row.verdict === 'OVER BUDGET').map((row) => row.what);
  const judged = rows.filter((row) => row.budget !== '' && row.verdict !== '');
  const summary =
    over.length > 0
      ? `**${over.length} of ${judged.length} budgeted figures are over budget:** ${over.join('; ')}.`
      : `All ${judged.length} budgeted figures that could be measured are within budget.`;
  return [
    RESULTS_START,
    '',
    `Measured ${machine.date} on:`,
    '',
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- memory: ${machine.memory}`,
    `- OS: ${machine.os}`,
    `- Node ${machine.node}, Chromium ${machine.chromium} (headless)`,
    '',
    summary,
    '',
    markdownTables(rows),
    RESULTS_END,
  ].join('\n');
}

/** Replaces the results block (or appends one) and formats the file as `npm run lint` expects. */
export async function writeBenchmarksMd(
  path: string,
  machine: MachineDescription,
  rows: readonly BenchRow[],
): Promise<void> {
  const block = resultsBlock(machine, rows);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\n';
  const start = current.indexOf(RESULTS_START);
  const end = current.indexOf(RESULTS_END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + RESULTS_END.length)
      : `${current.trimEnd()}\n\n## Latest figures\n\n${block}\n`;
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(next, { ...options, filepath: path }));
}
