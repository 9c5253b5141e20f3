// Turns a locale's messages into text: placeholders and plural forms. Pure, so tests can make a
// translator for any locale without a browser.

import type { MessageKey, Messages } from './messages';

export type MessageValues = Readonly<Record<string, string | number>>;

export interface Translator {
  readonly locale: string;
  (key: MessageKey, values?: MessageValues): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

export function translatorFor(locale: string, messages: Messages, fallback?: Messages): Translator {
  const plurals = new Intl.PluralRules(locale);
  const translate = (key: MessageKey, values: MessageValues = {}): string => {
    const message = messages[key] ?? fallback?.[key];
    if (message === undefined) return key;
    let template: string;
    if (typeof message === 'string') {
      template = message;
    } else {
      const count = values.count;
      const category = typeof count === 'number' ? plurals.select(count) : 'other';
      template = message[category] ?? message.other;
    }
    return template.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return String(value);
    });
  };
  return Object.assign(translate, { locale });
}
