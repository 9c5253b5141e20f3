// Small date formatting for the panel: Intl, in the UI language (the panel's page keeps to Intl
// rather than date-fns locales: it is the page that must paint first). Due dates are calendar
// days ('yyyy-MM-dd', local).

import { translator } from '@/components/i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(locale: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale} ${withYear}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      ...(withYear ? { year: 'numeric' } : {}),
      month: 'short',
      day: 'numeric',
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * "Jun 3" this year, "Jun 3, 2024" otherwise (English; "3. Juni" / "6月3日" in German and
 * Japanese): in the page's UI language unless `locale` says otherwise.
 */
export function formatDay(ms: number, now: number, locale = translator().locale): string {
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return formatOf(locale, !sameYear).format(ms);
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
