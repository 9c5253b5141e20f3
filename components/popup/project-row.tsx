// One project: status, name, description, and its people with their share of time. Its one
// primary action is Assign; rename, describe and archive are in the card's menu.
// Each person's total over all counted projects is shown beside their share, with a warning
// above 100 %.

import { t, type MessageKey } from '@/components/i18n';
import { formatShare } from '@/components/i18n/format-share';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Person, ProjectStatus } from '@/utils/domain/records';
import type { ProjectActions, ProjectEntry } from './popup-data';
import { CardMenu } from './card-menu';
import { HighlightMatch } from './highlight-match';
import { RenameForm } from './rename-form';
import { parseShare, shareHint, zeroShareNote } from './share-input';

const STATUSES: Array<{ value: ProjectStatus; label: MessageKey }> = [
  { value: 'active', label: 'popupStatusActive' },
  { value: 'paused', label: 'popupStatusPaused' },
  { value: 'done', label: 'popupStatusDone' },
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
  /** Set when the project was just added or jumped to: scroll it into view and move focus to
   * it, once; `highlight` is marked in its name. */
  focusRequest?: { highlight?: string } | null;
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
          <HighlightMatch text={project.name} query={focusRequest?.highlight ?? ''} />
        </h3>
        {project.archived === 1 && <span class="cbc-badge">{t('popupArchived')}</span>}
        <CardMenu
          name={project.name}
          items={[
            { label: t('popupRename'), choose: () => setEditing('name') },
            { label: t('popupDescribe'), choose: () => setEditing('description') },
            {
              label: project.archived ? t('popupUnarchive') : t('popupArchive'),
              choose: () =>
                void run(() =>
                  actions.updateProject({ id: project.id, archived: !project.archived }),
                ),
            },
          ]}
        />
      </div>
      {project.description && <p class="cbc-description">{project.description}</p>}
      <div class="cbc-row-actions">
        <label>
          {t('popupStatus')}{' '}
          <select
            aria-label={t('popupStatusOf', { name: project.name })}
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
                {t(status.label)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {editing === 'name' && (
        <RenameForm
          label={t('popupNewNameFor', { name: project.name })}
          initial={project.name}
          onCancel={() => setEditing(null)}
          onSave={async (name) => {
            if (await run(() => actions.updateProject({ id: project.id, name }))) setEditing(null);
          }}
        />
      )}
      {editing === 'description' && (
        <DescriptionForm
          label={t('popupDescriptionOf', { name: project.name })}
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
        <ul aria-label={t('popupPeopleOn', { name: project.name })} class="cbc-assignments">
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
                  aria-label={t('popupShareOf', { person: personName, project: project.name })}
                  value={String(assignment.share)}
                  onChange={(event) => {
                    const share = parseShare(event.currentTarget.value);
                    if (share === null) reportError(shareHint());
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
                {assignment.share === 0 && <span class="cbc-zero-share">({zeroShareNote()})</span>}
                <span class={total > 100 ? 'cbc-total cbc-warn' : 'cbc-total'}>
                  {t(total > 100 ? 'popupTotalOver' : 'popupTotal', { total: formatShare(total) })}
                </span>
                <button
                  type="button"
                  aria-label={t('popupRemoveFrom', { person: personName, project: project.name })}
                  onClick={() =>
                    void run(() => actions.unassignPerson(assignment.personEmail, project.id))
                  }
                >
                  {t('popupRemove')}
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
      aria-label={t('popupAssignSomeone', { project: projectName })}
      onSubmit={async (event) => {
        event.preventDefault();
        const share = parseShare(shareText);
        if (!personEmail) return reportError(t('popupChoosePersonToAssign'));
        if (share === null) return reportError(shareHint());
        if (await onAssign(personEmail, share)) setPersonEmail('');
      }}
    >
      <select
        aria-label={t('popupPersonToAssign', { project: projectName })}
        value={personEmail}
        onChange={(event) => setPersonEmail(event.currentTarget.value)}
      >
        <option value="">{t('popupChoosePerson')}</option>
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
        aria-label={t('popupShareOfTime', { project: projectName })}
        value={shareText}
        onInput={(event) => setShareText(event.currentTarget.value)}
      />
      <button
        type="submit"
        class="cbc-btn cbc-btn-primary"
        aria-label={t('popupAssignTo', { project: projectName })}
      >
        {t('popupAssign')}
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
  const textRef = useRef<HTMLTextAreaElement>(null);
  // Opened from the card's menu: typing starts here.
  useEffect(() => textRef.current?.focus(), []);
  return (
    <form
      class="cbc-inline-form cbc-description-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(value.trim());
      }}
    >
      <textarea
        ref={textRef}
        aria-label={label}
        rows={3}
        value={value}
        onInput={(event) => setValue(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
      <button type="submit">{t('commonSave')}</button>
      <button type="button" onClick={onCancel}>
        {t('commonCancel')}
      </button>
    </form>
  );
}
