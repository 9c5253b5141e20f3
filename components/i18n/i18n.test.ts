import { describe, expect, it } from 'vitest';
import { BACKGROUND_STRINGS } from './background-strings';
import { CONTENT_STRINGS, contentStrings } from './content-strings';
import { LOCALES, localeCodeOf, makeTranslator } from './index';
import { POPUP_START_STRINGS, popupStartStrings } from './popup-start-strings';
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

// The small tables of the scripts that cannot carry the full ones: the same checks.
describe.each([
  ['content script', CONTENT_STRINGS],
  ['popup first script', POPUP_START_STRINGS],
  ['background', BACKGROUND_STRINGS],
] as const)('the %s table', (_name, tables) => {
  for (const [code, messages] of Object.entries(tables)) {
    it(`${code} has every English key and no other, each non-empty with English's placeholders`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(tables.en).sort());
      for (const [key, message] of Object.entries(messages) as [
        keyof typeof tables.en,
        string | PluralMessage,
      ][]) {
        for (const text of textsOf(message)) expect(text.trim(), `${code}.${key}`).not.toBe('');
        expect(placeholders(message), `${code}.${key}`).toEqual(placeholders(tables.en[key]));
      }
    });
  }
});

describe('the small tables', () => {
  it('speak the page language with plural forms', () => {
    expect(contentStrings('en-US')('chipBadge', { count: 1, name: 'Alex Rivera' })).toBe(
      '1 open action item with Alex Rivera',
    );
    expect(contentStrings('en-US')('chipBadge', { count: 3, name: 'Alex Rivera' })).toBe(
      '3 open action items with Alex Rivera',
    );
    expect(contentStrings('de-DE')('chipBadge', { count: 3, name: 'Alex' })).toBe(
      '3 offene Aufgaben mit Alex',
    );
    expect(contentStrings('ja')('chipBadge', { count: 3, name: 'Alex' })).toBe(
      'Alex との未完了のタスク 3 件',
    );
    expect(contentStrings('fr')('frameTitle')).toBe('Craft Beyond Code');
    expect(popupStartStrings('de')('startFailed', { error: 'x' })).toContain(
      'konnte nicht starten (x)',
    );
  });
});

describe('translator', () => {
  it('fills placeholders and picks plural forms by language', () => {
    expect(makeTranslator('en')('popupOpenItems', { count: 1 })).toBe('1 open item');
    expect(makeTranslator('en')('popupOpenItems', { count: 3 })).toBe('3 open items');
    expect(makeTranslator('de')('popupOpenItems', { count: 1 })).toBe('1 offene Aufgabe');
    expect(makeTranslator('de')('popupOpenItems', { count: 3 })).toBe('3 offene Aufgaben');
    expect(makeTranslator('ja')('popupOpenItems', { count: 1 })).toBe('未完了の項目 1 件');
    expect(makeTranslator('en')('panelOneOnOneWith', { name: 'Ada' })).toBe('1:1 with Ada');
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
