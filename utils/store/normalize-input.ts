// Input normalisation and the checks every write shares. The background validates requests at
// its edge; these keep the store's own invariants (lowercase emails, 0..100 shares, real dates)
// whoever calls it.

import { StoreError } from './db';
import type { Owner, ProjectStatus, Wellbeing } from './types';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function requireEmail(email: string): string {
  const normalized = normalizeEmail(email);
  if (normalized === '') throw new StoreError('An email address is required.');
  return normalized;
}

/** Single-line fields (names, item text) lose surrounding spaces; notes are kept exactly. */
export function normalizeLine(text: string): string {
  return text.trim();
}

export function requireText(text: string, what: string): string {
  const normalized = normalizeLine(text);
  if (normalized === '') throw new StoreError(`${what} is empty.`);
  return normalized;
}

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

export function requireOptionalDate(value: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed !== '' && !isCalendarDate(trimmed)) {
    throw new StoreError(`${what} must be a date like 2025-01-31, or empty.`);
  }
  return trimmed;
}

export function isOwner(value: unknown): value is Owner {
  return value === 'me' || value === 'them';
}

export function requireOwner(value: string): Owner {
  if (!isOwner(value)) throw new StoreError(`Owner must be "me" or "them", not "${value}".`);
  return value;
}

export function isProjectStatus(value: unknown): value is ProjectStatus {
  return value === 'active' || value === 'paused' || value === 'done';
}

export function requireProjectStatus(value: string): ProjectStatus {
  if (!isProjectStatus(value)) {
    throw new StoreError(`Project status must be "active", "paused" or "done", not "${value}".`);
  }
  return value;
}

export function isWellbeing(value: unknown): value is Wellbeing {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

export function requireWellbeing(value: number | null): Wellbeing | null {
  if (value === null) return null;
  if (!isWellbeing(value)) throw new StoreError(`Wellbeing must be 1 to 5, not ${value}.`);
  return value;
}

export function isShare(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;
}

export function requireShare(value: number): number {
  if (!isShare(value))
    throw new StoreError(`Share must be a whole percent 0 to 100, not ${value}.`);
  return value;
}

export const MIN_CADENCE_DAYS = 1;
export const MAX_CADENCE_DAYS = 365;

export function isCadenceDays(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_CADENCE_DAYS &&
    value <= MAX_CADENCE_DAYS
  );
}

export function requireCadenceDays(value: number): number {
  if (!isCadenceDays(value)) {
    throw new StoreError(
      `Cadence must be a whole number of days ${MIN_CADENCE_DAYS} to ${MAX_CADENCE_DAYS}, not ${value}.`,
    );
  }
  return value;
}
