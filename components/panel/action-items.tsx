// Open action items for the person, mine and theirs, oldest first, and a form to add one.

import { useState } from 'preact/hooks';
import type { ActionItem, Owner } from '@/utils/domain/records';
import { ActionItemRow } from './action-item-row';
import type { PanelActions } from './panel-view';

/** Open items plus the ones checked off in this session, oldest first. */
function listedItems(openItems: ActionItem[], doneItems: ActionItem[]): ActionItem[] {
  const doneIds = new Set(doneItems.map((item) => item.id));
  const stillOpen = openItems.filter((item) => !doneIds.has(item.id));
  return [...stillOpen, ...doneItems].sort((a, b) => a.createdAt - b.createdAt);
}

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
  const items = listedItems(props.openItems, props.doneItems);

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
      <h3 id="cbc-items-heading">Open action items</h3>
      <ul class="cbc-list" aria-label="Open action items">
        {items.map((item) => (
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
      {items.length === 0 && <p class="cbc-muted">Nothing open</p>}
      <form class="cbc-add" onSubmit={add}>
        <input
          type="text"
          aria-label="New action item"
          placeholder="New action item"
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <div class="cbc-row">
          <select
            aria-label="Owner"
            value={owner}
            onChange={(event) => setOwner(event.currentTarget.value as Owner)}
          >
            <option value="them">Them</option>
            <option value="me">Me</option>
          </select>
          <input
            type="date"
            aria-label="Due date (optional)"
            value={due}
            onInput={(event) => setDue(event.currentTarget.value)}
          />
          <button type="submit">Add action item</button>
        </div>
      </form>
    </section>
  );
}
