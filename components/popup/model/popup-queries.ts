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

/**
 * Search results with the person's name and the start of the meeting each belongs to, a note's
 * or talking point's whole text, and first the people whose name or email matches.
 */
export async function searchWithContext(db: CbcDatabase, query: string): Promise<SearchHit[]> {
  const needle = query.trim().toLowerCase();
  const [results, found, projects] = await Promise.all([
    searchAll(db, query, { limit: SEARCH_LIMIT }),
    needle === ''
      ? []
      : db.people
          .filter(
            (person) =>
              person.name.toLowerCase().includes(needle) ||
              person.email.toLowerCase().includes(needle),
          )
          .limit(SEARCH_LIMIT)
          .toArray(),
    needle === ''
      ? []
      : db.projects
          .filter((project) => project.name.toLowerCase().includes(needle))
          .limit(SEARCH_LIMIT)
          .toArray(),
  ]);
  const personHits: SearchHit[] = found.map((person) => ({
    result: {
      kind: 'person',
      personEmail: person.email,
      meetingEid: '',
      id: person.email,
      snippet: person.name || person.email,
      at: person.createdAt,
    },
    personName: person.name || person.email,
    meetingStart: null,
  }));
  const projectHits: SearchHit[] = projects.map((project) => ({
    result: {
      kind: 'project',
      personEmail: '',
      meetingEid: '',
      id: project.id,
      snippet: project.name,
      at: project.createdAt,
    },
    personName: '',
    meetingStart: null,
  }));
  personHits.push(...projectHits);
  if (results.length === 0) return personHits;
  const emails = [...new Set(results.map((result) => result.personEmail))];
  const eids = [...new Set(results.map((result) => result.meetingEid).filter(Boolean))];
  const pointIds = results.filter((r) => r.kind === 'talkingPoint').map((r) => r.id);
  // (A discussed point is packed with others; its snippet stands for it.) A note's meeting is
  // among `eids` (a note's id is its meeting's eid), and holds the note (schema version 6).
  const [people, meetings, points] = await Promise.all([
    db.people.bulkGet(emails),
    db.meetings.bulkGet(eids),
    db.talkingPoints.bulkGet(pointIds),
  ]);
  const nameByEmail = new Map(emails.map((email, i) => [email, people[i]?.name || email]));
  const startByEid = new Map(eids.map((eid, i) => [eid, meetings[i]?.start ?? null]));
  const fullText = new Map<string, string>();
  eids.forEach((eid, i) => {
    const note = meetings[i]?.note;
    if (note) fullText.set(`note:${eid}`, note.text);
  });
  pointIds.forEach((id, i) => points[i] && fullText.set(`talkingPoint:${id}`, points[i].text));
  return [
    ...personHits,
    ...results.map((result) => ({
      result,
      personName: nameByEmail.get(result.personEmail) ?? result.personEmail,
      meetingStart: result.meetingEid ? (startByEid.get(result.meetingEid) ?? null) : null,
      fullText: fullText.get(`${result.kind}:${result.id}`),
    })),
  ];
}
