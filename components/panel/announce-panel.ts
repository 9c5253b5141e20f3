// What the panel's live region says once when a 1:1's notes are there: who, whether there are
// notes from last time, how many open items, and the key that reaches the panel.

import { t } from '@/components/i18n';
import { PANEL_FOCUS_SHORTCUT } from '@/utils/messaging/panel-channel';
import type { PanelView } from './panel-view';

export function announcePanel(view: PanelView): string {
  const { data } = view;
  const name = data?.person.name || view.person.name || view.person.email;
  if (!data) return t('panelOneOnOneWith', { name });
  return t('panelAnnouncement', {
    name,
    notes: data.lastMeeting ? t('panelAnnounceNotes') : t('panelAnnounceNoNotes'),
    items: t('panelAnnounceItems', { count: data.openItems.length }),
    shortcut: PANEL_FOCUS_SHORTCUT,
  });
}
