// Google Calendar access not granted. Firefox leaves an MV3 extension's host permission to the
// user (a launch without the pref that grants it at install is a user who has not allowed it
// yet): the popup says so and its button asks the browser; until then Calendar works as if we
// were not there. The launch answers the browser's prompt as a user's "Allow" would.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoData } from '../../demo/demo-data';
import { browsers, type ExtensionBrowser, type Tab } from '../drivers';
import { sendMessageInPage } from '../drivers/in-page';
import { afterTwoFrames, chipBadgeText, openEventPopover, openPanel, panelOf } from './helpers';

const CALENDAR_ORIGINS = ['https://calendar.google.com/*'];

const hasCalendarAccess = (tab: Tab) =>
  tab.evaluate(async (origins) => {
    const api = globalThis as unknown as {
      browser?: { permissions: { contains(p: object): Promise<boolean> } };
      chrome: { permissions: { contains(p: object): Promise<boolean> } };
    };
    return (api.browser ?? api.chrome).permissions.contains({ origins });
  }, CALENDAR_ORIGINS);

describe.each(browsers)('%s', (_label, driver) => {
  if (driver.name === 'chromium') {
    it('without Google Calendar access (not in Chromium: Chrome grants the manifest’s host permission at install)', async () => {
      const browser = await driver.launch();
      try {
        const popup = await browser.openExtensionPage('popup.html');
        expect(await hasCalendarAccess(popup)).toBe(true);
        await popup.getByRole('region', { name: 'Follow-ups', exact: true }).waitFor();
        expect(await popup.getByRole('region', { name: 'Google Calendar access' }).count()).toBe(0);
      } finally {
        await browser.close();
      }
    });
    return;
  }

  describe('without Google Calendar access', () => {
    let browser: ExtensionBrowser;
    let demo: DemoData;

    beforeAll(async () => {
      browser = await driver.launch({ calendarAccess: false });
      demo = await browser.serveCalendar({ now: Date.now() });
      await browser.seed(demo.backup);
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('Calendar works as without the extension: no badge, no panel, no error', async () => {
      const page = await browser.openCalendar(demo);
      const alex = demo.oneOnOnes[1]!;
      await openEventPopover(page, alex.eid);
      await page.locator('[role="dialog"] #xDetDlgAtt').waitFor();
      await afterTwoFrames(page);
      expect(
        await page.evaluate(() => document.querySelectorAll('cbc-badges, cbc-panel').length),
      ).toBe(0);
      expect(await chipBadgeText(page, alex.eid)).toBe(null);
      expect(page.pageErrors()).toEqual([]);
      await page.close();
    });

    it('the popup says so and still works; its button asks, and after a reload the panel shows', async () => {
      const popup = await browser.openExtensionPage('popup.html');
      expect(await hasCalendarAccess(popup)).toBe(false);
      const notice = popup.getByRole('region', { name: 'Google Calendar access' });
      await notice.getByText(/cannot read Google Calendar/).waitFor();
      // Nothing else is held back: the data is all there.
      await popup
        .getByRole('list', { name: 'Open follow-ups', exact: true })
        .getByRole('checkbox', { name: demo.openFollowUps[0]! })
        .waitFor();
      // The background serves extension pages as before.
      expect(
        await popup.evaluate(sendMessageInPage, {
          type: 'getOpenItemCounts',
          payload: { seriesKeys: [demo.oneOnOnes[0]!.seriesKey] },
        }),
      ).toMatchObject({ ok: true });

      const calendar = await browser.openCalendar(demo);
      await popup.getByRole('button', { name: 'Allow access to Google Calendar' }).click();
      await popup.getByText(/^Google Calendar access allowed\. Reload/).waitFor();
      expect(await hasCalendarAccess(popup)).toBe(true);
      expect(
        await popup.getByRole('button', { name: 'Allow access to Google Calendar' }).count(),
      ).toBe(0);

      // A tab opened before the grant has no content script until it is reloaded.
      await calendar.reload();
      await calendar.locator('[role="main"] [data-eventchip]').first().waitFor();
      const alex = demo.oneOnOnes[1]!;
      await openPanel(calendar, alex);
      await panelOf(calendar, `1:1 with ${alex.person.name}`)
        .getByRole('heading', { name: 'Last meeting' })
        .waitFor();
      await expect
        .poll(() => chipBadgeText(calendar, alex.eid))
        .toBe(String(alex.openItems.length));
      await Promise.all([calendar.close(), popup.close()]);
    });
  });
});
