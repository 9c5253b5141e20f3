// Plain values the calendar adapter reads out of Google Calendar's page. Nothing outside
// utils/calendar/ knows how they were read.

import type { Counterpart } from '../domain/records';

export type Surface = 'popover' | 'event-page';

export interface Guest {
  /** Lowercased address. */
  email: string;
  /** Display name when the page shows one, else ''. */
  name: string;
  isOrganizer: boolean;
  kind: 'person' | 'room' | 'group';
}

export interface CalendarEvent {
  surface: Surface;
  /** The eid exactly as the page carries it. */
  eid: string;
  /** Decoded event id ('' when the eid does not decode). */
  eventId: string;
  /** Calendar id from jslog when present, else the abbreviated one from the eid ('' if none). */
  calendarId: string;
  /** Event id with a recurring-instance suffix stripped, lowercased ('' when no event id). */
  seriesKey: string;
  title: string;
  /** Start in epoch ms when readable (recurring instance suffix, or machine-readable page data), else null. */
  start: number | null;
  /**
   * Days between occurrences from the popover's recurrence line ("Weekly on Thursday" → 7), in
   * the languages the adapter reads; null (or absent) when not recurring, not understood, or not
   * shown (the full event page).
   */
  recurrenceDays?: number | null;
  guests: Guest[];
  /** Whether the guest list is complete (rows present and matching the count). */
  guestListComplete: boolean;
  organizer: string | null;
  /** The signed-in user's address, lowercased, or null when not found. */
  me: string | null;
  /** Account index N of /calendar/u/N (0 when absent). */
  accountIndex: number;
}

export type Classification =
  | { kind: 'one-on-one'; person: Counterpart; confidence: 'high' | 'low'; reason: string }
  | { kind: 'not-one-on-one'; reason: string }
  | { kind: 'unknown'; reason: string };

/** What the watcher emits. */
export type EventSignal =
  | { type: 'shown'; event: CalendarEvent }
  | { type: 'changed'; event: CalendarEvent }
  | { type: 'closed' };

export type Theme = 'light' | 'dark';
