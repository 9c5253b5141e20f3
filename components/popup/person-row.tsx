// One person in the People list: their 1:1 rhythm, open items, wellbeing and allocation, and
// their cadence. One primary action, preparing their 1:1s; rename, profile notes, Markdown
// export and archive are in the card's menu.

import { format } from 'date-fns';
import { t } from '@/components/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BurnoutCause, PersonOverview } from '@/utils/store/overview';
import { wellbeingDirection } from '@/utils/store/wellbeing-signals';
import { directionText } from '@/components/i18n/direction';
import { formatShare } from '@/components/i18n/format-share';
import { CADENCE_OPTIONS, CADENCE_SOURCE_TEXT } from './cadence-options';
import { CardMenu } from './card-menu';
import { RenameForm } from './rename-form';
import { PersonPrepare } from './person-prepare';
import { formatDay, formatWellbeingTrend } from './format-values';
import { HighlightMatch } from './highlight-match';
import type { FocusRequest } from './people-section';
import type { PeopleActions } from './popup-data';

const handledFocusRequests = new WeakSet<object>();

/** Today in the user's zone: the default day of a feedback log entry. */
function todayNow(): { day: string; at: number } {
  const at = Date.now();
  return { day: format(at, 'yyyy-MM-dd'), at };
}

/** The burnout badge names what raised it, never a figure that did not. */
function burnoutCauseText(cause: BurnoutCause, overview: PersonOverview): string {
  if (cause === 'over-allocated')
    return t('popupCauseAllocation', { allocation: formatShare(overview.allocation) });
  return t('popupCauseCheckIns', {
    values: formatWellbeingTrend(overview.wellbeingTrend.slice(-2)),
  });
}

export function PersonRow({
  overview,
  focusRequest,
  actions,
  run,
}: {
  overview: PersonOverview;
  /** Set when jumped to (Follow-ups, a search result): scroll it into view and move focus to
   * it, or to the entry of their preparation it names. */
  focusRequest: FocusRequest | null;
  actions: PeopleActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { person } = overview;
  const name = person.name || person.email;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [renaming, setRenaming] = useState(false);
  const [editingNotes, setEditingNotes] = useState(false);

  useEffect(() => {
    // Once per jump: a row that re-mounts later (filtering) must not steal focus again.
    if (!focusRequest || focusRequest.entry || !headingRef.current) return;
    if (handledFocusRequests.has(focusRequest)) return;
    handledFocusRequests.add(focusRequest);
    headingRef.current.scrollIntoView?.({ block: 'start' });
    headingRef.current.focus();
  }, [focusRequest]);

  const hasCustomCadence = !CADENCE_OPTIONS.some((option) => option.days === person.cadenceDays);
  const direction = wellbeingDirection(overview.wellbeingTrend);

  return (
    <li class={focusRequest ? 'cbc-person cbc-focused' : 'cbc-person'}>
      <div class="cbc-person-heading">
        <h3 ref={headingRef} tabIndex={-1}>
          {focusRequest?.highlight && !focusRequest.entry ? (
            <HighlightMatch text={name} query={focusRequest.highlight} />
          ) : (
            name
          )}
        </h3>
        {person.name && <span class="cbc-email">{person.email}</span>}
        <CardMenu
          name={name}
          items={[
            { label: t('popupRename'), choose: () => setRenaming(true) },
            { label: t('popupEditProfileNotes'), choose: () => setEditingNotes(true) },
            {
              label: t('popupExportNotes'),
              choose: () => void run(() => actions.exportHistory(person.email)),
            },
            {
              label: t('popupArchive'),
              choose: () => void run(() => actions.setArchived(person.email, true)),
            },
          ]}
        />
      </div>
      <div class="cbc-flags">
        {overview.cadence === 'overdue' && (
          <span class="cbc-overdue-badge">{t('popupOverdueForOneOnOne')}</span>
        )}
        {overview.cadence === 'due' && <span class="cbc-badge">{t('popupOneOnOneDue')}</span>}
        {overview.overAllocated && (
          <span class="cbc-badge cbc-badge-warn">
            {t('popupOverAllocated', { allocation: formatShare(overview.allocation) })}
          </span>
        )}
        {overview.burnoutRisk && (
          <span class="cbc-badge cbc-badge-danger">
            {t('popupBurnoutRisk')}
            {overview.burnoutCauses.length > 0 && ' ('}
            {overview.burnoutCauses.map((cause, index) => (
              // A cause citing check-ins is a private value ("Hide notes" blurs it).
              <span key={cause} class={cause === 'low-wellbeing' ? 'cbc-private' : undefined}>
                {index > 0 && '; '}
                {burnoutCauseText(cause, overview)}
              </span>
            ))}
            {overview.burnoutCauses.length > 0 && ')'}
          </span>
        )}
      </div>
      <dl class="cbc-facts">
        <div>
          <dt>{t('popupLastOneOnOne')}</dt>
          <dd>
            {overview.lastOneOnOne === null ? t('popupNever') : formatDay(overview.lastOneOnOne)}
          </dd>
        </div>
        <div>
          <dt>{t('popupDaysSince')}</dt>
          <dd>{overview.daysSince ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('popupOpenItemsFact')}</dt>
          <dd>{overview.openItems}</dd>
        </div>
        <div>
          <dt>{t('panelWellbeing')}</dt>
          <dd class="cbc-private">
            {overview.wellbeingTrend.length === 0
              ? t('popupNoCheckIns')
              : formatWellbeingTrend(overview.wellbeingTrend) +
                (direction ? ` (${directionText(direction)})` : '')}
          </dd>
        </div>
        <div>
          <dt>{t('popupAllocation')}</dt>
          <dd>{formatShare(overview.allocation)}</dd>
        </div>
      </dl>
      <div class="cbc-row-actions">
        <label>
          {t('popupCadence')}{' '}
          <select
            aria-label={t('popupCadenceWith', { name })}
            value={String(person.cadenceDays)}
            onChange={(event) =>
              void run(() => actions.setCadence(person.email, Number(event.currentTarget.value)))
            }
          >
            {CADENCE_OPTIONS.map((option) => (
              <option key={option.days} value={String(option.days)}>
                {t(option.label)}
              </option>
            ))}
            {hasCustomCadence && (
              <option value={String(person.cadenceDays)}>
                {t('popupCadenceEveryDays', { count: person.cadenceDays })}
              </option>
            )}
          </select>
        </label>
        <span class="cbc-cadence-source">({t(CADENCE_SOURCE_TEXT[person.cadenceSource])})</span>
      </div>
      <ProfileNotes
        name={name}
        notes={person.profileNotes}
        editing={editingNotes}
        onEditingChange={setEditingNotes}
        onSave={(profileNotes) => run(() => actions.setProfileNotes(person.email, profileNotes))}
      />
      <PersonPrepare
        email={person.email}
        name={name}
        today={todayNow()}
        reveal={focusRequest?.entry ? focusRequest : null}
        actions={actions}
        run={run}
      />
      {renaming && (
        <RenameForm
          label={t('popupNewNameFor', { name })}
          initial={person.name}
          onCancel={() => setRenaming(false)}
          onSave={async (newName) => {
            if (await run(() => actions.renamePerson(person.email, newName))) setRenaming(false);
          }}
        />
      )}
    </li>
  );
}

/** Private notes about the person (not tied to a meeting): shown as text, edited in place
 * (the card's menu opens the editor). */
function ProfileNotes({
  name,
  notes,
  editing,
  onEditingChange,
  onSave,
}: {
  name: string;
  notes: string;
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
  onSave: (notes: string) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState(notes);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!editing) return;
    setDraft(notes);
    textRef.current?.focus();
    // Only on opening: a save elsewhere must not overwrite what is being typed.
  }, [editing]);
  if (editing) {
    return (
      <form
        class="cbc-inline-form cbc-description-form"
        onSubmit={async (event) => {
          event.preventDefault();
          // Kept exactly as typed, like meeting notes.
          if (await onSave(draft)) onEditingChange(false);
        }}
      >
        <textarea
          ref={textRef}
          class="cbc-private"
          aria-label={t('popupProfileNotesOf', { name })}
          rows={4}
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onEditingChange(false);
          }}
        />
        <button type="submit">{t('commonSave')}</button>
        <button type="button" onClick={() => onEditingChange(false)}>
          {t('commonCancel')}
        </button>
      </form>
    );
  }
  return (
    <div class="cbc-profile">
      <p class="cbc-profile-label">{t('popupProfileNotes')}</p>
      {notes.trim() === '' ? (
        <p class="cbc-profile-empty">{t('popupNoneYet')}</p>
      ) : (
        <p class="cbc-profile-notes cbc-private">{notes}</p>
      )}
    </div>
  );
}
