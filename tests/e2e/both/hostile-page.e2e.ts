// Calendar's page as an adversary, in each browser of the run (tests/e2e/hostile-page.e2e.ts has
// the Chromium-only extras: Trusted Types enforcement, the frame navigated to a look-alike).
// A script in calendar.google.com's main world, under a Google-like CSP, tries to read what the
// panel shows, to hear the keys typed into it, and to make it show or save for someone else.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoData } from '../../demo/demo-data';
import { browsers, type ExtensionBrowser, type Tab } from '../drivers';
import { openPanel, panelOf, readStoreTable } from './helpers';

describe.each(browsers)('%s', (_label, driver) => {
  let browser: ExtensionBrowser;
  let demo: DemoData;
  let page: Tab | null = null;

  beforeAll(async () => {
    browser = await driver.launch();
    demo = await browser.serveCalendar({ now: Date.now(), googleLikeCsp: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    await browser.seed(demo.backup);
    await page?.close();
    page = await browser.openCalendar(demo);
  });

  const person = (name: string) => demo.oneOnOnes.find((o) => o.person.name === name)!;

  describe('a script in Calendar’s page', () => {
    it('cannot read the notes, items or talking points the panel shows', async () => {
      const sam = person('Sam Chen');
      const panel = await openPanel(page!, sam);
      await panel.getByText(sam.lastNotes).waitFor();
      const { text, probes } = await page!.evaluate(() => {
        const texts = [document.documentElement.textContent ?? ''];
        const found: string[] = [];
        const walk = (root: Document | ShadowRoot) => {
          for (const element of Array.from(root.querySelectorAll('*'))) {
            if (element.shadowRoot) {
              texts.push(element.shadowRoot.textContent ?? '');
              walk(element.shadowRoot);
            }
            if (element instanceof HTMLIFrameElement) {
              found.push(element.contentDocument === null ? 'no document' : 'document!');
              try {
                texts.push(element.contentWindow?.document.body.textContent ?? '');
                found.push('read!');
              } catch (error) {
                found.push((error as Error).name);
              }
            }
          }
        };
        walk(document);
        return { text: texts.join('\n'), probes: found };
      });
      expect(text).toContain(sam.person.name); // the control: the page reads its own popover
      for (const secret of [sam.lastNotes, ...sam.openItems, ...sam.talkingPoints]) {
        expect(text).not.toContain(secret);
      }
      // Not even the panel's own labels (wellbeing included): its DOM is out of reach altogether.
      for (const label of ['Last meeting', 'Open action items', 'Talking points', 'Wellbeing']) {
        expect(text).not.toContain(label);
      }
      expect(probes).toContain('no document');
      expect(probes.filter((probe) => probe.endsWith('!'))).toEqual([]);
    });

    it('hears none of the keys typed into the panel', async () => {
      await page!.evaluate(() => {
        const heard: string[] = [];
        (window as unknown as { __heard: string[] }).__heard = heard;
        for (const target of [window, document]) {
          for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input']) {
            target.addEventListener(
              type,
              (event) => heard.push(`${type}:${(event as KeyboardEvent).key ?? ''}`),
              { capture: true },
            );
          }
        }
      });
      const alex = person('Alex Rivera');
      const panel = await openPanel(page!, alex);
      const notes = panel.getByRole('textbox', { name: 'Notes for this meeting' });
      await notes.type('quietly');
      await expect.poll(() => notes.inputValue()).toBe('quietly');
      const heard = await page!.evaluate(
        () => (window as unknown as { __heard: string[] }).__heard,
      );
      expect(heard).toEqual([]);
    });

    it('cannot make the panel show or save for someone else', async () => {
      const alex = person('Alex Rivera');
      const jordan = person('Jordan Okafor');
      const panel = await openPanel(page!, alex);
      await panel.getByText(alex.lastNotes).waitFor();
      const store = await browser.storePage();
      const notesBefore = await readStoreTable(store, 'notes');
      const outcomes = await page!.evaluate(
        async ({ eid, email, name }) => {
          const answers: string[] = [];
          const show = {
            type: 'show',
            event: {
              surface: 'popover',
              eid,
              eventId: 'forged',
              calendarId: '',
              seriesKey: 'forged',
              title: 'Forged',
              start: Date.now(),
              guests: [{ email, name, isOrganizer: false, kind: 'person' }],
              guestListComplete: true,
              organizer: null,
              me: null,
              accountIndex: 0,
            },
          };
          for (let index = 0; index < window.frames.length; index++) {
            const frame = window.frames[index]!;
            frame.postMessage(show, '*');
            frame.postMessage({ key: crypto.randomUUID(), message: show }, '*');
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => answers.push(JSON.stringify(event.data));
            frame.postMessage({ kind: 'cbc-panel-hello', nonce: crypto.randomUUID() }, '*', [
              channel.port2,
            ]);
          }
          await new Promise((resolve) => setTimeout(resolve, 800));
          return answers;
        },
        { eid: jordan.eid, email: jordan.person.email, name: jordan.person.name },
      );
      expect(outcomes).toEqual([]);
      await panel.getByText(alex.lastNotes).waitFor();
      expect(await panelOf(page!, `1:1 with ${jordan.person.name}`).count()).toBe(0);
      expect(await readStoreTable(store, 'notes')).toEqual(notesBefore);
    });
  });
});
