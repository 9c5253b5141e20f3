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

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real 'yyyy-MM-dd' day (2024-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
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
