// Projects: add, rename, describe, set status, archive, and who works on what (windowed).

import { t } from '@/components/i18n';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Person } from '@/utils/domain/records';
import { ActionError } from './action-error';
import type { ProjectActions, ProjectEntry } from './popup-data';
import { PopupSection } from './popup-section';
import { ProjectRow } from './project-row';
import { ShowMore } from './show-more';
import { useActionRunner } from './use-action-runner';
import { usePageLimit } from './use-page-limit';
import { EmptyState } from './empty-state';
import { LoadingRows } from './loading-rows';

/** A jump to one project (a search result): a new object per jump, handled once. */
export interface ProjectFocus {
  id: string;
  /** Words to mark in its name. */
  highlight?: string;
}

export function ProjectsSection({
  projects,
  directory,
  nameOf,
  allocation,
  actions,
  focusRequest = null,
}: {
  projects: ProjectEntry[] | undefined;
  directory: Person[] | undefined;
  nameOf: (email: string) => string;
  allocation: Record<string, number>;
  actions: ProjectActions;
  focusRequest?: ProjectFocus | null;
}) {
  const [name, setName] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const { limit, showMore, showAtLeast } = usePageLimit();
  const { error, run } = useActionRunner();
  const [formError, setFormError] = useState<string | null>(null);
  /** The project just added: its row is shown, scrolled to and focused once it is listed. */
  const [added, setAdded] = useState<ProjectFocus | null>(null);
  // A jump from a search result is shown like a project just added (an archived one with the
  // archived projects shown).
  useEffect(() => {
    if (!focusRequest) return;
    const entry = projects?.find((candidate) => candidate.project.id === focusRequest.id);
    if (entry?.project.archived) setShowArchived(true);
    setAdded(focusRequest);
  }, [focusRequest]);

  const shown = useMemo(
    () => (projects ?? []).filter((entry) => showArchived || entry.project.archived === 0),
    [projects, showArchived],
  );
  const assignable = useMemo(
    () => (directory ?? []).filter((person) => person.archived === 0),
    [directory],
  );
  const runAction = (action: () => Promise<unknown>) => {
    setFormError(null);
    return run(action);
  };
  // The list is sorted by name and shown a page at a time: a new project may land anywhere.
  const addedIndex = added ? shown.findIndex((entry) => entry.project.id === added.id) : -1;
  useEffect(() => {
    if (addedIndex >= 0) showAtLeast(addedIndex + 1);
  }, [added, addedIndex >= 0]);

  return (
    <PopupSection id="projects" title={t('popupProjects')}>
      <form
        class="cbc-add-form"
        aria-label={t('popupAddAProject')}
        onSubmit={async (event) => {
          event.preventDefault();
          const trimmed = name.trim();
          if (!trimmed) return;
          let created: { id: string } | null = null;
          const ok = await runAction(async () => {
            created = { id: (await actions.createProject(trimmed)).id };
          });
          if (ok) {
            setName('');
            setAdded(created);
          }
        }}
      >
        <label>
          {t('popupProjectName')}{' '}
          <input type="text" value={name} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <button type="submit">{t('popupAddProject')}</button>
      </form>
      <ActionError error={formError ?? error} />
      {projects === undefined && <LoadingRows />}
      <>
        {projects?.some((entry) => entry.project.archived === 1) && (
          <label class="cbc-toggle">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(event) => setShowArchived(event.currentTarget.checked)}
            />
            {t('popupShowArchivedProjects')}
          </label>
        )}
        <ul aria-label={t('popupProjects')} class="cbc-projects">
          {shown.slice(0, limit).map((entry) => (
            <ProjectRow
              key={entry.project.id}
              entry={entry}
              focusRequest={entry.project.id === added?.id ? added : null}
              people={assignable}
              nameOf={nameOf}
              allocation={allocation}
              actions={actions}
              run={runAction}
              reportError={setFormError}
            />
          ))}
        </ul>
        {projects !== undefined && shown.length === 0 && (
          <EmptyState what={t('popupNoProjects')} todo={t('popupNoProjectsTodo')} />
        )}
        <ShowMore
          shown={Math.min(limit, shown.length)}
          total={shown.length}
          noun="projects"
          onShowMore={showMore}
        />
      </>
    </PopupSection>
  );
}
