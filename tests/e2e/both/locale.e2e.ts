// The extension in a German and a Japanese browser, in each browser of the run: getUILanguage
// really answers the language, and the side panel, the chip badges and the popup speak it, with
// its dates. English names are the rest of the suite's business; here a handful of names per
// language proves the wiring from the browser's language to every surface (components/i18n).
// Chromium takes the language from LANGUAGE (with Debian's chromium-l10n), Firefox from
// intl.locale.requested (with firefox-esr-l10n-de/-ja): .ci/run installs both.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoData } from '../../demo/demo-data';
import { browsers, type ExtensionBrowser, type Tab } from '../drivers';
import { openSection, expandPanel, openEventPopover, panelOf } from './helpers';

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
    sections: ['Aufgaben', 'Personen', 'Kommende Woche', 'Projekte', 'Suche', 'Sicherung'],
    exportBackup: 'Sicherung exportieren',
    projectName: 'Projektname',
    addProject: 'Projekt hinzufügen',
    projectExists: 'Ein Projekt namens „Billing revamp“ gibt es bereits.',
    tooltip: /^Craft Beyond Code: (keine offenen Aufgaben|\d+ offene Aufgaben?)$/,
    // date-fns' German medium date: "3. März 2025".
    popupDay: /\d{1,2}\. [A-ZÄ][a-zä]+\.? \d{4}/,
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
    sections: ['フォローアップ', 'メンバー', '今後 1 週間', 'プロジェクト', '検索', 'バックアップ'],
    exportBackup: 'バックアップをエクスポート',
    projectName: 'プロジェクト名',
    addProject: 'プロジェクトを追加',
    projectExists: '「Billing revamp」という名前のプロジェクトはすでにあります。',
    tooltip: /^Craft Beyond Code: (未完了のタスクはありません|未完了のタスク \d+ 件)$/,
    // date-fns' Japanese medium date: "2025/03/03".
    popupDay: /\d{4}\/\d{2}\/\d{2}/,
  },
] as const;

/** Polls `read` until `accept` takes its answer (30 s at most). */
async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (const started = Date.now(); !accept(value) && Date.now() - started < 30_000;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

describe.each(browsers)('%s', (_label, driver) => {
  describe.each(LANGUAGES)('in a $locale browser', (language) => {
    let browser: ExtensionBrowser;
    let demo: DemoData;
    const opened: Tab[] = [];

    beforeAll(async () => {
      browser = await driver.launch({ locale: language.locale });
      demo = await browser.serveCalendar({ now: Date.now() });
      await browser.seed(demo.backup);
    });

    afterAll(async () => {
      while (opened.length > 0) await opened.pop()!.close();
      await browser?.close();
    });

    async function open(tab: Promise<Tab>): Promise<Tab> {
      const shown = await tab;
      opened.push(shown);
      return shown;
    }

    it('getUILanguage answers the language', async () => {
      const page = await open(browser.openExtensionPage('welcome.html'));
      const answer = await page.evaluate(() => {
        const api =
          (globalThis as unknown as { chrome?: unknown; browser?: unknown }).browser ??
          (globalThis as unknown as { chrome: unknown }).chrome;
        return (api as { i18n: { getUILanguage(): string } }).i18n.getUILanguage();
      });
      expect(answer.split('-')[0]).toBe(language.locale);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language.locale);
    });

    it('shows the side panel and the chip badges in the language, with its dates', async () => {
      const calendar = await open(browser.openCalendar(demo));
      const alex = demo.oneOnOnes.find((o) => o.person.name === 'Alex Rivera')!;
      await openEventPopover(calendar, alex.eid);
      // Reached as a user does: the docked panel may come up collapsed to its tab.
      await expandPanel(calendar, alex.person.name, {
        landmark: language.panel(alex.person.name),
        tab: language.tab(alex.person.name),
      });
      const panel = panelOf(calendar, language.panel(alex.person.name));
      await panel.getByRole('heading', { name: language.lastMeeting }).waitFor();
      await panel.getByText(alex.lastNotes).waitFor();
      await panel.getByRole('textbox', { name: language.notes }).waitFor();
      await panel.getByRole('list', { name: language.items }).waitFor();
      await panel.getByRole('button', { name: language.addItem }).waitFor();
      expect(await panel.textContent()).toMatch(language.day);
      expect(await calendar.panelFrame().evaluate(() => document.documentElement.lang)).toBe(
        language.locale,
      );

      // The chip badges, in the page's language (the content script's own small table).
      const sam = demo.oneOnOnes.find((o) => o.person.name === 'Sam Chen')!;
      const label = language.badge(sam.openItems.length, sam.person.name);
      const badgeLabels = () =>
        calendar.evaluate(() =>
          [
            ...(document.querySelector('cbc-badges')?.shadowRoot?.querySelectorAll('span') ?? []),
          ].map((badge) => badge.getAttribute('aria-label') ?? ''),
        );
      expect(await eventually(badgeLabels, (labels) => labels.includes(label))).toContain(label);
    });

    it('shows the popup in the language, with its dates', async () => {
      const popup = await open(browser.openExtensionPage('popup.html'));
      // The tabs are named in the language, and each opens its region (Backup last).
      for (const name of language.sections) await (await openSection(popup, name)).waitFor();
      await popup.getByRole('button', { name: language.exportBackup }).waitFor();
      const people = await openSection(popup, language.sections[1]!);
      expect(
        await eventually(
          () => people.textContent(),
          (text) => language.popupDay.test(text),
        ),
      ).toMatch(language.popupDay);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(language.locale);
    });

    it('words the toolbar tooltip and what the background refuses in the language', async () => {
      const popup = await open(browser.openExtensionPage('popup.html'));
      // The toolbar button's tooltip (its accessible name), set by the background.
      const tooltip = () =>
        popup.evaluate(() => {
          const api =
            (globalThis as unknown as { browser?: unknown }).browser ??
            (globalThis as unknown as { chrome: unknown }).chrome;
          const { action, browserAction } = api as Record<
            string,
            { getTitle(details: object): Promise<string> } | undefined
          >;
          return (action ?? browserAction)!.getTitle({});
        });
      expect(await eventually(tooltip, (title) => language.tooltip.test(title))).toMatch(
        language.tooltip,
      );
      // A project name that is taken: the store refuses it, in the language.
      const projects = await openSection(popup, language.sections[3]!);
      await projects.getByLabel(language.projectName).fill('billing revamp');
      await projects.getByRole('button', { name: language.addProject }).click();
      await projects.getByRole('alert').filter({ hasText: language.projectExists }).waitFor();
      expect(
        await projects
          .getByRole('listitem')
          .filter({ hasText: /billing revamp/ })
          .count(),
      ).toBe(0);
    });
  });
});
