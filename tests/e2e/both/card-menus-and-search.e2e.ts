// The popup's cards and search in each browser of the run (issue #14): a person's and a
// project's secondary actions behind one menu button (docs/accessibility.md, "Card menus"),
// reached by mouse and by keyboard, with focus given back on Escape; a project's one primary
// action, Assign; and search results that open what they found, the match marked there.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '@/utils/domain/records';
import type { DemoData } from '../../demo/demo-data';
import { browsers, type ExtensionBrowser, type Tab } from '../drivers';
import { cardAction, openCardMenu, openSection, readStoreTable } from './helpers';

describe.each(browsers)('%s', (_label, driver) => {
  let browser: ExtensionBrowser;
  let demo: DemoData;
  const opened: Tab[] = [];

  beforeAll(async () => {
    browser = await driver.launch();
    demo = await browser.serveCalendar({ now: Date.now() });
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    await browser.seed(demo.backup);
    while (opened.length > 0) await opened.pop()!.close();
  });

  async function openPopup(): Promise<Tab> {
    const popup = await browser.openExtensionPage('popup.html');
    opened.push(popup);
    return popup;
  }

  /** What has focus: a menu item's or a button's words, or the element's role and name. */
  const focused = (tab: Tab) =>
    tab.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return 'nothing';
      const role = element.getAttribute('role') ?? element.localName;
      return `${role}: ${element.getAttribute('aria-label') ?? element.textContent ?? ''}`;
    });

  const MENU_BUTTON = 'button: ⋮More actions for Alex Rivera';

  it("opens a person's card menu by click, and Escape gives focus back to its button", async () => {
    const popup = await openPopup();
    const people = await openSection(popup, 'People');
    const button = people.getByRole('button', {
      name: 'More actions for Alex Rivera',
      exact: true,
    });
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    const menu = await openCardMenu(people, 'Alex Rivera');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const items = menu.getByRole('menuitem');
    expect(await items.count()).toBe(4);
    await expect.poll(() => focused(popup)).toBe('menuitem: Rename');

    await popup.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => focused(popup)).toBe(MENU_BUTTON);
    // The popup's own Escape handling (none) and the tabs keep the People tab shown.
    await people.getByRole('heading', { name: 'Alex Rivera', exact: true }).waitFor();
  });

  it('works the card menu by keyboard alone and runs the chosen action', async () => {
    const popup = await openPopup();
    const people = await openSection(popup, 'People');
    const button = people.getByRole('button', {
      name: 'More actions for Alex Rivera',
      exact: true,
    });
    await button.focus();
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => focused(popup)).toBe('menuitem: Rename');
    await popup.keyboard.press('ArrowUp');
    await expect.poll(() => focused(popup)).toBe('menuitem: Archive');
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => focused(popup)).toBe('menuitem: Rename');
    await popup.keyboard.press('End');
    await expect.poll(() => focused(popup)).toBe('menuitem: Archive');
    await popup.keyboard.press('Home');
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => focused(popup)).toBe('menuitem: Edit profile notes');
    await popup.keyboard.press('Enter');
    await people
      .getByRole('menu', { name: 'More actions for Alex Rivera', exact: true })
      .waitFor({ state: 'detached' });
    // The action ran: the profile notes editor is open and has focus.
    await expect.poll(() => focused(popup)).toBe('textarea: Profile notes of Alex Rivera');

    // Tab out of an open menu closes it.
    await button.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => focused(popup)).toBe('menuitem: Rename');
    await popup.keyboard.press('Tab');
    await people
      .getByRole('menu', { name: 'More actions for Alex Rivera', exact: true })
      .waitFor({ state: 'detached' });
  });

  it('renames a person from the card menu', async () => {
    const popup = await openPopup();
    const people = await openSection(popup, 'People');
    await cardAction(people, 'Alex Rivera', 'Rename');
    const field = people.getByRole('textbox', { name: 'New name for Alex Rivera', exact: true });
    await expect.poll(() => focused(popup)).toBe('input: New name for Alex Rivera');
    await field.fill('Alex R. Rivera');
    await field.press('Enter');
    await people.getByRole('heading', { name: 'Alex R. Rivera', exact: true }).waitFor();
    await expect
      .poll(async () =>
        (await readStoreTable<Person>(popup, 'people')).some((p) => p.name === 'Alex R. Rivera'),
      )
      .toBe(true);
  });

  it("assigns someone with a project's primary action, and archives it from its menu", async () => {
    const popup = await openPopup();
    const projects = await openSection(popup, 'Projects');
    const project = 'Mobile onboarding';
    const person = 'Alex Rivera';
    await projects
      .getByRole('combobox', { name: `Person to assign to ${project}`, exact: true })
      .selectOption('alex.rivera@example.com');
    await projects
      .getByRole('spinbutton', { name: `Share of time on ${project} (%)`, exact: true })
      .fill('10');
    await projects.getByRole('button', { name: `Assign to ${project}`, exact: true }).click();
    await projects
      .getByRole('list', { name: `People on ${project}`, exact: true })
      .getByText(person, { exact: true })
      .waitFor();

    await cardAction(projects, project, 'Archive');
    await expect
      .poll(() => projects.getByRole('heading', { name: project, exact: true }).count())
      .toBe(0);
  });

  async function searchFor(popup: Tab, query: string) {
    const search = await openSection(popup, 'Search');
    await search.getByRole('searchbox').fill(query);
    await search.getByRole('searchbox').press('Enter');
    const results = search.getByRole('list', { name: 'Search results', exact: true });
    await results.waitFor();
    return results;
  }

  /** The words marked inside the focused element. */
  const focusedMarks = (tab: Tab) =>
    tab.evaluate(() =>
      Array.from(document.activeElement?.querySelectorAll('mark') ?? []).map(
        (mark) => mark.textContent,
      ),
    );

  it('opens a note found by a word in it, by keyboard, in full with the word marked', async () => {
    const popup = await openPopup();
    const results = await searchFor(popup, 'frustrated');
    const result = results.getByRole('button', { name: /frustrated by flaky integration tests/ });
    await result.focus();
    await popup.keyboard.press('Enter');
    const details = results.getByRole('region', { name: 'Note of Alex Rivera', exact: true });
    await details.waitFor();
    expect(await details.textContent()).toContain(
      'Alex was frustrated by flaky integration tests. Agreed to raise it at the team sync.',
    );
    await expect.poll(() => focused(popup)).toBe('region: Note of Alex Rivera');
    expect(await focusedMarks(popup)).toEqual(['frustrated']);
  });

  it('opens a person found by name on their card in People, the name marked', async () => {
    const popup = await openPopup();
    const results = await searchFor(popup, 'Okafor');
    await results.getByRole('button', { name: 'Jordan Okafor', exact: true }).click();
    const people = popup.getByRole('region', { name: 'People', exact: true });
    const heading = people.getByRole('heading', { name: 'Jordan Okafor', exact: true });
    await heading.waitFor();
    await expect.poll(() => focused(popup)).toBe('h3: Jordan Okafor');
    expect(await focusedMarks(popup)).toEqual(['Okafor']);
  });

  it('opens a project found by name on its card in Projects, the name marked', async () => {
    const popup = await openPopup();
    const results = await searchFor(popup, 'revamp');
    await results.getByRole('button', { name: 'Billing revamp', exact: true }).click();
    const projects = popup.getByRole('region', { name: 'Projects', exact: true });
    await projects.getByRole('heading', { name: 'Billing revamp', exact: true }).waitFor();
    await expect.poll(() => focused(popup)).toBe('h3: Billing revamp');
    expect(await focusedMarks(popup)).toEqual(['revamp']);
  });

  it('opens an open action item found by a word on its row in Follow-ups', async () => {
    const popup = await openPopup();
    const results = await searchFor(popup, 'runbook draft');
    await results
      .getByRole('button', { name: 'Review the on-call runbook draft', exact: true })
      .click();
    const followUps = popup.getByRole('list', { name: 'Open follow-ups', exact: true });
    await followUps.waitFor();
    await expect.poll(() => focusedMarks(popup)).toEqual(['runbook draft']);
    expect(
      await popup.evaluate(
        () => document.activeElement?.closest('[aria-label="Open follow-ups"]') !== null,
      ),
    ).toBe(true);
  });
});
