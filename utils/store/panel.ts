// Everything the side panel shows for one occurrence, recorded and read in one transaction so the
// panel never sees half of a concurrent write.

import { counterpartAfterDecision } from '../domain/series-decision';
import type { Counterpart, PanelData, ProjectShare } from '../domain/records';
import type { EventRef } from '../messaging/protocol';
import { withRecurrenceCadence, withSeenCadence } from './cadence-from-calendar';
import { getSeriesOverride } from './overrides';
import type { CbcDatabase } from './db';
import { openItemsForPerson } from './action-items';
import { meetingToRecord, normalizeMeetingInput, recentMeetings } from './meetings';
import { meetingOf, noteOf, type StoredMeeting } from './notes-in-meetings';
import { requireEmail } from './normalize-input';
import { personToEnsure } from './people';
import { assignmentsForPerson } from './projects';
import { queuedTalkingPoints } from './talking-points';
import { topicsAtMeeting } from './standing-topics';
import type { Person, SeriesOverride } from '../domain/records';
import { WELLBEING_WINDOW } from './wellbeing-signals';

/** The same window as the popup's, so both read the same trend. */
export const PANEL_WELLBEING_LIMIT = WELLBEING_WINDOW;

/**
 * Records the person (the calendar's name only fills an empty one; the series' recurrence or, for
 * a new occurrence, the gap between occurrences sets a cadence the manager did not choose) and the
 * occurrence, then reads the panel's data.
 *
 * Re-opening a known occurrence of a known person, the common case, writes nothing: it is one
 * read-only transaction, which never waits for nor blocks other readers (an open popup, chip
 * badges). Only when the person or the meeting is new or changed does it take a read-write
 * transaction, which re-reads both so a concurrent change is not overwritten.
 */
export async function openOneOnOne(
  db: CbcDatabase,
  input: { event: EventRef; person: Counterpart },
  now: number,
  /**
   * `inWrite`: the caller holds a read-write transaction already (openEventPanel), so the
   * read-only look for a known occurrence is skipped: recording and reading happen at once.
   */
  options: { inWrite?: boolean } = {},
): Promise<PanelData> {
  const personEmail = requireEmail(input.person.email);
  const { event } = input;
  const meetingInput = normalizeMeetingInput({
    eid: event.eid,
    seriesKey: event.seriesKey,
    personEmail,
    start: event.start,
    title: event.title,
  });
  const panelTables = panelTablesOf(db);
  /**
   * Reads the stored person and meeting; null when either must be written first. With `write`,
   * writes what is new or changed; the third value says what was written.
   */
  const recorded = async (
    write: boolean,
  ): Promise<[Person, StoredMeeting, 'nothing' | 'new meeting' | 'changes'] | null> => {
    const [storedPerson, storedMeeting] = await Promise.all([
      db.people.get(personEmail),
      db.meetings.get(meetingInput.eid),
    ]);
    let person = withRecurrenceCadence(
      personToEnsure(storedPerson, personEmail, input.person.name, now),
      event.recurrenceDays,
      now,
    );
    const meeting = meetingToRecord(storedMeeting, meetingInput, now);
    if (person === storedPerson && meeting === storedMeeting) return [person, meeting, 'nothing'];
    if (!write) return null;
    // A new occurrence tells how often the 1:1s happen when the series did not say.
    if (!storedMeeting) person = await withSeenCadence(db, person, [meeting.start], now);
    const writes: Array<Promise<unknown>> = [];
    if (person !== storedPerson) writes.push(db.people.put(person));
    // The meeting's notes are in its record (read above, in this transaction): they stay with it.
    if (meeting !== storedMeeting) writes.push(db.meetings.put(meeting));
    await Promise.all(writes);
    return [person, meeting, storedMeeting ? 'changes' : 'new meeting'];
  };

  // The common case (a known occurrence) in one round of reads: the panel's parts are read for
  // the start the calendar gives beside the stored person and meeting, and kept when the stored
  // meeting has that start.
  const start = meetingInput.start;
  const readAhead = () =>
    start === null ? null : readPanelParts(db, personEmail, meetingInput.eid, start, now);
  if (!options.inWrite) {
    const known = await db.transaction('r', panelTables, async () => {
      const [found, parts] = await Promise.all([recorded(false), readAhead()]);
      if (!found) return null;
      const [person, meeting] = found;
      if (parts && meeting.start === start) return assemblePanel(person, meeting, parts);
      return readPanel(db, person, meeting, now);
    });
    if (known) return known;
  }
  // A new occurrence (a first open) is recorded and its panel read in the same round: the reads
  // are queued before the writes, so they see the store without this meeting, which changes
  // only the last 1:1 (the meeting itself once started); that one value is brought up to date.
  return db.transaction('rw', panelTables, async () => {
    const [found, parts] = await Promise.all([recorded(true), readAhead()]);
    const [person, meeting, written] = found!;
    if (parts && meeting.start === start) {
      if (written === 'nothing') return assemblePanel(person, meeting, parts);
      if (written === 'new meeting') {
        return assemblePanel(person, meeting, withRecordedMeeting(parts, meeting, now));
      }
    }
    return readPanel(db, person, meeting, now);
  });
}

/**
 * Panel parts read just before `meeting` was recorded, as they are with it recorded: a new
 * meeting has no notes, so only the last 1:1 can change.
 */
function withRecordedMeeting(parts: PanelParts, meeting: StoredMeeting, now: number): PanelParts {
  const [recent, ...rest] = parts;
  const last = recent.lastOneOnOne;
  const started = meeting.start <= now && (last === null || meeting.start > last.start);
  return [{ ...recent, lastOneOnOne: started ? meetingOf(meeting) : last }, ...rest];
}

/**
 * The series' decision and, when the occurrence is a 1:1, the recorded panel: one call for an
 * occurrence of a series the content script has not seen. The stored decision is read first and
 * wins: "not a 1:1" records nothing, "1:1 with X" records under X whoever `person` names; with no
 * decision `person` (the content script's classification) is used, and null records nothing.
 */
export async function openEventPanel(
  db: CbcDatabase,
  input: { event: EventRef; person: Counterpart | null },
  now: number,
): Promise<{ override: SeriesOverride | null; panel: PanelData | null }> {
  const { event } = input;
  // One transaction for the decision, the recording and the reads (openOneOnOne's own nest in
  // it): the first open of a series in a tab is one round trip, and one transaction, long.
  return db.transaction('rw', [db.seriesOverrides, ...panelTablesOf(db)], async () => {
    const override = event.seriesKey === '' ? null : await getSeriesOverride(db, event.seriesKey);
    const person = counterpartAfterDecision(input.person, override);
    // A series the tab has not shown yet: most often a new occurrence, recorded and read in one
    // round inside this transaction (no read-only look first).
    const panel = person ? await openOneOnOne(db, { event, person }, now, { inWrite: true }) : null;
    return { override, panel };
  });
}

/** The tables the panel's recording and reads touch. */
function panelTablesOf(db: CbcDatabase) {
  return [
    db.people,
    db.meetings,
    db.actionItems,
    db.talkingPoints,
    db.assignments,
    db.projects,
    db.standingTopics,
    db.topicDiscussionPacks,
  ];
}

/** The panel's data around a recorded person and meeting, inside the caller's transaction. */
async function readPanel(
  db: CbcDatabase,
  person: Person,
  meeting: StoredMeeting,
  now: number,
): Promise<PanelData> {
  const parts = await readPanelParts(db, person.email, meeting.eid, meeting.start, now);
  return assemblePanel(person, meeting, parts);
}

type PanelParts = Awaited<ReturnType<typeof readPanelParts>>;

/**
 * Everything the panel shows besides the person and the meeting (whose record holds its notes),
 * read at once. The last notes, the last 1:1 and the wellbeing trend come from one read of the
 * person's latest meetings (recentMeetings).
 */
function readPanelParts(
  db: CbcDatabase,
  personEmail: string,
  meetingEid: string,
  meetingStart: number,
  now: number,
) {
  return Promise.all([
    recentMeetings(db, personEmail, {
      before: meetingStart,
      now,
      trendLimit: PANEL_WELLBEING_LIMIT,
    }),
    openItemsForPerson(db, personEmail),
    queuedTalkingPoints(db, personEmail),
    projectSharesOf(db, personEmail),
    topicsAtMeeting(db, { eid: meetingEid, personEmail, start: meetingStart }),
  ]);
}

function assemblePanel(person: Person, meeting: StoredMeeting, parts: PanelParts): PanelData {
  const [recent, openItems, talkingPoints, projects, topics] = parts;
  return {
    person,
    projects,
    meeting: meetingOf(meeting),
    note: noteOf(meeting),
    lastMeeting: recent.lastMeeting,
    lastOneOnOne: recent.lastOneOnOne?.start ?? null,
    openItems,
    talkingPoints,
    standingTopics: topics.filter((entry) => entry.due || entry.discussedHere),
    wellbeingTrend: recent.wellbeingTrend,
  };
}

/** The person's non-archived projects, largest share first. */
async function projectSharesOf(db: CbcDatabase, personEmail: string): Promise<ProjectShare[]> {
  const assignments = await assignmentsForPerson(db, personEmail);
  const projects = await db.projects.bulkGet(assignments.map((a) => a.projectId));
  const shares: ProjectShare[] = [];
  assignments.forEach((assignment, index) => {
    const project = projects[index];
    if (project && project.archived === 0) {
      shares.push({ project, share: assignment.share, role: assignment.role });
    }
  });
  return shares.sort((a, b) => b.share - a.share || a.project.name.localeCompare(b.project.name));
}
