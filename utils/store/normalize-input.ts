// Input normalisation and the checks every write shares. The background validates requests at
// its edge; these keep the store's own invariants whoever calls it. The bounds, days, addresses
// and allowed values come from the record definitions (utils/domain/definitions.ts), the same
// ones the request schemas and the backup checks are built from.

import { FIELD } from '../domain/definitions';
import { EARLIEST_DAY, MAX_EMAIL_LENGTH, MAX_TEXT_LENGTH } from '../domain/limits';
import type { FeedbackKind, Owner, ProjectStatus, TopicRhythm, Wellbeing } from '../domain/records';
import { isCalendarDate, isEmailAddress, normalizeEmail, normalizeLine } from '../domain/rules';
import { StoreError } from './db';

export { normalizeEmail, normalizeLine };

/** Page or user text echoed in an error stays short. */
function shown(value: unknown): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function requireEmail(email: string): string {
  const normalized = normalizeEmail(email);
  if (normalized === '')
    throw new StoreError('An email address is required.', { key: 'problemEmailRequired' });
  if (normalized.length > MAX_EMAIL_LENGTH || !isEmailAddress(normalized)) {
    throw new StoreError(`"${shown(normalized)}" is not a valid email address.`, {
      key: 'problemEmailInvalid',
    });
  }
  return normalized;
}

export function requireText(text: string, what: string, max: number = MAX_TEXT_LENGTH): string {
  const normalized = normalizeLine(text);
  if (normalized === '') throw new StoreError(`${what} is empty.`, { key: 'problemEmpty' });
  return requireLength(normalized, what, max);
}

/** Text kept as given (notes) or allowed empty (names): only its length is bounded. */
export function requireLength(text: string, what: string, max: number = MAX_TEXT_LENGTH): string {
  if (text.length > max) {
    throw new StoreError(`${what} is longer than ${max} characters.`, {
      key: 'problemTooLong',
      values: { max },
    });
  }
  return text;
}

/** Single-line text that may be empty (names, descriptions, roles): trimmed and bounded. */
export function normalizeText(text: string, what: string): string {
  return requireLength(normalizeLine(text), what);
}

export function requireOptionalDate(value: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed !== '' && !isCalendarDate(trimmed)) {
    throw new StoreError(`${what} must be a date like 2025-01-31, or empty.`, {
      key: 'problemDayInvalid',
    });
  }
  return trimmed;
}

function isOneOf<T>(values: readonly unknown[], value: unknown): value is T {
  return values.includes(value);
}

export function requireOwner(value: string): Owner {
  if (!isOneOf<Owner>(FIELD.owner.values, value)) {
    throw new StoreError(`Owner must be "me" or "them", not "${shown(value)}".`);
  }
  return value;
}

export function requireProjectStatus(value: string): ProjectStatus {
  if (!isOneOf<ProjectStatus>(FIELD.projectStatus.values, value)) {
    throw new StoreError(
      `Project status must be "active", "paused" or "done", not "${shown(value)}".`,
    );
  }
  return value;
}

export function isWellbeing(value: unknown): value is Wellbeing {
  return isOneOf<Wellbeing>(FIELD.wellbeing.values, value);
}

export function requireWellbeing(value: number | null): Wellbeing | null {
  if (value === null) return null;
  if (!isWellbeing(value)) throw new StoreError(`Wellbeing must be 1 to 5, not ${value}.`);
  return value;
}

function isWhole(rule: { min: number; max: number }, value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= rule.min && value <= rule.max
  );
}

export function requireShare(value: number): number {
  if (!isWhole(FIELD.share, value)) {
    throw new StoreError(
      `Share must be a whole percent ${FIELD.share.min} to ${FIELD.share.max}, not ${value}.`,
    );
  }
  return value;
}

export function isCadenceDays(value: unknown): value is number {
  return isWhole(FIELD.cadenceDays, value);
}

export function requireCadenceDays(value: number): number {
  if (!isCadenceDays(value)) {
    const { min, max } = FIELD.cadenceDays;
    throw new StoreError(`Cadence must be a whole number of days ${min} to ${max}, not ${value}.`);
  }
  return value;
}

/** A required day 'yyyy-MM-dd', 1970 or later (feedback log entries). */
export function requireDayFrom1970(value: string, what: string): string {
  const trimmed = value.trim();
  if (!isCalendarDate(trimmed)) {
    throw new StoreError(`${what} must be a date like 2025-01-31.`, { key: 'problemDayInvalid' });
  }
  if (trimmed < EARLIEST_DAY) {
    throw new StoreError(`${what} must be ${EARLIEST_DAY} or later, not ${trimmed}.`, {
      key: 'problemDayTooEarly',
      values: { earliest: EARLIEST_DAY },
    });
  }
  return trimmed;
}

export function requireRhythm(value: string): TopicRhythm {
  if (!isOneOf<TopicRhythm>(FIELD.rhythm.values, value)) {
    throw new StoreError(
      `Rhythm must be "every", "every-other", "monthly" or "quarterly", not "${shown(value)}".`,
    );
  }
  return value;
}

export function requireFeedbackKind(value: string): FeedbackKind {
  if (!isOneOf<FeedbackKind>(FIELD.feedbackKind.values, value)) {
    throw new StoreError(
      `Kind must be "praise", "feedback", "concern" or "win", not "${shown(value)}".`,
    );
  }
  return value;
}

/** An address, or '' for "everyone" (standing topics of the default set). */
export function requireEmailOrEveryone(email: string): string {
  return normalizeEmail(email) === '' ? '' : requireEmail(email);
}
