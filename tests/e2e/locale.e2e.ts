// axe-core on the side panel and the popup in a German and a Japanese Chromium: translated
// names are still names (no serious or critical violation, label-in-name included). What the
// pages say in each language, in both browsers, is tests/e2e/both/locale.e2e.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoData } from '../demo/demo-data';
import { seriousAxeViolations } from './axe';
import {
  expandPanel,
  launchExtension,
  openDemoCalendar,
  openEventPopover,
  openPopup,
  openSection,
  panelFrame,
  panelOf,
  routeDemoCalendar,
  seedDemoData,
  type LaunchedExtension,
} from './harness';

const LANGUAGES = [
  {
    locale: 'de',
    panel: (name: string) => `1:1 mit ${name}`,
    tab: (name: string) => `1:1-Notizen mit ${name} öffnen`,
    people: 'Personen',
  },
  {
    locale: 'ja',
    panel: (name: string) => `${name} との 1on1`,
    tab: (name: string) => `${name} さんとの 1on1 メモを開く`,
    people: 'メンバー',
  },
] as const;

describe.each(LANGUAGES)('in a $locale browser', (language) => {
  let browser: LaunchedExtension;
  let demo: DemoData;

  beforeAll(async () => {
    browser = await launchExtension({ locale: language.locale });
    demo = await routeDemoCalendar(browser.context, { now: Date.now() });
    await seedDemoData(browser.context, browser.extensionId, demo.backup);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the side panel has no serious axe violation', async () => {
    const page = await openDemoCalendar(browser.context, demo);
    try {
      const alex = demo.oneOnOnes.find((o) => o.person.name === 'Alex Rivera')!;
      await openEventPopover(page, alex.eid);
      await expandPanel(page, alex.person.name, {
        landmark: language.panel(alex.person.name),
        tab: language.tab(alex.person.name),
      });
      await panelOf(page, language.panel(alex.person.name)).getByRole('heading').first().waitFor();
      expect(await seriousAxeViolations(await panelFrame(page))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the popup has no serious axe violation', async () => {
    const popup = await openPopup(browser.context, browser.extensionId);
    try {
      const people = await openSection(popup, language.people);
      await people.getByRole('heading', { level: 3 }).first().waitFor();
      expect(await seriousAxeViolations(popup)).toEqual([]);
    } finally {
      await popup.close();
    }
  });
});
