// The words of the popup's and options page's first script (entrypoints/popup/start-popup-page.ts),
// which must stay tiny and so does not load the full tables: the skeleton's name and the message
// shown when the app itself could not load.

import { smallTranslator, type SmallTables } from './small-table';

export const POPUP_START_STRINGS = {
  en: {
    loading: 'Loading',
    startFailed: 'Craft Beyond Code could not start ({error}). Close this page and open it again.',
  },
  de: {
    loading: 'Wird geladen',
    startFailed:
      'Craft Beyond Code konnte nicht starten ({error}). Schließen Sie diese Seite und öffnen Sie sie erneut.',
  },
  ja: {
    loading: '読み込み中',
    startFailed:
      'Craft Beyond Code を起動できませんでした（{error}）。このページを閉じて、もう一度開いてください。',
  },
} as const satisfies SmallTables<'loading' | 'startFailed'>;

export function popupStartStrings(language: string) {
  return smallTranslator<keyof (typeof POPUP_START_STRINGS)['en']>(POPUP_START_STRINGS, language);
}
