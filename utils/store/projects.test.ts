import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CbcDatabase } from './db';
import { upsertPerson } from './people';
import {
  allocationByPerson,
  assignmentsForPerson,
  assignmentsForProject,
  assignPerson,
  createProject,
  listProjects,
  unassignPerson,
  updateProject,
} from './projects';
import { freshDatabase } from './test-database';
import type { ProjectStatus } from '../domain/records';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const ADA = 'ada@example.com';
const BOB = 'bob@example.com';

describe('project names', () => {
  it('refuses a second project of the same name in any letter case, and writes nothing', async () => {
    await createProject(db, { id: 'p1', name: 'Billing revamp' }, 1);
    await expect(createProject(db, { name: '  billing REVAMP ' }, 2)).rejects.toThrow(
      'A project named "Billing revamp" already exists.',
    );
    expect(await db.projects.count()).toBe(1);
    // A resent create (same id) is still answered with the project.
    expect((await createProject(db, { id: 'p1', name: 'Billing revamp' }, 3)).createdAt).toBe(1);
  });

  it('refuses renaming onto another project’s name, archived ones included', async () => {
    await createProject(db, { id: 'p1', name: 'Search' }, 1);
    await createProject(db, { id: 'p2', name: 'Legacy' }, 1);
    await updateProject(db, { id: 'p2', archived: true }, 2);
    await expect(updateProject(db, { id: 'p1', name: 'LEGACY' }, 3)).rejects.toThrow(
      'A project named "Legacy" already exists (archived).',
    );
    expect((await db.projects.get('p1'))?.name).toBe('Search');
    // Its own name in another case is a rename of itself, not a duplicate.
    expect((await updateProject(db, { id: 'p1', name: 'SEARCH' }, 4)).name).toBe('SEARCH');
  });
});

describe('createProject / updateProject / listProjects', () => {
  it('creates an active project with trimmed fields', async () => {
    const project = await createProject(db, { name: ' Search ', description: ' Ranking ' }, 5);
    expect(project).toEqual({
      id: project.id,
      name: 'Search',
      description: 'Ranking',
      status: 'active',
      archived: 0,
      startDate: '',
      endDate: '',
      createdAt: 5,
      updatedAt: 5,
    });
  });

  it('is idempotent with a given id', async () => {
    const first = await createProject(db, { id: 'p1', name: 'A' }, 1);
    expect(await createProject(db, { id: 'p1', name: 'B' }, 2)).toEqual(first);
    expect(await db.projects.count()).toBe(1);
  });

  it('refuses an empty name or an unknown status', async () => {
    await expect(createProject(db, { name: '  ' }, 1)).rejects.toThrow('Project name is empty.');
    await expect(
      createProject(db, { name: 'A', status: 'stalled' as ProjectStatus }, 1),
    ).rejects.toThrow('Project status must be "active", "paused" or "done", not "stalled".');
  });

  it('updates the given fields, validating dates, and StoreErrors on unknown ids', async () => {
    const project = await createProject(db, { id: 'p1', name: 'A' }, 1);
    const updated = await updateProject(
      db,
      { id: 'p1', status: 'paused', startDate: '2025-01-06', archived: true },
      2,
    );
    expect(updated).toEqual({
      ...project,
      status: 'paused',
      startDate: '2025-01-06',
      archived: 1,
      updatedAt: 2,
    });
    await expect(updateProject(db, { id: 'p1', endDate: '06/01/2025' }, 3)).rejects.toThrow(
      'End date must be a date like 2025-01-31, or empty.',
    );
    await expect(updateProject(db, { id: 'nope', name: 'x' }, 3)).rejects.toThrow(
      'No project with id "nope".',
    );
  });

  it('lists by name, archived only on request', async () => {
    expect(await listProjects(db, {})).toEqual([]);
    await createProject(db, { id: 'b', name: 'beta' }, 1);
    await createProject(db, { id: 'a', name: 'Alpha' }, 1);
    await createProject(db, { id: 'z', name: 'Zeta' }, 1);
    await updateProject(db, { id: 'z', archived: true }, 2);
    expect((await listProjects(db, {})).map((p) => p.id)).toEqual(['a', 'b']);
    expect((await listProjects(db, { includeArchived: true })).map((p) => p.id)).toEqual([
      'a',
      'b',
      'z',
    ]);
  });
});

describe('assignments', () => {
  beforeEach(async () => {
    await upsertPerson(db, { email: ADA, name: 'Ada' }, 1);
    await upsertPerson(db, { email: BOB, name: 'Bob' }, 1);
    await createProject(db, { id: 'p1', name: 'One' }, 1);
    await createProject(db, { id: 'p2', name: 'Two' }, 1);
  });

  it('upserts one assignment per person and project', async () => {
    const first = await assignPerson(db, {
      personEmail: 'ADA@example.com',
      projectId: 'p1',
      share: 50,
      role: ' Lead ',
    });
    expect(first).toMatchObject({
      personEmail: ADA,
      projectId: 'p1',
      share: 50,
      role: 'Lead',
      since: '',
      until: '',
    });
    const second = await assignPerson(db, { personEmail: ADA, projectId: 'p1', share: 70 });
    expect(second).toEqual({ ...first, share: 70 });
    expect(await assignmentsForPerson(db, ADA)).toEqual([second]);
  });

  it.each([
    [
      { personEmail: 'ghost@x.io', projectId: 'p1', share: 10 },
      'No person with email "ghost@x.io".',
    ],
    [{ personEmail: ADA, projectId: 'nope', share: 10 }, 'No project with id "nope".'],
    [
      { personEmail: ADA, projectId: 'p1', share: 101 },
      'Share must be a whole percent 0 to 100, not 101.',
    ],
    [
      { personEmail: ADA, projectId: 'p1', share: -1 },
      'Share must be a whole percent 0 to 100, not -1.',
    ],
    [
      { personEmail: ADA, projectId: 'p1', share: 12.5 },
      'Share must be a whole percent 0 to 100, not 12.5.',
    ],
  ])('refuses %o', async (input, message) => {
    await expect(assignPerson(db, input)).rejects.toThrow(message);
    expect(await db.assignments.count()).toBe(0);
  });

  it('lists by person and by project, and unassigns (a no-op when absent)', async () => {
    await assignPerson(db, { personEmail: ADA, projectId: 'p1', share: 50 });
    await assignPerson(db, { personEmail: ADA, projectId: 'p2', share: 30 });
    await assignPerson(db, { personEmail: BOB, projectId: 'p1', share: 100 });
    expect((await assignmentsForPerson(db, ADA)).map((a) => a.projectId)).toEqual(['p1', 'p2']);
    expect((await assignmentsForProject(db, 'p1')).map((a) => a.personEmail).sort()).toEqual([
      ADA,
      BOB,
    ]);
    await unassignPerson(db, 'Ada@example.com', 'p1');
    await unassignPerson(db, ADA, 'p1');
    expect((await assignmentsForPerson(db, ADA)).map((a) => a.projectId)).toEqual(['p2']);
    expect(await assignmentsForProject(db, 'none')).toEqual([]);
  });

  it('sums allocation over projects that are neither archived nor done', async () => {
    expect(await allocationByPerson(db)).toEqual({});
    await createProject(db, { id: 'done', name: 'Done', status: 'done' }, 1);
    await createProject(db, { id: 'arch', name: 'Archived' }, 1);
    await updateProject(db, { id: 'arch', archived: true }, 2);
    await assignPerson(db, { personEmail: ADA, projectId: 'p1', share: 80 });
    await assignPerson(db, { personEmail: ADA, projectId: 'p2', share: 40 });
    await assignPerson(db, { personEmail: ADA, projectId: 'done', share: 50 });
    await assignPerson(db, { personEmail: BOB, projectId: 'arch', share: 50 });
    await assignPerson(db, { personEmail: BOB, projectId: 'p2', share: 20 });
    expect(await allocationByPerson(db)).toEqual({ [ADA]: 120, [BOB]: 20 });
  });
});
