// A tiny runtime-schema toolkit for the background's edge. Messages arrive as structured clones
// from content scripts that run next to Google's page, so every field is checked before the
// store sees it: exact shapes, bounded strings, enums, ranged integers, real calendar days.
// `fieldSchema` and `recordSchema` turn the record definitions (definitions.ts) into schemas.
//
// Hand-written rather than Valibot: measured on the same record schemas (esbuild, minified),
// Valibot 1.5 costs 2.8 KB gzip against 1.6 KB here, and its messages and date check differ
// from the ones users and tests see. Neither ships in the content script.
//
// A schema is a function that returns the checked value or throws SchemaError whose message
// names the field (`addActionItem.text: longer than 2000 characters`). Throwing keeps each
// schema one line; validateRequest (validate.ts) turns the error back into a value at the edge.

import { MAX_EMAIL_LENGTH, MAX_ID_LENGTH } from './limits';
import type { FieldRule, RecordDefinition } from './definitions';
import type { Problem } from './problems';
import { isCalendarDate, isEmailAddress, normalizeEmail } from './rules';

export class SchemaError extends Error {
  override name = 'SchemaError';
  /** What a person can fix (a text too long, a day too early); absent for malformed requests. */
  readonly problem: Problem | undefined;
  constructor(message: string, problem?: Problem) {
    super(message);
    this.problem = problem;
  }
}

export type Schema<T> = (value: unknown, path: string) => T;

/** Marks a key of an object schema that may be absent (or undefined). */
export interface Optional<T> {
  optional: Schema<T>;
}

type Field = Schema<unknown> | Optional<unknown>;
type OutputOf<F> = F extends Optional<infer T> ? T : F extends Schema<infer T> ? T : never;
type RequiredKeys<S> = { [K in keyof S]: S[K] extends Optional<unknown> ? never : K }[keyof S];
type OptionalKeys<S> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
type Flatten<T> = { [K in keyof T]: T[K] };
export type ObjectOf<S> = Flatten<
  { [K in RequiredKeys<S>]: OutputOf<S[K]> } & { [K in OptionalKeys<S>]?: OutputOf<S[K]> }
>;

function fail(path: string, problem: string, forPeople?: Problem): never {
  throw new SchemaError(`${path}: ${problem}`, forPeople);
}

/** Page-controlled text echoed in an error stays short. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

export function string(options: { max: number; nonBlank?: boolean }): Schema<string> {
  return (value, path) => {
    if (typeof value !== 'string') fail(path, 'expected a string');
    if (value.length > options.max)
      fail(path, `longer than ${options.max} characters`, {
        key: 'problemTooLong',
        values: { max: options.max },
      });
    if (options.nonBlank && value.trim() === '') {
      fail(path, 'must not be empty', { key: 'problemEmpty' });
    }
    return value;
  };
}

/** An email address, trimmed and lowercased (people are keyed by their lowercased address). */
export function email(options: { max: number; allowEmpty?: boolean }): Schema<string> {
  const text = string({ max: options.max });
  return (value, path) => {
    const checked = normalizeEmail(text(value, path));
    if (checked === '' && options.allowEmpty) return checked;
    if (!isEmailAddress(checked)) {
      fail(path, 'not a valid email address', { key: 'problemEmailInvalid' });
    }
    return checked;
  };
}

export function oneOf<const T extends readonly (string | number | boolean | null)[]>(
  ...values: T
): Schema<T[number]> {
  const listed = values.map((v) => JSON.stringify(v));
  const expected =
    listed.length === 1
      ? listed[0]
      : `${listed.slice(0, -1).join(', ')} or ${listed[listed.length - 1]}`;
  return (value, path) => {
    if (!values.includes(value as T[number])) fail(path, `expected ${expected}`);
    return value as T[number];
  };
}

export function integer(min: number, max: number): Schema<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(path, `expected a whole number from ${min} to ${max}`);
    }
    return value;
  };
}

export const boolean: Schema<boolean> = (value, path) => {
  if (typeof value !== 'boolean') fail(path, 'expected true or false');
  return value;
};

/** The range of instants a JavaScript Date can hold. */
const MAX_EPOCH_MS = 8.64e15;

/** An instant in epoch milliseconds. */
export const epochMs: Schema<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_EPOCH_MS) {
    fail(path, 'expected a time in epoch milliseconds');
  }
  return value;
};

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day 'yyyy-MM-dd', or '' for "no date". */
export const dateOrEmpty: Schema<string> = (value, path) => {
  if (value === '') return value;
  const match = typeof value === 'string' ? DATE_SHAPE.exec(value) : null;
  if (!match) fail(path, "expected a date as yyyy-MM-dd or ''", { key: 'problemDayInvalid' });
  if (!isCalendarDate(match[0])) {
    fail(path, `${quoted(match[0])} is not a calendar day`, { key: 'problemDayInvalid' });
  }
  return match[0];
};

/** A required calendar day 'yyyy-MM-dd', `earliest` or later. */
export function dayNotBefore(earliest: string): Schema<string> {
  return (value, path) => {
    if (value === '') fail(path, 'must not be empty', { key: 'problemDayInvalid' });
    const day = dateOrEmpty(value, path);
    if (day < earliest) {
      fail(path, `${quoted(day)} is before ${earliest}`, {
        key: 'problemDayTooEarly',
        values: { earliest },
      });
    }
    return day;
  };
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (value, path) => (value === null ? null : schema(value, path));
}

export function optional<T>(schema: Schema<T>): Optional<T> {
  return { optional: schema };
}

/** Anything: for payloads another module validates in full (a backup file). */
export const anything: Schema<unknown> = (value) => value;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** An object with exactly these keys: unknown keys are refused, optional ones may be absent. */
export function object<S extends Record<string, Field>>(shape: S): Schema<ObjectOf<S>> {
  const fields = Object.entries(shape);
  return (value, path) => {
    if (!isPlainObject(value)) fail(path, 'expected an object');
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) fail(path, `unknown field ${quoted(key)}`);
    }
    const result: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      const present = Object.hasOwn(value, key) && value[key] !== undefined;
      if ('optional' in field) {
        if (present) result[key] = field.optional(value[key], `${path}.${key}`);
      } else {
        if (!Object.hasOwn(value, key)) fail(`${path}.${key}`, 'missing');
        result[key] = field(value[key], `${path}.${key}`);
      }
    }
    return result as ObjectOf<S>;
  };
}

export function array<T>(item: Schema<T>, options: { max: number }): Schema<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) fail(path, 'expected a list');
    if (value.length > options.max) fail(path, `more than ${options.max} entries`);
    return value.map((entry, index) => item(entry, `${path}[${index}]`));
  };
}

/** A rule across fields: `check` returns a problem ("field: problem") or null. */
export function refine<T>(schema: Schema<T>, check: (value: T) => string | null): Schema<T> {
  return (value, path) => {
    const checked = schema(value, path);
    const problem = check(checked);
    if (problem !== null) throw new SchemaError(`${path}.${problem}`);
    return checked;
  };
}

/** The schema of one field of a record definition. */
export function fieldSchema(rule: FieldRule): Schema<unknown> {
  switch (rule.kind) {
    case 'id':
      return string({ max: MAX_ID_LENGTH, nonBlank: !rule.allowEmpty });
    case 'email':
      return email({ max: MAX_EMAIL_LENGTH, allowEmpty: rule.allowEmpty });
    case 'text':
      return string({ max: rule.max, nonBlank: rule.nonBlank });
    case 'day':
      return rule.notBefore === undefined ? dateOrEmpty : dayNotBefore(rule.notBefore);
    case 'instant':
      return rule.nullable ? nullable(epochMs) : epochMs;
    case 'flag':
      return oneOf(0, 1);
    case 'whole':
      return integer(rule.min, rule.max);
    case 'one-of': {
      const schema = oneOf(...rule.values);
      return rule.nullable ? nullable(schema) : schema;
    }
  }
}

/** Schemas of some fields of a definition, by name: the parts of a record a request carries. */
export function fieldSchemas<R, K extends keyof R & string>(
  definition: RecordDefinition<R>,
  keys: readonly K[],
): { [P in K]: Schema<R[P]> } {
  return Object.fromEntries(keys.map((key) => [key, fieldSchema(definition.fields[key])])) as {
    [P in K]: Schema<R[P]>;
  };
}

/** A whole record: exactly its fields, each checked, then the rules across them. */
export function recordSchema<R>(definition: RecordDefinition<R>): Schema<R> {
  const keys = Object.keys(definition.fields) as Array<keyof R & string>;
  const whole = object(fieldSchemas(definition, keys) as Record<string, Schema<unknown>>);
  return refine(whole as unknown as Schema<R>, (record) => {
    for (const rule of definition.rules) {
      if (rule.breach(record) !== null) return `${rule.field}: ${rule.rule}`;
    }
    return null;
  });
}
