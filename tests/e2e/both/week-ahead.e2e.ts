// The popup's Week ahead in each browser of the run, started as a user does: the demo calendar
// shows a week with 1:1s still to come, then the popup's Week ahead tab lists them with what is
// waiting for each and says when Calendar was seen; an entry opens that person in People. Then
// what issue #15 built is edited there: a standing topic, and a feedback log entry edited and
// deleted. axe-core checks the tab in the light and the dark palette.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoData, DemoOneOnOne } from '../../demo/demo-data';
import { seriousAxeViolationsInDoc } from '../axe';
import { browsers, type ExtensionBrowser, type Tab } from '../drivers';
import { openSection, readStoreTable } from './helpers';

const DAY = 24 * 60 * 60 * 1000;

describe.each(browsers)('%s', (_label, driver) => {
  let browser: ExtensionBrowser;
  let demo: DemoData;
  /** The demo week's first 1:1 still to come. */
  let upcoming: DemoOneOnOne;
  const opened: Tab[] = [];

  beforeAll(async () => {
    browser = await driver.launch();
    const now = Date.now();
    // The demo week is the one `now` falls in, its 1:1s Monday to Thursday. Once all of them
    // have started (late in the week), next week's are the ones to come, and its Monday's is
    // then within the next seven days.
    demo = await browser.serveCalendar({ now });
    if (!demo.oneOnOnes.some((o) => o.start > now)) {
      demo = await browser.serveCalendar({ now: now + 7 * DAY });
    }
    upcoming = demo.oneOnOnes.find((o) => o.start > now && o.start <= now + 7 * DAY)!;
    expect(upcoming, 'a demo 1:1 in the next seven days').toBeDefined();
    await browser.seed(demo.backup);
    // As a user does: Calendar at that week first (its chips are what the popup knows).
    opened.push(await browser.openCalendar(demo));
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function openWeekAhead(): Promise<Tab> {
    const popup = await browser.openExtensionPage('popup.html');
    opened.push(popup);
    await openSection(popup, 'Week ahead');
    return popup;
  }

  const entryOf = (popup: Tab, name: string) =>
    popup
      .getByRole('list', { name: 'Upcoming 1:1s', exact: true })
      .getByRole('listitem')
      .filter({ has: popup.getByRole('button', { name, exact: true }) });

  it('lists the 1:1 to come with what is waiting, says when Calendar was seen, opens the person', async () => {
    const popup = await openWeekAhead();
    const { email, name } = upcoming.person;
    const entry = entryOf(popup, name);
    await entry.waitFor();
    const region = popup.getByRole('region', { name: 'Week ahead', exact: true });
    await region.getByText(/^Seen in Calendar today at /).waitFor();

    const open = demo.backup.data.actionItems.filter(
      (item) => item.personEmail === email && item.doneAt === null,
    );
    const mine = open.filter((item) => item.owner === 'me').length;
    const theirs = open.length - mine;
    const text = await entry.textContent();
    if (mine > 0) expect(text).toContain(`${mine} open item${mine === 1 ? '' : 's'} of yours`);
    if (theirs > 0) {
      expect(text).toContain(`${theirs} open item${theirs === 1 ? '' : 's'} of theirs`);
    }
    const points = upcoming.talkingPoints.length;
    if (points > 0) {
      expect(text).toContain(`${points} talking point${points === 1 ? '' : 's'} queued`);
    }
    if (upcoming.standingTopicsDue.length > 0) {
      const topics = new Intl.ListFormat('en', { type: 'conjunction' });
      expect(text).toContain(`Standing topics due: ${topics.format(upcoming.standingTopicsDue)}`);
    }
    expect(text).toMatch(/since the last 1:1|No 1:1 before/);
    expect(mine + theirs + points, 'the demo person has something waiting').toBeGreaterThan(0);

    // Cached, not in a backup's tables: the store holds the chip as seen.
    const store = await browser.storePage();
    const cached = await readStoreTable<{ eid: string; personEmail: string; seenAt: number }>(
      store,
      'upcomingOccurrences',
    );
    expect(cached.find((o) => o.eid === upcoming.eid)).toMatchObject({ personEmail: email });

    await entry.getByRole('button', { name, exact: true }).click();
    await popup.getByRole('region', { name: 'People', exact: true }).waitFor();
    expect(
      await popup.getByRole('tab', { name: 'People', exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
    for (const started = Date.now(); Date.now() - started < 5_000;) {
      const focused = await popup.evaluate(() => document.activeElement?.textContent ?? '');
      if (focused.includes(name)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await popup.evaluate(() => document.activeElement?.textContent ?? '')).toContain(name);
  });

  it('has no serious or critical axe violation in light and dark', async () => {
    const popup = await openWeekAhead();
    await entryOf(popup, upcoming.person.name).waitFor();
    expect(await seriousAxeViolationsInDoc(popup)).toEqual([]);
    // The dark palette: the same tokens the system's dark theme selects (design/tokens.css).
    await popup.evaluate(() => document.documentElement.classList.add('cbc-dark'));
    expect(await seriousAxeViolationsInDoc(popup)).toEqual([]);
  });

  it('edits a standing topic, and edits and deletes a feedback log entry', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    opened.push(popup);
    const people = await openSection(popup, 'People');
    const { email, name } = upcoming.person;
    await people.getByRole('button', { name: `Prepare 1:1s with ${name}`, exact: true }).click();
    const topics = people.getByRole('list', { name: 'Standing topics', exact: true });
    const topic = demo.backup.data.standingTopics.find(
      (t) => t.personEmail === email || t.personEmail === '',
    )!;
    await topics.getByRole('button', { name: `Edit ${topic.text}`, exact: true }).click();
    await topics.getByRole('textbox', { name: 'Topic text', exact: true }).fill('Energy this week');
    await topics
      .getByRole('combobox', { name: 'Topic rhythm', exact: true })
      .selectOption('monthly');
    await topics.getByRole('button', { name: 'Save topic', exact: true }).click();
    await topics.getByRole('button', { name: 'Edit Energy this week', exact: true }).waitFor();
    const store = await browser.storePage();
    const storedTopics = await readStoreTable<{ id: string; text: string; rhythm: string }>(
      store,
      'standingTopics',
    );
    expect(storedTopics.find((t) => t.id === topic.id)).toMatchObject({
      text: 'Energy this week',
      rhythm: 'monthly',
    });

    const log = people.getByRole('list', { name: 'Feedback log', exact: true });
    const entry = demo.backup.data.feedbackEntries.find((e) => e.personEmail === email)!;
    expect(entry, 'the demo person has a feedback log').toBeDefined();
    await log.getByRole('button', { name: `Edit ${entry.text}`, exact: true }).click();
    await log
      .getByRole('textbox', { name: 'Entry text', exact: true })
      .fill('Ran the incident review');
    await log.getByRole('button', { name: 'Save entry', exact: true }).click();
    const edited = log.getByRole('button', { name: 'Delete Ran the incident review', exact: true });
    await edited.waitFor();
    const afterEdit = await readStoreTable<{ id: string; text: string }>(store, 'feedbackEntries');
    expect(afterEdit.find((e) => e.id === entry.id)?.text).toBe('Ran the incident review');

    await edited.click();
    await edited.waitFor({ state: 'detached' });
    const afterDelete = await readStoreTable<{ id: string }>(store, 'feedbackEntries');
    expect(afterDelete.map((e) => e.id)).not.toContain(entry.id);
  });
});
