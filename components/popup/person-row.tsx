// One person in the People list: their 1:1 rhythm, open items, wellbeing and allocation, with
// cadence, rename, archive and Markdown export.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { BurnoutCause, PersonOverview } from '@/utils/store/overview';
import { wellbeingDirection } from '@/utils/store/wellbeing-signals';
import { CADENCE_OPTIONS, CADENCE_SOURCE_TEXT } from './cadence-options';
import { RenameForm } from './rename-form';
import { formatDay, formatWellbeingTrend } from './format-values';
import type { PeopleActions } from './popup-data';

const handledFocusRequests = new WeakSet<object>();

/** The burnout badge names what raised it, never a figure that did not. */
function burnoutCauseText(cause: BurnoutCause, overview: PersonOverview): string {
  if (cause === 'over-allocated') return `allocation ${overview.allocation} %`;
  return `last two check-ins ${formatWellbeingTrend(overview.wellbeingTrend.slice(-2))}`;
}

export function PersonRow({
  overview,
  focusRequest,
  actions,
  run,
}: {
  overview: PersonOverview;
  /** Set when jumped to from Follow-ups: scroll it into view and move focus to it. */
  focusRequest: object | null;
  actions: PeopleActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { person } = overview;
  const name = person.name || person.email;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [renaming, setRenaming] = useState(false);

  useEffect(() => {
    // Once per jump: a row that re-mounts later (filtering) must not steal focus again.
    if (!focusRequest || !headingRef.current || handledFocusRequests.has(focusRequest)) return;
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
          {name}
        </h3>
        {person.name && <span class="cbc-email">{person.email}</span>}
      </div>
      <div class="cbc-flags">
        {overview.cadence === 'overdue' && <span class="cbc-overdue-badge">Overdue for a 1:1</span>}
        {overview.cadence === 'due' && <span class="cbc-badge">1:1 due</span>}
        {overview.overAllocated && (
          <span class="cbc-badge cbc-badge-warn">Over-allocated: {overview.allocation} %</span>
        )}
        {overview.burnoutRisk && (
          <span class="cbc-badge cbc-badge-danger">
            Burnout risk
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
          <dt>Last 1:1</dt>
          <dd>{overview.lastOneOnOne === null ? 'Never' : formatDay(overview.lastOneOnOne)}</dd>
        </div>
        <div>
          <dt>Days since</dt>
          <dd>{overview.daysSince ?? '–'}</dd>
        </div>
        <div>
          <dt>Open items</dt>
          <dd>{overview.openItems}</dd>
        </div>
        <div>
          <dt>Wellbeing</dt>
          <dd class="cbc-private">
            {overview.wellbeingTrend.length === 0
              ? 'No check-ins'
              : formatWellbeingTrend(overview.wellbeingTrend) +
                (direction ? ` (${direction})` : '')}
          </dd>
        </div>
        <div>
          <dt>Allocation</dt>
          <dd>{overview.allocation} %</dd>
        </div>
      </dl>
      <div class="cbc-row-actions">
        <label>
          Cadence{' '}
          <select
            aria-label={`Cadence with ${name}`}
            value={String(person.cadenceDays)}
            onChange={(event) =>
              void run(() => actions.setCadence(person.email, Number(event.currentTarget.value)))
            }
          >
            {CADENCE_OPTIONS.map((option) => (
              <option key={option.days} value={String(option.days)}>
                {option.label}
              </option>
            ))}
            {hasCustomCadence && (
              <option value={String(person.cadenceDays)}>Every {person.cadenceDays} days</option>
            )}
          </select>
        </label>
        <span class="cbc-cadence-source">({CADENCE_SOURCE_TEXT[person.cadenceSource]})</span>
        {!renaming && (
          <button type="button" aria-label={`Rename ${name}`} onClick={() => setRenaming(true)}>
            Rename
          </button>
        )}
        <button
          type="button"
          aria-label={`Archive ${name}`}
          onClick={() => void run(() => actions.setArchived(person.email, true))}
        >
          Archive
        </button>
        <button
          type="button"
          aria-label={`Export notes of ${name} (Markdown)`}
          onClick={() => void run(() => actions.exportHistory(person.email))}
        >
          Export notes
        </button>
      </div>
      <ProfileNotes
        name={name}
        notes={person.profileNotes}
        onSave={(profileNotes) => run(() => actions.setProfileNotes(person.email, profileNotes))}
      />
      {renaming && (
        <RenameForm
          label={`New name for ${name}`}
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

/** Private notes about the person (not tied to a meeting): shown as text, edited in place. */
function ProfileNotes({
  name,
  notes,
  onSave,
}: {
  name: string;
  notes: string;
  onSave: (notes: string) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null) {
    return (
      <form
        class="cbc-inline-form cbc-description-form"
        onSubmit={async (event) => {
          event.preventDefault();
          // Kept exactly as typed, like meeting notes.
          if (await onSave(draft)) setDraft(null);
        }}
      >
        <textarea
          class="cbc-private"
          aria-label={`Profile notes of ${name}`}
          rows={4}
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setDraft(null);
          }}
        />
        <button type="submit">Save</button>
        <button type="button" onClick={() => setDraft(null)}>
          Cancel
        </button>
      </form>
    );
  }
  return (
    <div class="cbc-profile">
      <p class="cbc-profile-label">Profile notes</p>
      {notes.trim() === '' ? (
        <p class="cbc-profile-empty">None yet.</p>
      ) : (
        <p class="cbc-profile-notes cbc-private">{notes}</p>
      )}
      <button
        type="button"
        aria-label={`Edit profile notes of ${name}`}
        onClick={() => setDraft(notes)}
      >
        Edit profile notes
      </button>
    </div>
  );
}
