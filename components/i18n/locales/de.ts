import type { Messages } from '../messages';

export const de: Messages = {
  appName: 'Craft Beyond Code',
  loading: 'Wird geladen…',
  openItems: { one: '{count} offener Punkt', other: '{count} offene Punkte' },
  panelDockCollapse: 'Bereich einklappen',
  panelDockResize: 'Bereichsbreite ändern',
  panelDockOpen: '1:1-Notizen mit {name} öffnen',
  panelDockOpenOverride: 'Craft Beyond Code für diesen Termin öffnen',
};
