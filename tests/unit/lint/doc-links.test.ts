// @vitest-environment node
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinks } from '../../lint/doc-links';

const root = resolve(import.meta.dirname, '../../..');
const file = `${root}/docs/example.md`;

describe('brokenLinks', () => {
  it('reports a relative link to a file that does not exist, with its line', () => {
    const text = 'Intro\n\nSee [the notes](../shared/DESIGN.md) and [ok](architecture.md).\n';
    expect(brokenLinks(file, text, root)).toEqual([
      { file, line: 3, target: '../shared/DESIGN.md' },
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
