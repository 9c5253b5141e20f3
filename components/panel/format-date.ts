// Small date formatting for the panel: Intl only (date-fns locales would blow the content
// script's size budget). Due dates are calendar days ('yyyy-MM-dd', local).

let shortDay: Intl.DateTimeFormat | undefined;
let longDay: Intl.DateTimeFormat | undefined;

/** "Jun 3" this year, "Jun 3, 2024" otherwise. */
export function formatDay(ms: number, now: number): string {
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  if (sameYear) {
    shortDay ??= new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
    return shortDay.format(ms);
  }
  longDay ??= new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
  return longDay.format(ms);
}

/** Local midnight of a 'yyyy-MM-dd' day, or null when it is not one. */
export function parseDayKey(key: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

/** 'yyyy-MM-dd' of an instant, local time. */
export function dayKeyOf(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A due day before today (local). Days compare as strings because they are zero-padded. */
export function isOverdue(due: string, now: number): boolean {
  return due !== '' && due < dayKeyOf(now);
}

/** A due day as "Jun 3", or the raw text when it is not a day. */
export function formatDueDay(due: string, now: number): string {
  const ms = parseDayKey(due);
  return ms === null ? due : formatDay(ms, now);
}
