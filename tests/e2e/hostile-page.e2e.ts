// Calendar's own page as an adversary, the Chromium-only part: reading the panel and hearing its
// keys are tried in both browsers (tests/e2e/both/hostile-page.e2e.ts); here, also the policy's
// Trusted Types, writing through everything of ours the page can reach, and navigating our frame.
//
// Google's scripts, and any other extension's page script, run in calendar.google.com's main
// world; whatever they can reach must hold nothing private and drive nothing. A script in that
// world (page.evaluate runs there) tries to write through the panel and to forge the channel that
// tells the panel what to show. The page is served under a Google-like CSP (nonce +
// strict-dynamic, Trusted Types required).

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoData } from '../demo/demo-data';
import {
  openDemoCalendar,
  openOneOnOne,
  openPopup,
  panelFrame,
  panelOf,
  launchExtension,
  readStoreTable,
  routeDemoCalendar,
  seedDemoData,
  type LaunchedExtension,
} from './harness';

let browser: LaunchedExtension;
let demo: DemoData;
let page: Page;

beforeAll(async () => {
  browser = await launchExtension();
  demo = await routeDemoCalendar(browser.context, { now: Date.now(), googleLikeCsp: true });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await seedDemoData(browser.context, browser.extensionId, demo.backup);
  await page?.close();
  page = await openDemoCalendar(browser.context, demo);
});

const oneOnOne = (name: string) => demo.oneOnOnes.find((o) => o.person.name === name)!;

describe('a script in Calendar’s page', () => {
  it('runs under the Google-like policy: Trusted Types refuse a plain HTML string', async () => {
    const csp = await page.evaluate(async () => {
      const response = await fetch(location.href);
      return response.headers.get('content-security-policy') ?? '';
    });
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    // Trusted Types are enforced: assigning a plain string as HTML throws.
    const refused = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    });
    expect(refused).toBe(true);
  });

  it('cannot write through the panel, nor make it show or save for someone else', async () => {
    const alex = oneOnOne('Alex Rivera');
    const jordan = oneOnOne('Jordan Okafor');
    await openOneOnOne(page, alex);
    const panel = panelOf(page, `1:1 with ${alex.person.name}`);
    await panel.getByText(alex.lastNotes).waitFor();
    const popup = await openPopup(browser.context, browser.extensionId);
    const before = {
      notes: await readStoreTable(popup, 'notes'),
      items: await readStoreTable(popup, 'actionItems'),
      points: await readStoreTable(popup, 'talkingPoints'),
    };

    const attempts = await page.evaluate(
      async ({ other }) => {
        const outcomes: string[] = [];
        const show = {
          type: 'show',
          event: {
            surface: 'popover',
            eid: other.eid,
            eventId: 'forged',
            calendarId: '',
            seriesKey: 'forged',
            title: 'Forged',
            start: Date.now(),
            guests: [{ email: other.email, name: other.name, isOrganizer: false, kind: 'person' }],
            guestListComplete: true,
            organizer: null,
            me: null,
            accountIndex: 0,
          },
        };
        for (let index = 0; index < window.frames.length; index++) {
          const frame = window.frames[index]!;
          // 1. Plain messages, as if from the content script.
          frame.postMessage(show, '*');
          frame.postMessage({ type: 'toggleScreenShare' }, '*');
          // 2. The hello with a port of the page's own and a guessed nonce, then orders on it.
          const channel = new MessageChannel();
          channel.port1.onmessage = (event) =>
            outcomes.push(`answered: ${JSON.stringify(event.data)}`);
          frame.postMessage({ kind: 'cbc-panel-hello', nonce: crypto.randomUUID() }, '*', [
            channel.port2,
          ]);
          channel.port1.postMessage(show);
        }
        // 3. Events dispatched on everything of ours the page can see.
        for (const element of Array.from(document.querySelectorAll('*'))) {
          if (!element.tagName.startsWith('CBC-')) continue;
          for (const target of [
            element,
            ...Array.from(element.shadowRoot?.querySelectorAll('*') ?? []),
          ]) {
            target.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'forged' }));
            target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          }
        }
        // 4. Our runtime from the page: not there for web pages.
        const chrome = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } })
          .chrome;
        outcomes.push(`runtime: ${typeof chrome?.runtime?.sendMessage}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
        return outcomes;
      },
      { other: { eid: jordan.eid, email: jordan.person.email, name: jordan.person.name } },
    );
    // No answer on the page's port, and no way to send to our background.
    expect(attempts).toEqual(['runtime: undefined']);
    // Still Alex's panel, not hidden, and nothing written anywhere.
    await panel.getByText(alex.lastNotes).waitFor();
    expect(await panelOf(page, `1:1 with ${jordan.person.name}`).count()).toBe(0);
    const safe = await (
      await panelFrame(page)
    ).evaluate(() => document.querySelector('.cbc-safe') !== null);
    expect(safe).toBe(false);
    expect(await readStoreTable(popup, 'notes')).toEqual(before.notes);
    expect(await readStoreTable(popup, 'actionItems')).toEqual(before.items);
    expect(await readStoreTable(popup, 'talkingPoints')).toEqual(before.points);

    // The control: what the user types does arrive, in Alex's meeting.
    const notes = panel.getByRole('textbox', { name: 'Notes for this meeting' });
    await notes.fill('Typed by the manager');
    await notes.blur();
    await expect
      .poll(async () =>
        (await readStoreTable<{ text: string }>(popup, 'notes')).some(
          (note) => note.text === 'Typed by the manager',
        ),
      )
      .toBe(true);
    await popup.close();
  });

  it('navigating the panel’s frame elsewhere gets it replaced by a genuine one', async () => {
    const alex = oneOnOne('Alex Rivera');
    await openOneOnOne(page, alex);
    await panelOf(page, `1:1 with ${alex.person.name}`).waitFor();
    // The page sends our frame to a look-alike of its own.
    await page.evaluate(() => {
      for (let index = 0; index < window.frames.length; index++) {
        window.frames[index]!.location.href = 'https://calendar.google.com/calendar/lookalike';
      }
    });
    await expect
      .poll(() =>
        page.evaluate(() => {
          const frame = document.querySelector('cbc-panel')?.shadowRoot?.querySelector('iframe');
          return frame?.src ?? '';
        }),
      )
      .toMatch(/^chrome-extension:\/\/[^/]+\/panel\.html$/);
    await expect
      .poll(() => page.frames().filter((frame) => frame.url().includes('lookalike')).length)
      .toBe(0);
    // And it works: the panel comes back with the person's data.
    await page.keyboard.press('Escape');
    await openOneOnOne(page, alex);
    await panelOf(page, `1:1 with ${alex.person.name}`).getByText(alex.lastNotes).waitFor();
  });
});
