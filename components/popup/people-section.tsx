// The team: one row per person (windowed), a filter for large teams, adding a person by hand,
// and the archived people with a way back.

import { t } from '@/components/i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PersonOverview } from '@/utils/store/overview';
import type { Person } from '@/utils/domain/records';
import { ActionError } from './action-error';
import { PersonRow } from './person-row';
import type { PeopleActions } from './popup-data';
import { PopupSection } from './popup-section';
import { ShowMore } from './show-more';
import { useActionRunner } from './use-action-runner';
import { usePageLimit } from './use-page-limit';
import { DefaultTopics } from './default-topics';
import { EmptyState } from './empty-state';
import { LoadingRows } from './loading-rows';

export interface FocusRequest {
  email: string;
  /** Words to mark at the target (a search's query); the name, or the entry's text. */
  highlight?: string;
  /** A search result in the person's preparation: opened, and that entry focused. */
  entry?: { kind: 'standingTopic' | 'feedbackEntry'; id: string };
}

export function PeopleSection({
  people,
  directory,
  actions,
  focusRequest,
}: {
  people: PersonOverview[] | undefined;
  directory: Person[] | undefined;
  actions: PeopleActions;
  /** The latest jump from Follow-ups to a person (a new object per jump), if any. */
  focusRequest: FocusRequest | null;
}) {
  const [filter, setFilter] = useState('');
  const { limit, showMore, showAtLeast } = usePageLimit();
  const { error, run } = useActionRunner();

  const matching = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (!people || needle === '') return people ?? [];
    return people.filter(
      ({ person }) => person.name.toLowerCase().includes(needle) || person.email.includes(needle),
    );
  }, [people, filter]);

  // A person jumped to must be rendered: clear the filter and widen the window to reach them.
  useEffect(() => {
    if (!focusRequest || !people) return;
    setFilter('');
    const index = people.findIndex(({ person }) => person.email === focusRequest.email);
    if (index >= 0) showAtLeast(index + 1);
    // Only a new jump (or the first load) re-runs this, not every update of the list.
  }, [focusRequest, people === undefined]);

  const archived = useMemo(
    () => (directory ?? []).filter((person) => person.archived === 1),
    [directory],
  );

  // A jump to an archived person (their items stay in Follow-ups) opens the archived list and
  // focuses their entry there.
  const [archivedOpen, setArchivedOpen] = useState(false);
  const archivedEntries = useRef(new Map<string, HTMLLIElement>());
  const handledJumps = useRef(new WeakSet<object>());
  const archivedIndex = focusRequest
    ? archived.findIndex((person) => person.email === focusRequest.email)
    : -1;
  useEffect(() => {
    if (archivedIndex < 0) return;
    setArchivedOpen(true);
    showAtLeast(archivedIndex + 1);
  }, [focusRequest, archivedIndex >= 0]);
  useEffect(() => {
    // Once per jump: opening the list by hand later must not move focus again.
    if (!focusRequest || !archivedOpen || handledJumps.current.has(focusRequest)) return;
    const entry = archivedEntries.current.get(focusRequest.email);
    if (!entry) return;
    handledJumps.current.add(focusRequest);
    entry.scrollIntoView?.({ block: 'start' });
    entry.focus();
  }, [focusRequest, archivedOpen]);

  return (
    <PopupSection id="people" title={t('popupPeople')}>
      <AddPersonForm run={run} actions={actions} directory={directory} />
      <DefaultTopics actions={actions} run={run} />
      <ActionError error={error} />
      {people === undefined && <LoadingRows />}
      <>
        {people && people.length > 10 && (
          <label class="cbc-filter">
            {t('popupFindPerson')}{' '}
            <input
              type="search"
              value={filter}
              onInput={(event) => setFilter(event.currentTarget.value)}
            />
          </label>
        )}
        <ul aria-label={t('popupTeam')} class="cbc-people">
          {matching.slice(0, limit).map((overview) => (
            <PersonRow
              key={overview.person.email}
              overview={overview}
              focusRequest={overview.person.email === focusRequest?.email ? focusRequest : null}
              actions={actions}
              run={run}
            />
          ))}
        </ul>
        {people?.length === 0 && (
          <EmptyState what={t('popupNoPeople')} todo={t('popupNoPeopleTodo')} />
        )}
        <ShowMore
          shown={Math.min(limit, matching.length)}
          total={matching.length}
          noun="people"
          onShowMore={showMore}
        />
      </>
      {archived.length > 0 && (
        <details
          class="cbc-archived"
          open={archivedOpen}
          onToggle={(event) => setArchivedOpen(event.currentTarget.open)}
        >
          <summary>{t('popupArchivedPeopleCount', { count: archived.length })}</summary>
          <ul aria-label={t('popupArchivedPeople')}>
            {archived.slice(0, limit).map((person) => (
              <li
                key={person.email}
                tabIndex={-1}
                ref={(element) => {
                  if (element) archivedEntries.current.set(person.email, element);
                  else archivedEntries.current.delete(person.email);
                }}
              >
                <span>{person.name || person.email}</span>{' '}
                <button
                  type="button"
                  aria-label={t('popupUnarchiveNamed', { name: person.name || person.email })}
                  onClick={() => void run(() => actions.setArchived(person.email, false))}
                >
                  {t('popupUnarchive')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </PopupSection>
  );
}

/** An address typed that is already someone's: asked about, never applied silently. */
interface Conflict {
  existing: Person;
  /** The name typed, trimmed ('' when none). */
  name: string;
}

function AddPersonForm({
  actions,
  run,
  directory,
}: {
  actions: PeopleActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  /** Everyone stored, archived too: an address already there is asked about. */
  directory: Person[] | undefined;
}) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const clear = () => {
    setEmail('');
    setName('');
    setConflict(null);
  };
  const resolve = async (action: () => Promise<unknown>) => {
    if (await run(action)) clear();
  };
  return (
    <>
      <form
        class="cbc-add-form"
        aria-label={t('popupAddAPerson')}
        onSubmit={async (event) => {
          event.preventDefault();
          const typed = email.trim();
          if (!typed) return;
          // People are keyed by the lowercased address: "Alex@X.io" is alex@x.io.
          const existing = directory?.find((person) => person.email === typed.toLowerCase());
          if (existing) {
            setConflict({ existing, name: name.trim() });
            return;
          }
          setConflict(null);
          if (await run(() => actions.addPerson({ email: typed, name: name.trim() }))) clear();
        }}
      >
        <label>
          {t('popupEmail')}{' '}
          <input
            type="email"
            required
            value={email}
            onInput={(event) => {
              setEmail(event.currentTarget.value);
              setConflict(null);
            }}
          />
        </label>
        <label>
          {t('popupName')}{' '}
          <input type="text" value={name} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <button type="submit">{t('popupAddPerson')}</button>
      </form>
      {conflict && (
        <ConflictQuestion
          conflict={conflict}
          onRename={() =>
            void resolve(() => actions.renamePerson(conflict.existing.email, conflict.name))
          }
          onUnarchive={() =>
            void resolve(() => actions.setArchived(conflict.existing.email, false))
          }
          onKeep={clear}
        />
      )}
    </>
  );
}

function ConflictQuestion({
  conflict,
  onRename,
  onUnarchive,
  onKeep,
}: {
  conflict: Conflict;
  onRename: () => void;
  onUnarchive: () => void;
  onKeep: () => void;
}) {
  const { existing, name } = conflict;
  const current = existing.name || existing.email;
  const archived = existing.archived === 1;
  const renames = name !== '' && name !== existing.name;
  return (
    <div class="cbc-conflict" role="group" aria-label={t('popupAlreadyInPeople')}>
      <p role="alert">
        {t(
          existing.name
            ? archived
              ? 'popupConflictNamedArchived'
              : 'popupConflictNamed'
            : archived
              ? 'popupConflictArchived'
              : 'popupConflict',
          { email: existing.email, name: existing.name },
        )}{' '}
        {renames
          ? t('popupConflictRenameQuestion', { name })
          : archived
            ? t('popupConflictUnarchiveQuestion')
            : t('popupConflictNothingAdded')}
      </p>
      <div class="cbc-row-actions">
        {renames && (
          <button type="button" onClick={onRename}>
            {t('popupRenameTo', { name })}
          </button>
        )}
        {archived && !renames && (
          <button type="button" onClick={onUnarchive}>
            {t('popupUnarchiveNamed', { name: current })}
          </button>
        )}
        <button type="button" onClick={onKeep}>
          {renames ? t('popupKeepName', { name: current }) : t('popupOk')}
        </button>
      </div>
    </div>
  );
}
