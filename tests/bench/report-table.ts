// The benchmark's table, for the terminal and for BENCHMARKS.md.

import type { BenchRow } from './bench-row';

function sections(rows: readonly BenchRow[]): Map<string, BenchRow[]> {
  const grouped = new Map<string, BenchRow[]>();
  for (const row of rows) grouped.set(row.section, [...(grouped.get(row.section) ?? []), row]);
  return grouped;
}

export function textTable(rows: readonly BenchRow[]): string {
  const headers = ['what', 'figure', 'budget', 'verdict'] as const;
  const cells = (row: BenchRow) => [row.what, row.value, row.budget, row.verdict];
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => cells(row)[column]!.length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, column) => value.padEnd(widths[column]!))
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('─┼─');
  const out: string[] = [line(headers), rule];
  for (const [section, sectionRows] of sections(rows)) {
    out.push(`▸ ${section}`);
    for (const row of sectionRows) out.push(line(cells(row)));
  }
  return out.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function markdownTables(rows: readonly BenchRow[]): string {
  const out: string[] = [];
  for (const [section, sectionRows] of sections(rows)) {
    out.push(`### ${section}`, '', '| what | figure | budget | verdict |', '|---|---|---|---|');
    for (const row of sectionRows) {
      const verdict = row.verdict === 'OVER BUDGET' ? '**OVER BUDGET**' : row.verdict;
      out.push(`| ${[row.what, row.value, row.budget, verdict].map(escapeCell).join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
