// The extension pages' text (panel, popup, options, welcome) in the browser's UI language.
//
// The messages are bundled with the code instead of read through `browser.i18n.getMessage`:
// in Chromium started with --load-extension, getMessage returned '' for every key (even
// '@@ui_locale') in about one launch in eight, in pages and in the service worker alike, while
// getUILanguage() kept answering. Bundled tables cannot go missing, and tests can render any
// locale. `public/_locales/` holds only what the browser itself shows (the store listing's name
// and description).

import type { Locale } from 'date-fns';
import { de as dateFnsDe } from 'date-fns/locale/de';
import { enUS as dateFnsEn } from 'date-fns/locale/en-US';
import { ja as dateFnsJa } from 'date-fns/locale/ja';
import { de } from './locales/de';
import { en } from './locales/en';
import { ja } from './locales/ja';
import type { MessageKey, Messages } from './messages';
import { smallLocaleOf } from './small-table';
import { translatorFor, type MessageValues, type Translator } from './translator';

export type { MessageKey } from './messages';
export type { Translator } from './translator';

export const LOCALES = { en, de, ja } as const satisfies Record<string, Messages>;
export type LocaleCode = keyof typeof LOCALES;

/** 'de' for 'de', 'de-AT' or 'de_CH'; 'en' for any language we do not have. */
export function localeCodeOf(language: string): LocaleCode {
  return smallLocaleOf(language);
}

function pageLanguage(): string {
  return typeof navigator === 'undefined' ? 'en' : navigator.language;
}

let current: Translator | undefined;

/**
 * The page's translator: the locale an entrypoint set with `setPageLocale` (from the browser's
 * UI language), else the page's `navigator.language`.
 */
export function translator(): Translator {
  current ??= makeTranslator(localeCodeOf(pageLanguage()));
  return current;
}

export function makeTranslator(code: LocaleCode): Translator {
  return translatorFor(code, LOCALES[code], en);
}

/** `t('openItems', { count: 3 })` → "3 open items" in the browser's language. */
export function t(key: MessageKey, values?: MessageValues): string {
  return translator()(key, values);
}

/** Entrypoints (with `browser.i18n.getUILanguage()`) and tests: render in this locale from now on. */
export function setPageLocale(code: LocaleCode): void {
  current = makeTranslator(code);
}

/**
 * An entrypoint's first step, before its first render: the page's text in the browser's UI
 * language (`browser.i18n.getUILanguage()`, passed in: components call no browser API), and the
 * document's `lang` to match, so screen readers pronounce it in that language.
 */
export function applyPageLocale(language: string, doc: Document): LocaleCode {
  const code = localeCodeOf(language);
  setPageLocale(code);
  doc.documentElement.lang = code;
  return code;
}

const DATE_FNS_LOCALES: Record<LocaleCode, Locale> = {
  en: dateFnsEn,
  de: dateFnsDe,
  ja: dateFnsJa,
};

/** The date-fns locale matching the page's language, for `format(…, { locale })`. */
export function dateLocale(): Locale {
  return DATE_FNS_LOCALES[translator().locale as LocaleCode];
}
