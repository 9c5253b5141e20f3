// One line of the benchmark's table, and how a figure is judged against the budgets (docs/budgets.md).

/** ERROR: the harness itself failed (not a missing dependency): the bench exits non-zero. */
export type Verdict = 'aim met' | 'within budget' | 'OVER BUDGET' | 'ERROR' | '';

export interface BenchRow {
  section: string;
  what: string;
  /** The formatted figure, or `n/a (reason)` when it could not be measured. */
  value: string;
  /** The budget as docs/budgets.md writes it, '' when none. */
  budget: string;
  verdict: Verdict;
}

/** A lower-is-better budget from docs/budgets.md. */
export interface Budget {
  limit: number;
  aim?: number;
  /** How the table shows it, e.g. `≤ 15 KB (aim ≤ 8 KB)`. */
  label: string;
}

/**
 * Thrown when something the measurement needs does not exist yet (an entrypoint not built, a
 * harness helper or UI landmark missing). Its rows print `n/a (reason)` instead of a number.
 */
export class NotMeasurable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotMeasurable';
  }
}

export function judge(value: number, budget: Budget | undefined): Verdict {
  if (!budget) return '';
  if (value > budget.limit) return 'OVER BUDGET';
  if (budget.aim !== undefined && value <= budget.aim) return 'aim met';
  return 'within budget';
}

export function row(
  section: string,
  what: string,
  value: string,
  budget?: Budget,
  measured?: number,
): BenchRow {
  return {
    section,
    what,
    value,
    budget: budget?.label ?? '',
    verdict: budget && measured !== undefined ? judge(measured, budget) : '',
  };
}

export function notAvailableRow(section: string, what: string, reason: string): BenchRow {
  return { section, what, value: `n/a (${reason})`, budget: '', verdict: '' };
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

export function formatPercent(percent: number): string {
  const sign = percent > 0 ? '+' : '';
  return `${sign}${percent.toFixed(2)} %`;
}

/** The rows of a failed measurement: `n/a (reason)` for a missing dependency, else an error. */
export function failedRows(section: string, whats: readonly string[], error: unknown): BenchRow[] {
  if (error instanceof NotMeasurable) {
    return whats.map((what) => notAvailableRow(section, what, error.message));
  }
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return whats.map((what) => ({
    section,
    what,
    value: `error: ${message.slice(0, 200)}`,
    budget: '',
    verdict: 'ERROR' as const,
  }));
}

/** Runs one measurement; its failure becomes rows instead of ending the run. */
export async function measured(
  section: string,
  whats: readonly string[],
  work: () => Promise<BenchRow[]>,
): Promise<BenchRow[]> {
  try {
    return await work();
  } catch (error) {
    return failedRows(section, whats, error);
  }
}
