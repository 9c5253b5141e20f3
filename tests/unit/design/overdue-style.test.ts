// Issue #14's "one overdue style": an overdue action item looks the same in the panel and in
// the popup because one rule, in the shared controls, draws it; no page keeps its own.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const fileText = (path: string) => readFileSync(join(process.cwd(), path), 'utf8');
const SHEETS = [
  'components/design/controls.css',
  'components/popup/popup.css',
  'components/panel/panel.css',
];

/** The selectors of every rule in a sheet that mention an overdue class. */
function overdueSelectors(sheet: string): string[] {
  const withoutComments = sheet.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutComments.matchAll(/([^{}]+)\{/g)]
    .flatMap((match) => match[1]!.split(','))
    .map((selector) => selector.trim())
    .filter((selector) => selector.includes('overdue'));
}

describe('the overdue style', () => {
  it('is drawn by the shared controls only', () => {
    const found = Object.fromEntries(
      SHEETS.map((path) => [path, overdueSelectors(fileText(path))]),
    );
    expect(found).toEqual({
      'components/design/controls.css': [
        '.cbc-overdue-badge',
        '.cbc-item.cbc-overdue',
        '.cbc-item.cbc-overdue .cbc-overdue-text',
      ],
      'components/popup/popup.css': [],
      'components/panel/panel.css': [],
    });
  });

  it('reaches both pages: the panel and the popup load the shared controls', () => {
    expect(fileText('entrypoints/panel/start-panel-frame.tsx')).toContain(
      "import '@/components/design/controls.css';",
    );
    expect(fileText('components/popup/popup-app.tsx')).toContain(
      "import '@/components/design/controls.css';",
    );
  });
});
