// The content script's words (chip badges, the panel's frame), in the language of Calendar's
// page (`navigator.language`: no getUILanguage call on the content script's hot paths). Kept
// apart from locales/*.ts, which the content script must not bundle (its size budget);
// i18n.test.ts checks these tables like the full ones.

import { smallTranslator, type SmallTables } from './small-table';

export const CONTENT_STRINGS = {
  en: {
    chipBadge: {
      one: '{count} open action item with {name}',
      other: '{count} open action items with {name}',
    },
    frameTitle: 'Craft Beyond Code',
  },
  de: {
    chipBadge: {
      one: '{count} offene Aufgabe mit {name}',
      other: '{count} offene Aufgaben mit {name}',
    },
    frameTitle: 'Craft Beyond Code',
  },
  ja: {
    chipBadge: { other: '{name} との未完了のタスク {count} 件' },
    frameTitle: 'Craft Beyond Code',
  },
} as const satisfies SmallTables<'chipBadge' | 'frameTitle'>;

export type ContentStringKey = keyof (typeof CONTENT_STRINGS)['en'];

/** The content script's translator for a page whose language is `language`. */
export function contentStrings(language: string) {
  return smallTranslator<ContentStringKey>(CONTENT_STRINGS, language);
}
