// The README's screenshots have one source: the files `npm start` writes without a display.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  headlessReason,
  SCREENSHOT_DIR,
  SCREENSHOTS,
  walkthroughSummary,
} from '../../demo/walkthrough';

const readme = readFileSync(resolve(process.cwd(), 'README.md'), 'utf8');
const startScript = readFileSync(resolve(process.cwd(), 'tests/demo/start.ts'), 'utf8');

describe('the demo walk-through', () => {
  it('writes every screenshot the README shows, where the README shows it from', () => {
    const shown = [...readme.matchAll(/\]\(([^)\s]+\.png)\)/g)].map((match) => match[1]!);
    expect(shown.length).toBeGreaterThan(0);
    const written = SCREENSHOTS.map((shot) => `${SCREENSHOT_DIR}/${shot.file}`);
    for (const image of shown) expect(written).toContain(image);
    // npm start takes its output folder and file names from here, not a folder of its own.
    expect(startScript).toContain('SCREENSHOT_DIR');
    expect(startScript).not.toContain('.demo-output');
  });

  it('ends a headless run with one sentence: what it ran, why headless, where the pictures are', () => {
    const sentence = walkthroughSummary({
      reason: 'no display: DISPLAY is not set',
      built: true,
      saved: SCREENSHOTS.map((shot) => shot.file),
    });
    expect(sentence).toBe(
      'No window was opened (no display: DISPLAY is not set), so npm start built the extension, ' +
        'ran it in headless Chromium on the built-in demo calendar with the demo team, and saved 12 ' +
        'screenshots of the demo week, a 1:1 with its side panel, a group meeting without one, the ' +
        "panel in the dark theme, the popup, the popup's People, the popup's Projects, the " +
        'welcome page of a first install, the panel in a German browser, the popup in German, ' +
        "a person's standing topics and feedback log and the popup's Week ahead in " +
        'tests/demo/screenshots/, the pictures the README shows.',
    );
    expect(sentence.split(/\.\s/)).toHaveLength(1);
    expect(walkthroughSummary({ reason: 'CI is set', built: false, saved: ['05-popup.png'] })).toBe(
      'No window was opened (CI is set), so npm start took the existing build, ran it in headless ' +
        'Chromium on the built-in demo calendar with the demo team, and saved 1 screenshot of the ' +
        'popup in tests/demo/screenshots/, the pictures the README shows.',
    );
  });

  it('says why it is headless', () => {
    expect(headlessReason(new Set(['--headless']), { DISPLAY: ':0' })).toBe('--headless was given');
    expect(headlessReason(new Set(), { CI: 'true', DISPLAY: ':0' })).toBe('CI is set');
    expect(headlessReason(new Set(), {})).toBe('no display: DISPLAY is not set');
    expect(headlessReason(new Set(), { DISPLAY: ':0' })).toBeNull();
  });
});
