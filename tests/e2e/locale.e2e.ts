// The extension in a German and a Japanese Chromium: getUILanguage really answers the language,
// and the side panel, the chip badges and the popup speak it, with its dates. English names are
// the rest of the suite's business; here a handful of names per language proves the wiring from
// the browser's language to every surface (components/i18n). The panel and the popup pass axe-core in each.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoData } from '../demo/demo-data';
import { seriousAxeViolations } from './axe';
import {
  expandPanel,
  launchExtension,
  openDemoCalendar,
  openEventPopover,
  openPopup,
  panelFrame,
  panelOf,
  routeDemoCalendar,
  seedDemoData,
  type LaunchedExtension,
} from './harness';

/** "3. Juni" or "3. Juni 2024": a day as German Intl writes it in the panel. */
const GERMAN_DAY = /\b\d{1,2}\. (Jan|Feb|März|Apr|Mai|Juni|Juli|Aug|Sept|Okt|Nov|Dez)\.?/;
/** "6月3日": a day as Japanese Intl writes it. */
const JAPANESE_DAY = /\d{1,2}月\d{1,2}日/;

const LANGUAGES = [
  {
    locale: 'de',
    panel: (name: string) => `1:1 mit ${name}`,
    tab: (name: string) => `1:1-Notizen mit ${name} öffnen`,
    lastMeeting: 'Letzter Termin',
    notes: 'Notizen zu diesem Termin',
    items: 'Offene Aufgaben',
    addItem: 'Aufgabe hinzufügen',
    day: GERMAN_DAY,
    badge: (count: number, name: string) =>
      `${count} ${count === 1 ? 'offene Aufgabe' : 'offene Aufgaben'} mit ${name}`,
    sections: ['Aufgaben', 'Personen', 'Projekte', 'Suche', 'Sicherung'],
    exportBackup: 'Sicherung exportieren',
    // date-fns' German medium date: "3. März 2025".
    popupDay: /\b\d{1,2}\. [A-ZÄ][a-zä]+\.? \d{4}\b/,
  },
  {
    locale: 'ja',
    panel: (name: string) => `${name} との 1on1`,
    tab: (name: string) => `${name} さんとの 1on1 メモを開く`,
    lastMeeting: '前回のミーティング',
    notes: '今回のミーティングのメモ',
    items: '未完了のタスク',
    addItem: 'タスクを追加',
    day: JAPANESE_DAY,
    badge: (count: number, name: string) => `${name} との未完了のタスク ${count} 件`,
    sections: ['フォローアップ', 'メンバー', 'プロジェクト', '検索', 'バックアップ'],
    exportBackup: 'バックアップをエクスポート',
    // date-fns' Japanese medium date: "2025/03/03".
    popupDay: /\b\d{4}\/\d{2}\/\d{2}\b/,
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

  it('getUILanguage answers the language', async () => {
    const answer = await browser.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }
      ).chrome.i18n.getUILanguage(),
    );
    expect(answer.split('-')[0]).toBe(language.locale);
  });

  it('shows the side panel in the language, with its dates', async () => {
    const page = await openDemoCalendar(browser.context, demo);
    try {
      const alex = demo.oneOnOnes.find((o) => o.person.name === 'Alex Rivera')!;
      await openEventPopover(page, alex.eid);
      // Reached as a user does: the docked panel may come up collapsed to its tab.
      await expandPanel(page, alex.person.name, {
        landmark: language.panel(alex.person.name),
        tab: language.tab(alex.person.name),
      });
      const panel = panelOf(page, language.panel(alex.person.name));
      await panel.getByRole('heading', { name: language.lastMeeting }).waitFor();
      await panel.getByText(alex.lastNotes).waitFor();
      await panel.getByRole('textbox', { name: language.notes }).waitFor();
      await panel.getByRole('list', { name: language.items }).waitFor();
      await panel.getByRole('button', { name: language.addItem }).waitFor();
      expect(await panel.innerText()).toMatch(language.day);
      expect(await seriousAxeViolations(await panelFrame(page))).toEqual([]);
      expect(await panel.evaluate((element) => element.ownerDocument.documentElement.lang)).toBe(
        language.locale,
      );
      // The chip badges, in the page's language (the content script's own small table).
      const sam = demo.oneOnOnes.find((o) => o.person.name === 'Sam Chen')!;
      const label = language.badge(sam.openItems.length, sam.person.name);
      await expect.poll(() => badgeLabels(page), { timeout: 10_000 }).toContain(label);
    } finally {
      await page.close();
    }
  });

  it('shows the popup in the language, with its dates', async () => {
    const popup = await openPopup(browser.context, browser.extensionId);
    try {
      for (const name of language.sections) {
        await popup.getByRole('region', { name, exact: true }).waitFor();
      }
      await popup.getByRole('button', { name: language.exportBackup }).waitFor();
      const people = popup.getByRole('region', { name: language.sections[1], exact: true });
      await expect.poll(() => people.innerText(), { timeout: 10_000 }).toMatch(language.popupDay);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(language.locale);
      // Translated names are still names: no serious or critical axe violation in the language.
      expect(await seriousAxeViolations(popup)).toEqual([]);
    } finally {
      await popup.close();
    }
  });
});

/** The names of our chip badges (in the `cbc-badges` host's shadow root on <body>). */
async function badgeLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const host = document.querySelector('cbc-badges');
    return [...(host?.shadowRoot?.querySelectorAll('span[role="img"]') ?? [])].map(
      (badge) => badge.getAttribute('aria-label') ?? '',
    );
  });
}
