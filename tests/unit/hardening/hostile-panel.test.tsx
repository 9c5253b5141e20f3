// The side panel renders every hostile corpus string as text: the counterpart's name, the last
// meeting's notes, this meeting's notes, open action items, talking points, project names and an
// error message. For each string the panel has exactly as many elements as with a harmless
// string, none of them img/script/svg/iframe/…, and the string is in the text (or the textarea's
// value) exactly.

import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OneOnOnePanel } from '@/components/panel/one-on-one-panel';
import { actionItem, panelData, panelView, talkingPoint } from '@/components/panel/panel-test-data';
import type { PanelActions, PanelView } from '@/components/panel/panel-view';
import { hostileNames, hostileStrings } from '../../fixtures/hostile-strings';

/** Elements the corpus tries to create. The panel draws its own svg (the wellbeing sparkline)
 * and forms (add item / add point), so those are compared with the harmless render's count. */
const INJECTED =
  'img, script, iframe, object, embed, style, link, meta, base, video, source, math, template, details, a, body, noscript';
const OWN = ['svg', 'form', 'svg *'] as const;

function fakeActions(): PanelActions {
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

/** A panel where every piece of user or page text is `text`. */
function viewWith(text: string): PanelView {
  const base = panelData();
  const lastMeeting = base.lastMeeting!;
  return panelView({
    person: { email: 'mallory@example.com', name: text },
    error: text,
    noteText: text,
    data: panelData({
      person: { ...base.person, email: 'mallory@example.com', name: text },
      projects: base.projects.map((share) => ({
        ...share,
        role: text,
        project: { ...share.project, name: text },
      })),
      meeting: { ...base.meeting, title: text },
      lastMeeting: {
        meeting: { ...lastMeeting.meeting, title: text },
        note: { ...lastMeeting.note, text },
      },
      openItems: [actionItem({ text })],
      talkingPoints: [talkingPoint({ text })],
    }),
  });
}

function renderWith(text: string) {
  const { container } = render(<OneOnOnePanel view={viewWith(text)} actions={fakeActions()} />);
  return container;
}

afterEach(cleanup);

const harmless = renderWith('Plain words');
const baseline = harmless.querySelectorAll('*').length;
const ownCounts = OWN.map((selector) => harmless.querySelectorAll(selector).length);
cleanup();

describe('the side panel with hostile text', () => {
  it('renders the harmless baseline with the panel’s own elements only', () => {
    expect(baseline).toBeGreaterThan(20);
    expect(ownCounts[0]).toBe(1);
    expect(renderWith('Plain words').querySelectorAll(INJECTED).length).toBe(0);
  });

  it.each([...hostileStrings, ...hostileNames].map((text, index) => [index, text] as const))(
    'string %i renders as text and creates no element',
    (_, text) => {
      const container = renderWith(text);
      expect(container.querySelectorAll(INJECTED).length).toBe(0);
      expect(OWN.map((selector) => container.querySelectorAll(selector).length)).toEqual(ownCounts);
      expect(container.querySelectorAll('*').length).toBe(baseline);
      const shown = container.textContent ?? '';
      // Name, last notes, item, point, project, error: each appears as text.
      expect(shown.split(text).length - 1).toBeGreaterThanOrEqual(5);
      const notes = container.querySelector('textarea')!;
      expect(notes.value).toBe(text);
      expect(container.querySelector('aside')!.getAttribute('aria-label')).toBe(`1:1 with ${text}`);
      // No handler attribute or javascript: URL reached the DOM.
      for (const element of Array.from(container.querySelectorAll('*'))) {
        for (const name of element.getAttributeNames()) {
          expect(name.startsWith('on'), `${element.tagName} ${name}`).toBe(false);
        }
      }
    },
  );
});
