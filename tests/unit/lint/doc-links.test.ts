// @vitest-environment node
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinks, foreignMentions } from '../../lint/doc-links';

const root = resolve(import.meta.dirname, '../../..');
const file = `${root}/docs/example.md`;

describe('brokenLinks', () => {
  it('reports a relative link to a file that does not exist, with its line', () => {
    const text = 'Intro\n\nSee [the notes](../notes/missing.md) and [ok](architecture.md).\n';
    expect(brokenLinks(file, text, root)).toEqual([
      { file, line: 3, target: '../notes/missing.md' },
    ]);
  });

  it('resolves anchors, root-relative links and reference definitions', () => {
    const text = [
      '[seams](../CONTRIBUTING.md#the-seams)',
      '[root](/README.md)',
      '[store]: ../utils/store/README.md',
      '[gone]: ../utils/store/GONE.md',
    ].join('\n');
    expect(brokenLinks(file, text, root).map((link) => link.target)).toEqual([
      '../utils/store/GONE.md',
    ]);
  });

  it('does not follow web links, in-page anchors, code spans or fenced code', () => {
    const text = [
      '[web](https://example.com/x.md) [mail](mailto:a@b.c) [here](#top)',
      'Write `[text](missing.md)` for a link.',
      '```',
      '[fenced](missing.md)',
      '```',
    ].join('\n');
    expect(brokenLinks(file, text, root)).toEqual([]);
  });
});

describe('foreignMentions', () => {
  const names = new Set(['README.md', 'architecture.md']);
  const source = `${root}/utils/store/types.ts`;

  it('reports a Markdown file the repository does not have, and passes the ones it has', () => {
    const text = [
      '// The data model (DESIGN.md "Data model").',
      '// See docs/architecture.md and README.md here; folder map: architecture.md.',
    ].join('\n');
    expect(foreignMentions(source, text, root, names)).toEqual([
      { file: source, line: 1, target: 'DESIGN.md' },
    ]);
  });

  it('reports a path that leaves the repository even when a file of that name exists', () => {
    expect(foreignMentions(source, '// see ../shared/README.md', root, names)).toEqual([
      { file: source, line: 1, target: '../shared/README.md' },
    ]);
  });

  it('does not count web addresses or names of files the extension writes', () => {
    const text = '// https://example.com/notes.md, saved as 1-1-notes-ada-2025-03-03.md';
    expect(foreignMentions(source, text, root, names)).toEqual([]);
  });
});
