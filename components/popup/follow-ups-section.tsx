// Every open action item across the team: grouped by person or by due date, overdue first,
// filtered to mine / theirs / all, checked off and re-dated in place.

import { t, type MessageKey } from '@/components/i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ActionItem } from '@/utils/domain/records';
import { ActionError } from './action-error';
import {
  filterByOwner,
  groupFollowUps,
  isOverdue,
  windowGroups,
  type FollowUpGrouping,
  type OwnerFilter,
} from './follow-up-groups';
import { HighlightMatch } from './highlight-match';
import type { FollowUpActions } from './popup-data';
import { PopupSection } from './popup-section';
import { ShowMore } from './show-more';
import { useActionRunner } from './use-action-runner';
import { PAGE_SIZE, usePageLimit } from './use-page-limit';
import { EmptyState } from './empty-state';
import { ShowInPeople } from './show-in-people';

/** A jump to one item (a search result): a new object per jump, handled once. */
export interface FollowUpFocus {
  itemId: string;
  /** Words to mark in the item's text. */
  highlight: string;
}

const OWNER_FILTERS: Array<{ value: OwnerFilter; label: MessageKey }> = [
  { value: 'all', label: 'popupFilterAll' },
  { value: 'me', label: 'commonMine' },
  { value: 'them', label: 'commonTheirs' },
];

export function FollowUpsSection({
  items,
  preview,
  today,
  nameOf,
  actions,
  onShowPerson,
  focusRequest = null,
}: {
  items: ActionItem[] | undefined;
  /** The first page's items while `items` loads (see PopupData.followUpsPreview). */
  preview?: ActionItem[];
  today: string;
  nameOf: (email: string) => string;
  actions: FollowUpActions;
  onShowPerson: (email: string) => void;
  focusRequest?: FollowUpFocus | null;
}) {
  const [grouping, setGrouping] = useState<FollowUpGrouping>('person');
  const [ownerFilter, setOwnerFilter] = useState<OwnerFilter>('all');
  const { limit, showMore, showAtLeast } = usePageLimit();
  // Items checked off here stay in place, checked, until the popup closes: the list does not
  // jump under the pointer, and unchecking is the undo. The store's copy is no longer open.
  const [doneHere, setDoneHere] = useState<ReadonlyMap<string, ActionItem>>(new Map());
  const { error, run } = useActionRunner();

  // The preview holds exactly the first page of the default view (every owner); until every
  // item is there, it is shown instead, and nothing past the first page is offered.
  const previewing =
    items === undefined && preview !== undefined && ownerFilter === 'all' && limit <= PAGE_SIZE;
  const source = previewing ? preview : items;
  const shownItems = useMemo(() => {
    if (doneHere.size === 0) return source ?? [];
    const open = source ?? [];
    const openIds = new Set(open.map((item) => item.id));
    return [...open, ...[...doneHere.values()].filter((item) => !openIds.has(item.id))];
  }, [source, doneHere]);
  const visible = useMemo(() => filterByOwner(shownItems, ownerFilter), [shownItems, ownerFilter]);
  const groups = useMemo(
    () => groupFollowUps(visible, grouping, today, nameOf),
    [visible, grouping, today, nameOf],
  );
  const shownGroups = useMemo(() => windowGroups(groups, limit), [groups, limit]);
  const shownCount = Math.min(limit, visible.length);

  // A jump to an item shows every owner's items and enough of the list to reach it, then
  // scrolls to the item and focuses it, once.
  const jumpedTo = useRef<HTMLLIElement>(null);
  const handledJump = useRef<object | null>(null);
  useEffect(() => {
    if (!focusRequest) return;
    setOwnerFilter('all');
  }, [focusRequest]);
  useEffect(() => {
    if (!focusRequest || handledJump.current === focusRequest) return;
    const position = groups
      .flatMap((group) => group.items)
      .findIndex((item) => item.id === focusRequest.itemId);
    if (position >= 0) showAtLeast(position + 1);
    if (!jumpedTo.current) return;
    handledJump.current = focusRequest;
    jumpedTo.current.scrollIntoView?.({ block: 'nearest' });
    jumpedTo.current.focus();
  }, [focusRequest, groups, limit]);
  const openCount = visible.filter((item) => !doneHere.has(item.id)).length;

  const markDoneHere = (item: ActionItem, done: boolean) =>
    setDoneHere((current) => {
      const next = new Map(current);
      if (done) next.set(item.id, item);
      else next.delete(item.id);
      return next;
    });

  const setDone = async (item: ActionItem, done: boolean) => {
    markDoneHere(item, done);
    if (!(await run(() => actions.setItemDone(item.id, done, item.personEmail))))
      markDoneHere(item, !done);
  };

  return (
    <PopupSection id="follow-ups" title={t('popupFollowUps')}>
      <div class="cbc-controls">
        <label>
          {t('popupGroupBy')}{' '}
          <select
            value={grouping}
            onChange={(event) => setGrouping(event.currentTarget.value as FollowUpGrouping)}
          >
            <option value="person">{t('popupGroupPerson')}</option>
            <option value="due">{t('popupGroupDue')}</option>
          </select>
        </label>
        <fieldset class="cbc-segmented">
          <legend>{t('popupShow')}</legend>
          {OWNER_FILTERS.map((filter) => (
            <label key={filter.value}>
              <input
                type="radio"
                name="cbc-owner-filter"
                value={filter.value}
                checked={ownerFilter === filter.value}
                onChange={() => setOwnerFilter(filter.value)}
              />
              {t(filter.label)}
            </label>
          ))}
        </fieldset>
      </div>
      <ActionError error={error} />
      {/* The list is there from the first frame; its items arrive with the first read. */}
      <p class="cbc-summary">
        {items === undefined ? t('commonLoading') : t('popupOpenItems', { count: openCount })}
      </p>
      <ul aria-label={t('popupOpenFollowUps')} class="cbc-groups">
        {shownGroups.map((group) => (
          <li key={group.key} class="cbc-group">
            <div class="cbc-group-heading">
              <h3>{group.label}</h3>
              {group.personEmail !== null && (
                <button
                  type="button"
                  class="cbc-link"
                  onClick={() => onShowPerson(group.personEmail!)}
                >
                  {/* Named "Show Ada in People"; the visible words stay part of the name. */}
                  <ShowInPeople name={group.label} />
                </button>
              )}
            </div>
            <ul class="cbc-items">
              {group.items.map((item) => (
                <FollowUpRow
                  key={item.id}
                  item={item}
                  jumpedTo={focusRequest?.itemId === item.id ? jumpedTo : null}
                  highlight={focusRequest?.itemId === item.id ? focusRequest.highlight : ''}
                  overdue={isOverdue(item, today)}
                  done={doneHere.has(item.id)}
                  personName={grouping === 'due' ? nameOf(item.personEmail) : null}
                  onDoneChange={(done) => void setDone(item, done)}
                  onDueChange={(due) =>
                    void run(() => actions.setItemDue(item.id, due, item.personEmail))
                  }
                  onShowPerson={() => onShowPerson(item.personEmail)}
                />
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {items !== undefined && visible.length === 0 && (
        <EmptyState what={t('popupNoFollowUps')} todo={t('popupNoFollowUpsTodo')} />
      )}
      {!previewing && (
        <ShowMore shown={shownCount} total={visible.length} noun="items" onShowMore={showMore} />
      )}
    </PopupSection>
  );
}

function FollowUpRow({
  item,
  jumpedTo,
  highlight,
  overdue,
  done,
  personName,
  onDoneChange,
  onDueChange,
  onShowPerson,
}: {
  item: ActionItem;
  /** Set on the item a search result jumped to: it takes focus. */
  jumpedTo: { current: HTMLLIElement | null } | null;
  /** Words marked in its text (a search's query), or ''. */
  highlight: string;
  overdue: boolean;
  /** Checked off in this popup. */
  done: boolean;
  /** Shown when the group does not already name the person. */
  personName: string | null;
  onDoneChange: (done: boolean) => void;
  onDueChange: (due: string) => void;
  onShowPerson: () => void;
}) {
  return (
    <li
      class={`cbc-item${overdue && !done ? ' cbc-overdue' : ''}${done ? ' cbc-done' : ''}`}
      ref={jumpedTo ?? undefined}
      tabIndex={jumpedTo ? -1 : undefined}
    >
      <label class="cbc-check">
        <input
          type="checkbox"
          checked={done}
          onChange={(event) => onDoneChange(event.currentTarget.checked)}
        />
        <span class="cbc-private">
          <HighlightMatch text={item.text} query={highlight} />
        </span>
      </label>
      <div class="cbc-item-meta">
        <span class="cbc-owner">{item.owner === 'me' ? t('commonMine') : t('commonTheirs')}</span>
        {personName !== null && (
          <button type="button" class="cbc-link" onClick={onShowPerson}>
            {personName}
          </button>
        )}
        {done && <span class="cbc-badge">{t('popupDone')}</span>}
        {overdue && !done && <span class="cbc-overdue-badge">{t('commonOverdue')}</span>}
        <input
          type="date"
          class="cbc-due"
          aria-label={t('popupDueDateOf', { text: item.text })}
          value={item.due}
          onChange={(event) => onDueChange(event.currentTarget.value)}
        />
      </div>
    </li>
  );
}
