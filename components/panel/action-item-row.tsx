// One action item: check it off, edit its text and due day, delete it (the panel offers undo).

import { useState } from 'preact/hooks';
import type { ActionItem } from '@/utils/domain/records';
import { t } from '@/components/i18n';
import { formatDay, formatDueDay, isOverdue } from './format-date';

export function ActionItemRow(props: {
  item: ActionItem;
  now: number;
  onDone: (item: ActionItem, done: boolean) => void;
  onUpdate: (id: string, changes: { text: string; due: string }) => void;
  onDelete: (item: ActionItem) => void;
}) {
  const { item, now } = props;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const [due, setDue] = useState(item.due);
  const done = item.doneAt !== null;
  const overdue = !done && isOverdue(item.due, now);

  if (editing) {
    const save = (event: Event) => {
      event.preventDefault();
      const trimmed = text.trim();
      if (trimmed === '') return;
      props.onUpdate(item.id, { text: trimmed, due });
      setEditing(false);
    };
    return (
      <li class="cbc-item">
        <form
          class="cbc-edit"
          onSubmit={save}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            // Handled: the panel's own Escape (back to Calendar) must not also fire.
            event.preventDefault();
            setEditing(false);
          }}
        >
          <input
            type="text"
            aria-label={t('panelItemText')}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <input
            type="date"
            aria-label={t('panelDueDate')}
            value={due}
            onInput={(event) => setDue(event.currentTarget.value)}
          />
          <button type="submit">{t('commonSave')}</button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('commonCancel')}
          </button>
        </form>
      </li>
    );
  }

  return (
    <li class={`cbc-item${done ? ' cbc-done' : ''}${overdue ? ' cbc-overdue' : ''}`}>
      <label class="cbc-check">
        <input
          type="checkbox"
          checked={done}
          onChange={(event) => props.onDone(item, event.currentTarget.checked)}
        />
        <span class="cbc-private">{item.text}</span>
      </label>
      <p class="cbc-meta">
        <span class="cbc-chip">{item.owner === 'me' ? t('commonMine') : t('commonTheirs')}</span>{' '}
        {t('panelItemSince', { date: formatDay(item.createdAt, now) })}
        {item.due && (
          <span class={overdue ? 'cbc-overdue-text' : undefined}>
            {' · '}
            {t('panelItemDue', { date: formatDueDay(item.due, now) })}
          </span>
        )}
        {overdue && (
          <>
            {' '}
            <span class="cbc-overdue-badge">{t('commonOverdue')}</span>
          </>
        )}
        {/* Shown on hover and focus, over the row's end: they never wrap the line. */}
        <span class="cbc-item-actions">
          <button
            type="button"
            class="cbc-link"
            aria-label={t('panelEditItem', { text: item.text })}
            onClick={() => {
              setText(item.text);
              setDue(item.due);
              setEditing(true);
            }}
          >
            {t('panelEdit')}
          </button>
          <button
            type="button"
            class="cbc-link"
            aria-label={t('panelDeleteItem', { text: item.text })}
            onClick={() => props.onDelete(item)}
          >
            {t('panelDelete')}
          </button>
        </span>
      </p>
    </li>
  );
}
