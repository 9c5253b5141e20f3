// One project: status, name, description, archive, and its people with their share of time.
// Each person's total over all counted projects is shown beside their share, with a warning
// above 100 %.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Person, ProjectStatus } from '@/utils/domain/records';
import type { ProjectActions, ProjectEntry } from './popup-data';
import { RenameForm } from './rename-form';
import { parseShare, SHARE_HINT, ZERO_SHARE_NOTE } from './share-input';

const STATUSES: Array<{ value: ProjectStatus; label: string }> = [
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'done', label: 'Done' },
];

type Run = (action: () => Promise<unknown>) => Promise<boolean>;

const handledFocusRequests = new WeakSet<object>();

export function ProjectRow({
  entry,
  focusRequest = null,
  people,
  nameOf,
  allocation,
  actions,
  run,
  reportError,
}: {
  entry: ProjectEntry;
  /** Set when the project was just added: scroll it into view and move focus to it, once. */
  focusRequest?: object | null;
  /** People who can be assigned (not archived). */
  people: Person[];
  nameOf: (email: string) => string;
  allocation: Record<string, number>;
  actions: ProjectActions;
  run: Run;
  reportError: (message: string) => void;
}) {
  const { project, assignments } = entry;
  const [editing, setEditing] = useState<'name' | 'description' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusRequest || !headingRef.current || handledFocusRequests.has(focusRequest)) return;
    handledFocusRequests.add(focusRequest);
    headingRef.current.scrollIntoView?.({ block: 'nearest' });
    headingRef.current.focus();
  }, [focusRequest]);
  const assigned = useMemo(
    () => new Set(assignments.map((assignment) => assignment.personEmail)),
    [assignments],
  );

  return (
    <li class={project.archived ? 'cbc-project cbc-archived-row' : 'cbc-project'}>
      <div class="cbc-project-heading">
        <h3 ref={headingRef} tabIndex={-1}>
          {project.name}
        </h3>
        {project.archived === 1 && <span class="cbc-badge">Archived</span>}
      </div>
      {project.description && <p class="cbc-description">{project.description}</p>}
      <div class="cbc-row-actions">
        <label>
          Status{' '}
          <select
            aria-label={`Status of ${project.name}`}
            value={project.status}
            onChange={(event) =>
              void run(() =>
                actions.updateProject({
                  id: project.id,
                  status: event.currentTarget.value as ProjectStatus,
                }),
              )
            }
          >
            {STATUSES.map((status) => (
              <option key={status.value} value={status.value}>
                {status.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          aria-label={`Rename ${project.name}`}
          onClick={() => setEditing('name')}
        >
          Rename
        </button>
        <button
          type="button"
          aria-label={`Describe ${project.name}`}
          onClick={() => setEditing('description')}
        >
          Describe
        </button>
        <button
          type="button"
          aria-label={`${project.archived ? 'Unarchive' : 'Archive'} ${project.name}`}
          onClick={() =>
            void run(() => actions.updateProject({ id: project.id, archived: !project.archived }))
          }
        >
          {project.archived ? 'Unarchive' : 'Archive'}
        </button>
      </div>
      {editing === 'name' && (
        <RenameForm
          label={`New name for ${project.name}`}
          initial={project.name}
          onCancel={() => setEditing(null)}
          onSave={async (name) => {
            if (await run(() => actions.updateProject({ id: project.id, name }))) setEditing(null);
          }}
        />
      )}
      {editing === 'description' && (
        <DescriptionForm
          label={`Description of ${project.name}`}
          initial={project.description}
          onCancel={() => setEditing(null)}
          onSave={async (description) => {
            if (await run(() => actions.updateProject({ id: project.id, description }))) {
              setEditing(null);
            }
          }}
        />
      )}
      {assignments.length > 0 && (
        <ul aria-label={`People on ${project.name}`} class="cbc-assignments">
          {assignments.map((assignment) => {
            const personName = nameOf(assignment.personEmail);
            const total = allocation[assignment.personEmail] ?? 0;
            return (
              <li key={assignment.personEmail}>
                <span class="cbc-assignee">{personName}</span>
                <input
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  class="cbc-share"
                  aria-label={`Share of ${personName} on ${project.name} (%)`}
                  value={String(assignment.share)}
                  onChange={(event) => {
                    const share = parseShare(event.currentTarget.value);
                    if (share === null) reportError(SHARE_HINT);
                    else
                      void run(() =>
                        actions.assignPerson({
                          personEmail: assignment.personEmail,
                          projectId: project.id,
                          share,
                        }),
                      );
                  }}
                />
                {assignment.share === 0 && <span class="cbc-zero-share">({ZERO_SHARE_NOTE})</span>}
                <span class={total > 100 ? 'cbc-total cbc-warn' : 'cbc-total'}>
                  {total > 100 ? `Total ${total} %: over-allocated` : `Total ${total} %`}
                </span>
                <button
                  type="button"
                  aria-label={`Remove ${personName} from ${project.name}`}
                  onClick={() =>
                    void run(() => actions.unassignPerson(assignment.personEmail, project.id))
                  }
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <AssignForm
        projectName={project.name}
        candidates={people.filter((person) => !assigned.has(person.email))}
        onAssign={(personEmail, share) =>
          run(() => actions.assignPerson({ personEmail, projectId: project.id, share }))
        }
        reportError={reportError}
      />
    </li>
  );
}

function AssignForm({
  projectName,
  candidates,
  onAssign,
  reportError,
}: {
  projectName: string;
  candidates: Person[];
  onAssign: (personEmail: string, share: number) => Promise<boolean>;
  reportError: (message: string) => void;
}) {
  const [personEmail, setPersonEmail] = useState('');
  const [shareText, setShareText] = useState('50');
  if (candidates.length === 0) return null;
  return (
    <form
      class="cbc-inline-form"
      aria-label={`Assign someone to ${projectName}`}
      onSubmit={async (event) => {
        event.preventDefault();
        const share = parseShare(shareText);
        if (!personEmail) return reportError('Choose a person to assign.');
        if (share === null) return reportError(SHARE_HINT);
        if (await onAssign(personEmail, share)) setPersonEmail('');
      }}
    >
      <select
        aria-label={`Person to assign to ${projectName}`}
        value={personEmail}
        onChange={(event) => setPersonEmail(event.currentTarget.value)}
      >
        <option value="">Choose a person…</option>
        {candidates.map((person) => (
          <option key={person.email} value={person.email}>
            {person.name || person.email}
          </option>
        ))}
      </select>
      <input
        type="number"
        min={0}
        max={100}
        step={1}
        class="cbc-share"
        aria-label={`Share of time on ${projectName} (%)`}
        value={shareText}
        onInput={(event) => setShareText(event.currentTarget.value)}
      />
      <button type="submit" aria-label={`Assign to ${projectName}`}>
        Assign
      </button>
    </form>
  );
}

function DescriptionForm({
  label,
  initial,
  onSave,
  onCancel,
}: {
  label: string;
  initial: string;
  onSave: (value: string) => void | Promise<void>;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <form
      class="cbc-inline-form cbc-description-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(value.trim());
      }}
    >
      <textarea
        aria-label={label}
        rows={3}
        value={value}
        onInput={(event) => setValue(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
      <button type="submit">Save</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
