// The panel, the popup and the welcome page in German and Japanese: a few names by role, dates in
// the UI language, and the catch-all: every word the view shows, names and tooltips included,
// changes with the language (what stays the same is data, a product name, or listed below).

import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setPageLocale, t, type LocaleCode } from '@/components/i18n';
import { OneOnOnePanel } from '@/components/panel/one-on-one-panel';
import {
  actionItem as panelItem,
  panelData,
  panelView,
  NOW,
} from '@/components/panel/panel-test-data';
import type { PanelActions } from '@/components/panel/panel-view';
import { PopupApp } from '@/components/popup/popup-app';
import { WelcomePage } from '@/components/welcome/welcome-page';
import {
  actionItem,
  assignment,
  overview,
  person,
  popupData,
  project,
  recordingActions,
} from '../popup/popup-fixtures';

const DAY = 86_400_000;

function panelActions(): PanelActions {
  return {
    editNote: vi.fn(),
    flushNote: vi.fn(),
    setWellbeing: vi.fn(),
    loadNotesBefore: vi.fn(async () => null),
    addActionItem: vi.fn(async () => true),
    setActionItemDone: vi.fn(),
    updateActionItem: vi.fn(),
    deleteActionItem: vi.fn(),
    undo: vi.fn(),
    addTalkingPoint: vi.fn(async () => true),
    setTalkingPointDiscussed: vi.fn(),
    setStandingTopicDiscussed: vi.fn(),
    addFeedbackEntry: vi.fn(async () => true),
    copyAgenda: vi.fn(async () => true),
    toggleScreenShareSafe: vi.fn(),
    markNotOneOnOne: vi.fn(),
  };
}

const renderPanel = () =>
  render(
    <OneOnOnePanel
      view={panelView({
        data: panelData({ openItems: [panelItem({ due: '2025-06-20' })] }),
        wellbeing: 4,
        noteStatus: 'saved',
        undo: { message: t('panelItemDeleted') },
      })}
      actions={panelActions()}
    />,
  );

function popupFixture() {
  const ada = person('ada@example.com', 'Ada Lovelace', { profileNotes: 'Wants to lead' });
  const bob = person('bob@example.com', 'Bob', { archived: 1 });
  return popupData({
    followUps: [
      actionItem('ada@example.com', 'Share the roadmap', { due: '2025-03-01' }),
      actionItem('ada@example.com', 'Book the offsite', { owner: 'them' }),
    ],
    people: [
      overview(ada, {
        lastOneOnOne: new Date(2025, 2, 3).getTime(),
        daysSince: 7,
        cadence: 'overdue',
        openItems: 2,
        wellbeingTrend: [4, 2, 2],
        allocation: 120,
        overAllocated: true,
        burnoutRisk: true,
        burnoutCauses: ['over-allocated', 'low-wellbeing'],
      }),
    ],
    directory: [ada, bob],
    projects: [
      {
        project: project('p1', 'Apollo', { description: 'Moon' }),
        assignments: [assignment('ada@example.com', 'p1', 0)],
      },
    ],
    allocation: { 'ada@example.com': 120 },
    calendarAccess: 'missing',
    openedAt: new Date(2025, 2, 10, 15).getTime(),
    weekAhead: {
      entries: [
        {
          occurrence: {
            eid: 'ada-next',
            seriesKey: 'series-ada',
            personEmail: ada.email,
            start: new Date(2025, 2, 12, 10).getTime(),
            title: '',
            seenAt: new Date(2025, 2, 10, 9, 14).getTime(),
          },
          person: ada,
          openItems: { me: 1, them: 1 },
          queuedTalkingPoints: 2,
          topicsDue: [
            {
              id: 't1',
              personEmail: '',
              text: 'How are you, really?',
              rhythm: 'every',
              createdAt: 1,
              updatedAt: 1,
            },
          ],
          daysSince: 7,
          wellbeing: 2,
        },
      ],
      overdue: [{ person: bob, daysSince: null }],
      seenAt: new Date(2025, 2, 10, 9, 14).getTime(),
    },
  });
}

const renderPopup = () =>
  render(<PopupApp data={popupFixture()} actions={recordingActions()} layout="page" />);

/** Every word a view offers: text, and the names, tooltips and placeholders of its elements. */
function wordsOf(root: Element): Set<string> {
  const words = new Set<string>();
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) words.add(text);
  }
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const attribute of ['aria-label', 'title', 'placeholder']) {
      const value = element.getAttribute(attribute)?.trim();
      if (value) words.add(value);
    }
  }
  return words;
}

/** What may read the same in every language: data, numbers, punctuation, product names, keys. */
const SAME_EVERYWHERE =
  /^(?:[\d\s.,:;·/%()+–→⋮-]*|Craft Beyond Code|Alt\+Shift\+B|Alt|Shift|B|N|Escape|OK|Status|Team|Name|Person|Alex Rivera|alex@example\.com|Apollo|\d+ %|Ada Lovelace|ada@example\.com|Bob|Moon|Wants to lead|Share the roadmap|Book the offsite|Talked about the migration plan|Send the RFC|Promotion timeline|How are you, really\?|.*\(Markdown\)|\d+ B|\d+([.,]\d)? [KMG]B)$/;

function wordsIn(code: LocaleCode, view: () => { container: Element }): Set<string> {
  setPageLocale(code);
  const { container } = view();
  const words = wordsOf(container);
  cleanup();
  return words;
}

const VIEWS = [
  ['panel', renderPanel],
  ['popup', renderPopup],
  ['welcome page', () => render(<WelcomePage />)],
] as const;

describe.each(VIEWS)('the %s', (_name, view) => {
  afterEach(() => {
    cleanup();
    setPageLocale('en');
  });

  for (const code of ['de', 'ja'] as const) {
    it(`says nothing in English in ${code}`, () => {
      const english = wordsIn('en', view);
      const translated = wordsIn(code, view);
      const untranslated = [...translated].filter(
        (word) => english.has(word) && !SAME_EVERYWHERE.test(word),
      );
      expect(untranslated).toEqual([]);
      // The check sees words at all (a view that renders nothing would pass it).
      expect(english.size).toBeGreaterThan(10);
    });
  }
});

// A control's visible words are part of its name (WCAG 2.5.3, axe's label-content-name-mismatch):
// a translation that moves the name into the middle of them breaks speech control. (The welcome
// page names nothing beyond its words.)
describe.each(VIEWS.slice(0, 2))('the %s, in every language', (_name, view) => {
  afterEach(() => {
    cleanup();
    setPageLocale('en');
  });

  for (const code of ['en', 'de', 'ja'] as const) {
    it(`names each button and link with its visible words in ${code}`, () => {
      setPageLocale(code);
      const { container } = view();
      const mismatched: string[] = [];
      for (const control of Array.from(container.querySelectorAll('button, a'))) {
        const label = control.getAttribute('aria-label');
        const visible = visibleText(control);
        if (label === null || visible === '') continue;
        if (!squash(label).includes(squash(visible))) mismatched.push(`${visible} ≠ ${label}`);
      }
      expect(mismatched).toEqual([]);
      expect(container.querySelectorAll('button[aria-label]').length).toBeGreaterThan(0);
    });
  }
});

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The element's text without what only screen readers get (.cbc-sr-only). */
function visibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of Array.from(copy.querySelectorAll('.cbc-sr-only'))) hidden.remove();
  return squash(copy.textContent ?? '');
}

describe('the panel in German and Japanese', () => {
  afterEach(() => {
    cleanup();
    setPageLocale('en');
  });

  it('names its landmark and controls in German, with German dates', () => {
    setPageLocale('de');
    renderPanel();
    const panel = screen.getByRole('complementary', { name: '1:1 mit Alex Rivera' });
    expect(within(panel).getByRole('heading', { name: 'Letzter Termin' })).toBeTruthy();
    expect(within(panel).getByRole('textbox', { name: 'Notizen zu diesem Termin' })).toBeTruthy();
    expect(within(panel).getByRole('list', { name: 'Offene Aufgaben' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Aufgabe hinzufügen' })).toBeTruthy();
    expect(within(panel).getByRole('list', { name: 'Gesprächspunkte' })).toBeTruthy();
    // The last meeting was on June 3 (NOW is June 17, 2025).
    expect(new Date(NOW - 14 * DAY).getDate()).toBe(3);
    expect(panel.textContent).toContain('3. Juni');
    expect(panel.textContent).toContain('vor 14 Tagen');
  });

  it('names its landmark and controls in Japanese, with Japanese dates', () => {
    setPageLocale('ja');
    renderPanel();
    const panel = screen.getByRole('complementary', { name: 'Alex Rivera との 1on1' });
    expect(within(panel).getByRole('heading', { name: '前回のミーティング' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'タスクを追加' })).toBeTruthy();
    expect(panel.textContent).toContain('6月3日');
  });
});

describe('the popup in German and Japanese', () => {
  afterEach(() => {
    cleanup();
    setPageLocale('en');
  });

  it('reaches its sections by German names and writes German dates', () => {
    setPageLocale('de');
    renderPopup();
    for (const name of ['Aufgaben', 'Personen', 'Projekte', 'Suche', 'Sicherung']) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Sicherung exportieren' })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Unter „Personen“ Ada Lovelace anzeigen' }),
    ).toBeTruthy();
    const people = screen.getByRole('region', { name: 'Personen' });
    expect(people.textContent).toContain('3. März 2025');
    // The confirmation is typed in the page's language.
    expect(screen.getByLabelText(/Geben Sie zur Bestätigung „alles löschen“ ein/)).toBeTruthy();
  });

  it('reaches its sections by Japanese names and writes Japanese dates', () => {
    setPageLocale('ja');
    renderPopup();
    for (const name of ['フォローアップ', 'メンバー', 'プロジェクト', '検索', 'バックアップ']) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }
    const people = screen.getByRole('region', { name: 'メンバー' });
    expect(people.textContent).toContain('2025/03/03');
  });
});
