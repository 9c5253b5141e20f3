// Everything the side panel shows for one occurrence, recorded and read in one transaction so the
// panel never sees half of a concurrent write.

import type { Counterpart } from '../calendar/types';
import type { EventRef, PanelData, ProjectShare } from '../messaging/protocol';
import type { CbcDatabase } from './db';
import { openItemsForPerson } from './action-items';
import {
  lastMeetingBefore,
  meetingNotesBefore,
  notesForMeeting,
  recordMeeting,
  wellbeingTrend,
} from './meetings';
import { requireEmail } from './normalize-input';
import { ensurePerson } from './people';
import { assignmentsForPerson } from './projects';
import { queuedTalkingPoints } from './talking-points';

export const PANEL_WELLBEING_LIMIT = 8;

/**
 * Records the person (the calendar's name only fills an empty one) and the occurrence, then reads
 * the panel's data.
 */
export async function openOneOnOne(
  db: CbcDatabase,
  input: { event: EventRef; person: Counterpart },
  now: number,
): Promise<PanelData> {
  const personEmail = requireEmail(input.person.email);
  const { event } = input;
  return db.transaction(
    'rw',
    [
      db.people,
      db.meetings,
      db.notes,
      db.actionItems,
      db.talkingPoints,
      db.assignments,
      db.projects,
    ],
    async () => {
      const person = await ensurePerson(db, personEmail, input.person.name, now);
      const meeting = await recordMeeting(
        db,
        {
          eid: event.eid,
          seriesKey: event.seriesKey,
          personEmail,
          start: event.start,
          title: event.title,
        },
        now,
      );
      const [note, lastMeeting, previous, openItems, talkingPoints, trend, projects] =
        await Promise.all([
          notesForMeeting(db, meeting.eid),
          meetingNotesBefore(db, personEmail, meeting.start),
          lastMeetingBefore(db, personEmail, meeting.start),
          openItemsForPerson(db, personEmail),
          queuedTalkingPoints(db, personEmail),
          wellbeingTrend(db, personEmail, PANEL_WELLBEING_LIMIT),
          projectSharesOf(db, personEmail),
        ]);
      return {
        person,
        projects,
        meeting,
        note,
        lastMeeting,
        lastOneOnOne: previous?.start ?? null,
        openItems,
        talkingPoints,
        wellbeingTrend: trend,
      };
    },
  );
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
