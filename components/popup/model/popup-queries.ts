// What the popup reads from the store (same origin: extension pages read IndexedDB directly).

import { format } from 'date-fns';
import { listProjects, searchAll, type CbcDatabase } from '@/utils/store';
import type { ProjectEntry, SearchHit } from '../popup-data';

/** 'yyyy-MM-dd' in local time: due dates are calendar days. */
export function calendarDayOf(epochMs: number): string {
  return format(epochMs, 'yyyy-MM-dd');
}

/** Every project (archived too) with its assignments, by name. */
export async function readProjectEntries(db: CbcDatabase): Promise<ProjectEntry[]> {
  return db.transaction('r', db.projects, db.assignments, async () => {
    // One read of all assignments rather than one query per project: a team's assignments are
    // few (hundreds), projects may be many.
    const [projects, assignments] = await Promise.all([
      listProjects(db, { includeArchived: true }),
      db.assignments.toArray(),
    ]);
    const byProject = new Map<string, ProjectEntry>(
      projects.map((project) => [project.id, { project, assignments: [] }]),
    );
    for (const assignment of assignments)
      byProject.get(assignment.projectId)?.assignments.push(assignment);
    return [...byProject.values()];
  });
}

export const SEARCH_LIMIT = 50;

/** Search results with the person's name and the start of the meeting each belongs to. */
export async function searchWithContext(db: CbcDatabase, query: string): Promise<SearchHit[]> {
  const results = await searchAll(db, query, { limit: SEARCH_LIMIT });
  if (results.length === 0) return [];
  const emails = [...new Set(results.map((result) => result.personEmail))];
  const eids = [...new Set(results.map((result) => result.meetingEid).filter(Boolean))];
  const [people, meetings] = await Promise.all([
    db.people.bulkGet(emails),
    db.meetings.bulkGet(eids),
  ]);
  const nameByEmail = new Map(emails.map((email, i) => [email, people[i]?.name || email]));
  const startByEid = new Map(eids.map((eid, i) => [eid, meetings[i]?.start ?? null]));
  return results.map((result) => ({
    result,
    personName: nameByEmail.get(result.personEmail) ?? result.personEmail,
    meetingStart: result.meetingEid ? (startByEid.get(result.meetingEid) ?? null) : null,
  }));
}
