// The rules several layers share, written once: what a calendar day is, what an email address
// looks like, how the indexed `open` flag mirrors its closing instant. Request validation,
// backup validation and the store's input normalisation all call these.

import type { Flag } from './records';

/** The value of `length` decimal digits of `text` from `at`, or -1 if one is not a digit. */
function digitsAt(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A real 'yyyy-MM-dd' day (2024-02-30 is not one). Character codes, no regex or Date: backups
 * check this for every dated record.
 */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  // Years before 100 never passed the earlier Date-based check (Date.UTC maps them to 19xx).
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth;
}

/** People are keyed by their trimmed, lowercased address. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * `v === normalizeEmail(v)`, without building a lowercased copy of every email of a large
 * backup: ASCII is checked by character code, anything else gets the exact rule.
 */
export function isNormalizedEmail(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (code >= 65 && code <= 90) return false; // A-Z
    if (code > 127) return v === normalizeEmail(v);
  }
  return v === v.trim();
}

// Deliberately loose (RFC 5322 allows far more): one @, no spaces, quotes, brackets or control
// characters, and a dot in the domain. Calendar guests, groups and resources all pass.
const EMAIL_SHAPE = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\].]+$/;
const PRINTABLE = /^[\x21-\x7e\u00a0-\uffff]+$/;

/** Looks like an address (checked after normalizeEmail). */
export function isEmailAddress(value: string): boolean {
  return EMAIL_SHAPE.test(value) && PRINTABLE.test(value);
}

/**
 * The indexed `open` flag of an action item (doneAt) or talking point (discussedAt): 1 exactly
 * while the closing instant is null. IndexedDB cannot index null, so queries of open items read
 * the flag; a record whose flag disagrees is lost to them.
 */
export function openFlagOf(closedAt: number | null): Flag {
  return closedAt === null ? 1 : 0;
}

/** Single-line fields (names, item text) lose surrounding spaces; notes are kept exactly. */
export function normalizeLine(text: string): string {
  return text.trim();
}
