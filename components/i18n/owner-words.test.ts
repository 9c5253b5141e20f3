// Issue #14's "one vocabulary": an action item's owner is called Mine / Theirs everywhere (the
// panel's chip and owner picker, the popup's follow-ups and filter, the Markdown export, the
// copied agenda), in every language: the same word, lower-cased inside a sentence.

import { describe, expect, it } from 'vitest';
import { LOCALES } from './index';

describe.each(Object.entries(LOCALES))('the owner words in %s', (_code, messages) => {
  const mine = messages.commonMine as string;
  const theirs = messages.commonTheirs as string;

  it('are the same words in the export as on screen', () => {
    expect(messages.popupHistoryMine).toBe(mine.toLowerCase());
    expect(messages.popupHistoryTheirs).toBe(theirs.toLowerCase());
  });

  it('end the copied agenda’s item headings', () => {
    expect(messages.prepareAgendaMine).toMatch(new RegExp(`${mine.toLowerCase()}$`));
    expect(messages.prepareAgendaTheirs).toMatch(new RegExp(`${theirs.toLowerCase()}$`));
  });
});
