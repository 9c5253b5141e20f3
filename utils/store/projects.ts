// Projects, and who works on them with which share of their time.

import type { CbcDatabase } from './db';
import { newId, StoreError } from './db';
import { prefixRange } from './key-range';
import {
  normalizeEmail,
  normalizeText,
  requireEmail,
  requireOptionalDate,
  requireProjectStatus,
  requireShare,
  requireText,
} from './normalize-input';
import type { Assignment, Project, ProjectStatus } from '../domain/records';

/**
 * Refuses a name another project has, in any letter case ("billing" is "Billing"), archived ones
 * included: two projects a manager cannot tell apart in a list are a mistake.
 */
async function requireUniqueName(db: CbcDatabase, name: string, exceptId: string): Promise<void> {
  const wanted = name.toLowerCase();
  const same = (await db.projects.toArray()).find(
    (project) => project.id !== exceptId && project.name.toLowerCase() === wanted,
  );
  if (same) {
    const archived = same.archived === 1;
    throw new StoreError(
      `A project named "${same.name}" already exists${archived ? ' (archived)' : ''}.`,
      {
        key: archived ? 'problemProjectExistsArchived' : 'problemProjectExists',
        values: { name: same.name },
      },
    );
  }
}

/**
 * Creates a project; with an id that already exists, returns that project (a resent request).
 * A name another project has, in any letter case, is refused.
 */
export async function createProject(
  db: CbcDatabase,
  input: { id?: string; name: string; description?: string; status?: ProjectStatus },
  now: number,
): Promise<Project> {
  const name = requireText(input.name, 'Project name');
  const status = requireProjectStatus(input.status ?? 'active');
  const id = input.id?.trim() || newId();
  return db.transaction('rw', db.projects, async () => {
    const existing = await db.projects.get(id);
    if (existing) return existing;
    await requireUniqueName(db, name, id);
    const project: Project = {
      id,
      name,
      description: normalizeText(input.description ?? '', 'Description'),
      status,
      archived: 0,
      startDate: '',
      endDate: '',
      createdAt: now,
      updatedAt: now,
    };
    await db.projects.add(project);
    return project;
  });
}

export async function updateProject(
  db: CbcDatabase,
  input: {
    id: string;
    name?: string;
    description?: string;
    status?: ProjectStatus;
    archived?: boolean;
    startDate?: string;
    endDate?: string;
  },
  now: number,
): Promise<Project> {
  const changes: Partial<Project> = {};
  if (input.name !== undefined) changes.name = requireText(input.name, 'Project name');
  if (input.description !== undefined)
    changes.description = normalizeText(input.description, 'Description');
  if (input.status !== undefined) changes.status = requireProjectStatus(input.status);
  if (input.archived !== undefined) changes.archived = input.archived ? 1 : 0;
  if (input.startDate !== undefined) {
    changes.startDate = requireOptionalDate(input.startDate, 'Start date');
  }
  if (input.endDate !== undefined) changes.endDate = requireOptionalDate(input.endDate, 'End date');
  return db.transaction('rw', db.projects, async () => {
    const project = await db.projects.get(input.id);
    if (!project) throw new StoreError(`No project with id "${input.id}".`, { key: 'problemGone' });
    if (changes.name !== undefined) await requireUniqueName(db, changes.name, project.id);
    const updated: Project = { ...project, ...changes, updatedAt: now };
    await db.projects.put(updated);
    return updated;
  });
}

/** Projects by name, case-insensitively. */
export async function listProjects(
  db: CbcDatabase,
  options: { includeArchived?: boolean } = {},
): Promise<Project[]> {
  const projects = await db.projects.toArray();
  return projects
    .filter((project) => options.includeArchived || project.archived === 0)
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) ||
        a.id.localeCompare(b.id),
    );
}

/** Creates or updates the one assignment of a person to a project. */
export async function assignPerson(
  db: CbcDatabase,
  input: { personEmail: string; projectId: string; share: number; role?: string },
): Promise<Assignment> {
  const personEmail = requireEmail(input.personEmail);
  const share = requireShare(input.share);
  return db.transaction('rw', db.assignments, db.people, db.projects, async () => {
    const [person, project] = await Promise.all([
      db.people.get(personEmail),
      db.projects.get(input.projectId),
    ]);
    if (!person)
      throw new StoreError(`No person with email "${personEmail}".`, { key: 'problemGone' });
    if (!project)
      throw new StoreError(`No project with id "${input.projectId}".`, { key: 'problemGone' });
    const existing = await db.assignments
      .where('[personEmail+projectId]')
      .equals([personEmail, project.id])
      .first();
    const assignment: Assignment = existing
      ? {
          ...existing,
          share,
          role: input.role === undefined ? existing.role : normalizeText(input.role, 'Role'),
        }
      : {
          id: newId(),
          personEmail,
          projectId: project.id,
          share,
          role: normalizeText(input.role ?? '', 'Role'),
          since: '',
          until: '',
        };
    await db.assignments.put(assignment);
    return assignment;
  });
}

/** Removes the person from the project; nothing happens when they were not on it. */
export async function unassignPerson(
  db: CbcDatabase,
  personEmail: string,
  projectId: string,
): Promise<void> {
  const email = normalizeEmail(personEmail);
  await db.transaction('rw', db.assignments, () =>
    db.assignments.where('[personEmail+projectId]').equals([email, projectId]).delete(),
  );
}

export async function assignmentsForPerson(
  db: CbcDatabase,
  personEmail: string,
): Promise<Assignment[]> {
  return db.assignments
    .where('[personEmail+projectId]')
    .between(...prefixRange(normalizeEmail(personEmail)))
    .toArray();
}

export async function assignmentsForProject(
  db: CbcDatabase,
  projectId: string,
): Promise<Assignment[]> {
  return db.assignments.where('projectId').equals(projectId).toArray();
}

/** Whether a project's shares count towards people's allocation. */
export function isCountedProject(project: Project): boolean {
  return project.archived === 0 && project.status !== 'done';
}

/** email → sum of shares over projects that are neither archived nor done. */
export async function allocationByPerson(db: CbcDatabase): Promise<Record<string, number>> {
  return db.transaction('r', db.assignments, db.projects, async () => {
    const [assignments, projects] = await Promise.all([
      db.assignments.toArray(),
      db.projects.toArray(),
    ]);
    const counted = new Set(projects.filter(isCountedProject).map((project) => project.id));
    const allocation: Record<string, number> = {};
    for (const assignment of assignments) {
      if (!counted.has(assignment.projectId)) continue;
      allocation[assignment.personEmail] =
        (allocation[assignment.personEmail] ?? 0) + assignment.share;
    }
    return allocation;
  });
}
