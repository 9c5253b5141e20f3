// A search snippet with every occurrence of the query marked (<mark>), case-insensitively, as
// the search matched it (utils/store/search.ts). Text stays text: nothing is parsed as markup.

import type { ComponentChildren } from 'preact';

export function matchParts(text: string, query: string): { text: string; match: boolean }[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [{ text, match: false }];
  const haystack = text.toLowerCase();
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

export function HighlightMatch({
  text,
  query,
}: {
  text: string;
  query: string;
}): ComponentChildren {
  return matchParts(text, query).map((part, index) =>
    part.match ? <mark key={index}>{part.text}</mark> : part.text,
  );
}
