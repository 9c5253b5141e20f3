// Open action items for the person, mine and theirs, oldest first, and a form to add one.

import { useState } from 'preact/hooks';
import type { ActionItem, Owner } from '@/utils/domain/records';
import { t } from '@/components/i18n';
import { ActionItemRow } from './action-item-row';
import type { PanelActions } from './panel-view';

/** Open items plus the ones checked off in this session, oldest first. */
function listedItems(openItems: ActionItem[], doneItems: ActionItem[]): ActionItem[] {
  const doneIds = new Set(doneItems.map((item) => item.id));
  const stillOpen = openItems.filter((item) => !doneIds.has(item.id));
  return [...stillOpen, ...doneItems].sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Items listed before "Show all": a long list (a hundred open items is possible after years)
 * would make every open lay out and paint rows nobody scrolls to.
 */
export const ITEMS_SHOWN_AT_FIRST = 20;

export function ActionItems(props: {
  openItems: ActionItem[];
  doneItems: ActionItem[];
  now: number;
  actions: PanelActions;
}) {
  const { actions } = props;
  const [text, setText] = useState('');
  const [owner, setOwner] = useState<Owner>('them');
  const [due, setDue] = useState('');
  const [showAll, setShowAll] = useState(false);
  const items = listedItems(props.openItems, props.doneItems);
  const shown = showAll ? items : items.slice(0, ITEMS_SHOWN_AT_FIRST);

  async function add(event: Event) {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') return;
    // Clear at once so the next item can be typed; give the text back if the add failed.
    setText('');
    setDue('');
    const added = await actions.addActionItem({ text: trimmed, owner, due });
    if (!added) setText((current) => (current === '' ? trimmed : current));
  }

  return (
    <section class="cbc-section" aria-labelledby="cbc-items-heading">
      <h3 id="cbc-items-heading">{t('panelOpenItems')}</h3>
      <ul class="cbc-list" aria-label={t('panelOpenItems')}>
        {shown.map((item) => (
          <ActionItemRow
            key={item.id}
            item={item}
            now={props.now}
            onDone={actions.setActionItemDone}
            onUpdate={actions.updateActionItem}
            onDelete={actions.deleteActionItem}
          />
        ))}
      </ul>
      {items.length > ITEMS_SHOWN_AT_FIRST && (
        <button type="button" class="cbc-more" onClick={() => setShowAll(!showAll)}>
          {showAll ? t('panelShowFewer') : t('panelShowAllItems', { count: items.length })}
        </button>
      )}
      {items.length === 0 && <p class="cbc-muted">{t('panelNothingOpen')}</p>}
      <form class="cbc-add" onSubmit={add}>
        <input
          type="text"
          aria-label={t('panelNewItem')}
          placeholder={t('panelNewItem')}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <div class="cbc-row">
          <select
            aria-label={t('panelOwner')}
            value={owner}
            onChange={(event) => setOwner(event.currentTarget.value as Owner)}
          >
            <option value="them">{t('commonTheirs')}</option>
            <option value="me">{t('commonMine')}</option>
          </select>
          <input
            type="date"
            aria-label={t('panelDueOptional')}
            value={due}
            onInput={(event) => setDue(event.currentTarget.value)}
          />
          <button type="submit">{t('panelAddItem')}</button>
        </div>
      </form>
    </section>
  );
}
