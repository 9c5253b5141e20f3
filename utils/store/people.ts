// People: keyed by lowercased email.

import { comparePeopleByName } from './follow-up-order';
import type { CbcDatabase } from './db';
import { StoreError } from './db';
import { MAX_NOTE_LENGTH } from '../domain/limits';
import {
  normalizeEmail,
  normalizeText,
  requireCadenceDays,
  requireEmail,
  requireLength,
} from './normalize-input';
import type { Person } from '../domain/records';

export const DEFAULT_CADENCE_DAYS = 14;

/** Creates the person, or updates the name only when the given name is non-empty. */
export async function upsertPerson(
  db: CbcDatabase,
  input: { email: string; name: string; cadenceDays?: number; profileNotes?: string },
  now: number,
): Promise<Person> {
  const email = requireEmail(input.email);
  const name = normalizeText(input.name, 'Name');
  const cadenceDays =
    input.cadenceDays === undefined ? undefined : requireCadenceDays(input.cadenceDays);
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(email);
    if (!existing) {
      const person: Person = {
        email,
        name,
        cadenceDays: cadenceDays ?? DEFAULT_CADENCE_DAYS,
        cadenceSource: cadenceDays === undefined ? 'default' : 'manager',
        profileNotes: profileNotesOf(input.profileNotes) ?? '',
        archived: 0,
        createdAt: now,
        updatedAt: now,
      };
      await db.people.add(person);
      return person;
    }
    const updated: Person = {
      ...existing,
      name: name === '' ? existing.name : name,
      cadenceDays: cadenceDays ?? existing.cadenceDays,
      cadenceSource: cadenceDays === undefined ? existing.cadenceSource : 'manager',
      profileNotes: profileNotesOf(input.profileNotes) ?? existing.profileNotes,
    };
    if (isSamePerson(updated, existing)) return existing;
    updated.updatedAt = now;
    await db.people.put(updated);
    return updated;
  });
}

/**
 * Adds a person by hand (the popup). An address already stored, in any letter case, is refused
 * with a message naming who has it: adding must never rename someone silently.
 */
export async function addPerson(
  db: CbcDatabase,
  input: { email: string; name: string },
  now: number,
): Promise<Person> {
  const email = requireEmail(input.email);
  const name = normalizeText(input.name, 'Name');
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(email);
    if (existing) {
      const who = existing.name ? `${existing.name} (${email})` : email;
      const archived = existing.archived === 1;
      throw new StoreError(`${who} is already in People${archived ? ', archived' : ''}.`, {
        key: archived ? 'problemPersonExistsArchived' : 'problemPersonExists',
        values: { who },
      });
    }
    const person = personToEnsure(undefined, email, name, now);
    await db.people.add(person);
    return person;
  });
}

/**
 * Ensures a person row exists (inside the caller's transaction); a given name fills an empty
 * one but never replaces a name the user already has.
 */
export async function ensurePerson(
  db: CbcDatabase,
  email: string,
  name: string,
  now: number,
): Promise<Person> {
  const existing = await db.people.get(email);
  const person = personToEnsure(existing, email, name, now);
  if (person !== existing) await db.people.put(person);
  return person;
}

/**
 * What ensurePerson stores: `existing` itself when nothing changes (no write needed), else the
 * new person or the existing one with the given name filling an empty one.
 */
export function personToEnsure(
  existing: Person | undefined,
  email: string,
  name: string,
  now: number,
): Person {
  const trimmedName = normalizeText(name, 'Name');
  if (!existing) {
    return {
      email,
      name: trimmedName,
      cadenceDays: DEFAULT_CADENCE_DAYS,
      cadenceSource: 'default',
      profileNotes: '',
      archived: 0,
      createdAt: now,
      updatedAt: now,
    };
  }
  if (existing.name === '' && trimmedName !== '') {
    return { ...existing, name: trimmedName, updatedAt: now };
  }
  return existing;
}

export async function updatePerson(
  db: CbcDatabase,
  input: {
    email: string;
    name?: string;
    cadenceDays?: number;
    profileNotes?: string;
    archived?: boolean;
  },
  now: number,
): Promise<Person> {
  const email = requireEmail(input.email);
  const cadenceDays =
    input.cadenceDays === undefined ? undefined : requireCadenceDays(input.cadenceDays);
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(email);
    if (!existing) throw new StoreError(`No person with email "${email}".`, { key: 'problemGone' });
    const updated: Person = {
      ...existing,
      name: input.name === undefined ? existing.name : normalizeText(input.name, 'Name'),
      cadenceDays: cadenceDays ?? existing.cadenceDays,
      // A cadence given here is the manager's choice: the calendar no longer changes it.
      cadenceSource: cadenceDays === undefined ? existing.cadenceSource : 'manager',
      profileNotes: profileNotesOf(input.profileNotes) ?? existing.profileNotes,
      archived: input.archived === undefined ? existing.archived : input.archived ? 1 : 0,
      updatedAt: now,
    };
    await db.people.put(updated);
    return updated;
  });
}

export async function getPerson(db: CbcDatabase, email: string): Promise<Person | undefined> {
  return db.people.get(normalizeEmail(email));
}

/** People by display name (the email when there is no name), case-insensitively. */
export async function listPeople(
  db: CbcDatabase,
  options: { includeArchived?: boolean } = {},
): Promise<Person[]> {
  const people = await db.people.toArray();
  return people
    .filter((person) => options.includeArchived || person.archived === 0)
    .sort(comparePeopleByName);
}

export { comparePeopleByName };

function isSamePerson(a: Person, b: Person): boolean {
  return (
    a.name === b.name &&
    a.cadenceDays === b.cadenceDays &&
    a.cadenceSource === b.cadenceSource &&
    a.profileNotes === b.profileNotes
  );
}

/** Profile notes are kept exactly as typed, up to the notes' length. */
function profileNotesOf(notes: string | undefined): string | undefined {
  return notes === undefined ? undefined : requireLength(notes, 'Profile notes', MAX_NOTE_LENGTH);
}
