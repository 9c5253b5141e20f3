import { describe, expect, it } from 'vitest';
import { LOCALES, localeCodeOf, makeTranslator } from './index';
import type { PluralMessage } from './messages';

const textsOf = (message: string | PluralMessage): string[] =>
  typeof message === 'string'
    ? [message]
    : Object.values(message).filter((text): text is string => text !== undefined);

const placeholders = (message: string | PluralMessage): string[] => {
  const texts = textsOf(message);
  return [
    ...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))),
  ].sort();
};

describe('locales', () => {
  const english = LOCALES.en;
  for (const [code, messages] of Object.entries(LOCALES)) {
    it(`${code} has every English key and no other, each non-empty with English's placeholders`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, message] of Object.entries(messages) as [
        keyof typeof english,
        string | PluralMessage,
      ][]) {
        for (const text of textsOf(message)) expect(text.trim(), `${code}.${key}`).not.toBe('');
        expect(placeholders(message), `${code}.${key}`).toEqual(placeholders(english[key]));
        if (typeof message !== 'string') expect(message.other, `${code}.${key}`).toBeTruthy();
      }
    });
  }
});

describe('translator', () => {
  it('fills placeholders and picks plural forms by language', () => {
    expect(makeTranslator('en')('openItems', { count: 1 })).toBe('1 open item');
    expect(makeTranslator('en')('openItems', { count: 3 })).toBe('3 open items');
    expect(makeTranslator('de')('openItems', { count: 1 })).toBe('1 offener Punkt');
    expect(makeTranslator('ja')('openItems', { count: 1 })).toBe('未完了の項目 1 件');
  });

  it('maps browser languages to the locales it has', () => {
    expect(localeCodeOf('de-AT')).toBe('de');
    expect(localeCodeOf('ja')).toBe('ja');
    expect(localeCodeOf('fr-FR')).toBe('en');
    expect(localeCodeOf('en_GB')).toBe('en');
  });
});

describe('the store listing', () => {
  it('has a name and a description in every locale the UI has', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const code of Object.keys(LOCALES)) {
      const file = `${process.cwd()}/public/_locales/${code}/messages.json`;
      const messages = JSON.parse(await readFile(file, 'utf8')) as Record<
        string,
        { message: string }
      >;
      expect(messages.extName?.message.trim(), code).toBeTruthy();
      expect(messages.extDescription?.message.trim(), code).toBeTruthy();
      expect(messages.extDescription?.message.length ?? 0, code).toBeLessThanOrEqual(132);
    }
  });
});
