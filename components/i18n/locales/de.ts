import type { Messages } from '../messages';

export const de: Messages = {
  appName: 'Craft Beyond Code',
  loading: 'Wird geladen…',
  openItems: { one: '{count} offener Punkt', other: '{count} offene Punkte' },
};
