import { afterEach, describe, expect, it } from 'vitest';
import { NoAnswerError, RequestError } from '@/utils/messaging/client';
import { failureText } from './failure-text';
import { setPageLocale } from './index';

afterEach(() => setPageLocale('en'));

describe('failureText', () => {
  it('words a request the background never answered in the page language', () => {
    const silent = new NoAnswerError("The extension's background did not answer: timeout");
    setPageLocale('de');
    expect(failureText(silent)).toMatch(/^Der Hintergrunddienst der Erweiterung hat nicht/);
    setPageLocale('ja');
    expect(failureText(silent)).toMatch(/^拡張機能のバックグラウンドが応答しませんでした/);
  });

  it("keeps the background's own words, which it already put in the UI language", () => {
    setPageLocale('de');
    const refused = new RequestError('Das Feld ist leer. Bitte geben Sie zuerst etwas ein.');
    expect(failureText(refused)).toBe('Das Feld ist leer. Bitte geben Sie zuerst etwas ein.');
    expect(failureText('plain')).toBe('plain');
  });
});
