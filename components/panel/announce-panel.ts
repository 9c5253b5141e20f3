// What the panel's live region says once when a 1:1's notes are there: who, whether there are
// notes from last time, how many open items, and the key that reaches the panel.

import { PANEL_FOCUS_SHORTCUT } from '@/utils/messaging/panel-channel';
import type { PanelView } from './panel-view';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function announcePanel(view: PanelView): string {
  const { data } = view;
  const name = data?.person.name || view.person.name || view.person.email;
  if (!data) return `1:1 with ${name}`;
  const notes = data.lastMeeting ? 'notes from the last meeting' : 'no earlier notes';
  const items = count(data.openItems.length, 'open action item', 'open action items');
  return `1:1 with ${name}: ${notes}, ${items}. ${PANEL_FOCUS_SHORTCUT} to write notes.`;
}
