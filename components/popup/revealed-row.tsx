// A list row that a search result opened (components/popup/search-jump.ts): it takes focus
// (tabindex -1, through the ref) and marks the words that matched in its text.

import type { Ref } from 'preact';
import { HighlightMatch } from './highlight-match';

export interface Reveal {
  ref: Ref<HTMLLIElement>;
  /** The words searched for, marked in the row's text. */
  highlight: string;
}

/** The row's own text, with the match marked when a search result opened it. */
export function RowText({ text, reveal }: { text: string; reveal: Reveal | undefined }) {
  return reveal ? <HighlightMatch text={text} query={reveal.highlight} /> : <>{text}</>;
}
