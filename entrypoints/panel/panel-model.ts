// The side panel's model: the state of the event being shown (its session: data, draft, rows
// checked off) and the actions the components call. Its pure rules are in panel-decisions.ts,
// what it remembers between events in panel-cache.ts. It talks to the background only through
// the injected `send` (the real client at the entrypoint, a stub in tests) and never touches the
// page.

import { format } from 'date-fns';
import { t } from '@/components/i18n';
import { failureText } from '@/components/i18n/failure-text';
import type { Counterpart, PanelData } from '@/utils/domain/records';
import type {
  NoteStatus,
  OverrideView,
  PanelActions,
  PanelView,
} from '@/components/panel/panel-view';
import type { CalendarEvent, Classification, Theme } from '@/utils/calendar/types';
import type { DataChanged, RequestOf, RequestType, ResponseOf } from '@/utils/messaging/protocol';
import type { ActionItem, SeriesOverride, Wellbeing } from '@/utils/domain/records';
import { agendaOf, type Agenda } from './agenda';
import { createNoteSaver } from './note-saver';
import { createPanelCache } from './panel-cache';
import {
  answerFits,
  checkedOff,
  decisionPath,
  eventRefOf,
  markedDiscussed,
  mayStillStreamGuests,
  noteTextOf,
  overrideViewOf,
  panelViewOf,
  replaceRow,
  wellbeingOf,
  type SessionEdits,
} from './panel-decisions';

export type SendRequest = <T extends RequestType>(
  type: T,
  payload: RequestOf<T>,
) => Promise<ResponseOf<T>>;

export type PanelState =
  | { kind: 'hidden' }
  | { kind: 'override'; view: OverrideView }
  | { kind: 'panel'; view: PanelView };

export interface PanelModelDeps {
  send: SendRequest;
  /** The extension was reloaded under the page (ExtensionGoneError). */
  isExtensionGone: (error: unknown) => boolean;
  /** Called once when the extension is gone: the content script removes its UI. */
  onGone: () => void;
  /** classifyOneOnOne with the user's decision for the series. */
  classify: (event: CalendarEvent, override: SeriesOverride) => Classification;
  /** Whether any decision could make the event a 1:1 (the adapter's canBeOneOnOne). */
  canBeOneOnOne: (event: CalendarEvent) => boolean;
  persistScreenShareSafe: (on: boolean) => void;
  /** Puts the agenda on the clipboard (the frame's clipboard.ts); none: Copy agenda fails. */
  copyToClipboard?: (agenda: Agenda) => Promise<void>;
  now?: () => number;
  newId?: () => string;
  debounceMs?: number;
  retryDelaysMs?: readonly number[];
  /** How long the undo offer stays. */
  undoMs?: number;
}

export type PanelModel = ReturnType<typeof createPanelModel>;

interface Shown {
  event: CalendarEvent;
  classification: Classification;
  /** Bumped on every show/close: late answers for an older show are dropped. */
  token: number;
}

/** The panel of one occurrence with one person, from its show until another event is shown. */
interface PanelSession extends SessionEdits {
  /** The occurrence this session belongs to. */
  eid: string;
  error: string | null;
  undo: { message: string; item: ActionItem } | null;
}

/**
 * How long a popover with no guest row yet may still be streaming them in (Calendar adds its
 * guest section a few hundred ms after the popover opens) before the override control shows:
 * a 1:1 must not flash "Treat as 1:1" before its panel.
 */
export const GUEST_ROWS_GRACE_MS = 600;

export function createPanelModel(deps: PanelModelDeps) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const listeners = new Set<(state: PanelState) => void>();
  const cache = createPanelCache();
  let state: PanelState = { kind: 'hidden' };
  let shown: Shown | null = null;
  let session: PanelSession | null = null;
  let token = 0;
  let theme: Theme = 'light';
  let screenShareSafe = false;
  let noteStatus: NoteStatus = 'idle';
  let gone = false;
  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;
  let undoTimer: ReturnType<typeof setTimeout> | undefined;
  /** The occurrence shown (kept across its re-shows while its guests stream in). */
  let shownEid = '';
  /** Whether that occurrence's wait for guest rows is over, and whether it held the control. */
  let graceOver = true;
  let heldForGuests = false;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Why the last note save failed (shown until a save succeeds), e.g. storage is full. */
  let saveError: string | null = null;

  const saver = createNoteSaver({
    save: (draft) => deps.send('saveNote', draft),
    isFatal: deps.isExtensionGone,
    onError: (error) => {
      saveError = failureText(error);
      publish();
    },
    onSaved: () => {
      if (saveError === null) return;
      saveError = null;
      publish();
    },
    onStatus: (status) => {
      noteStatus = status;
      publish();
    },
    onFatal: goneQuiet,
    debounceMs: deps.debounceMs,
    retryDelaysMs: deps.retryDelaysMs,
  });

  function goneQuiet() {
    if (gone) return;
    gone = true;
    saver.dispose();
    clearTimeout(undoTimer);
    clearTimeout(graceTimer);
    shown = null;
    session = null;
    state = { kind: 'hidden' };
    listeners.forEach((listener) => listener(state));
    deps.onGone();
  }

  /** Failures either end everything quietly (extension gone) or show in the panel. */
  function fail(error: unknown) {
    if (deps.isExtensionGone(error)) return goneQuiet();
    if (session) {
      session.error = failureText(error);
      publish();
    }
  }

  /** A save of this session's note still queued (typed in an earlier session of the occurrence). */
  function queuedText(s: PanelSession): string | undefined {
    const eid = s.data?.meeting.eid;
    return eid ? saver.pending(eid)?.text : undefined;
  }

  const currentNoteText = (s: PanelSession) => noteTextOf(s, queuedText(s));

  function publish() {
    if (gone) return;
    heldForGuests = false;
    if (!shown) state = { kind: 'hidden' };
    else if (session) {
      const view = panelViewOf(session, {
        error: session.error ?? saveError,
        queuedText: queuedText(session),
        noteStatus,
        screenShareSafe,
        theme,
        now: now(),
      });
      state = { kind: 'panel', view };
    } else {
      const view = overrideViewOf(shown.event, theme);
      heldForGuests = view !== null && !graceOver && mayStillStreamGuests(shown.event);
      state = view && !heldForGuests ? { kind: 'override', view } : { kind: 'hidden' };
    }
    listeners.forEach((listener) => listener(state));
  }

  /**
   * Reads the panel's data for `s`. The answer applies only while `s` is still the session
   * shown for that occurrence: a session belongs to one occurrence and one person, so an answer
   * can never land on another event's panel, and every new session sends its own request.
   */
  async function loadPanel(s: PanelSession, event: CalendarEvent) {
    const data = await deps.send('openOneOnOne', { event: eventRefOf(event), person: s.person });
    if (gone) return;
    cache.remember(event.eid, data);
    if (session !== s || shown?.event.eid !== event.eid) return;
    s.data = data;
    s.error = null;
    publish();
  }

  /** Re-read the panel's data (idempotent); concurrent calls coalesce into one more read. */
  function refresh(): Promise<void> {
    if (!session || gone) return Promise.resolve();
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        try {
          if (session && shown) await loadPanel(session, shown.event);
        } catch (error) {
          fail(error);
          return;
        }
      } while (refreshAgain);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /**
   * One round trip for an unseen series: the background reads the series' decision and, when it
   * (or, without one, this classification) says 1:1, records the occurrence and returns its
   * panel. Returns the decision and that panel; the decision is cached for the series.
   */
  async function askUnseenSeries(
    event: CalendarEvent,
    classification: Classification,
  ): Promise<{ override: SeriesOverride | null; panel: PanelData | null }> {
    const answer = await deps.send('showEvent', {
      event: eventRefOf(event),
      person: classification.kind === 'one-on-one' ? classification.person : null,
    });
    cache.learnDecision(event.seriesKey, answer.override);
    if (answer.panel && !gone) cache.remember(event.eid, answer.panel);
    return answer;
  }

  async function showEvent(event: CalendarEvent, classification: Classification): Promise<void> {
    if (gone) return;
    const sameOccurrence = shown?.event.eid === event.eid;
    if (!sameOccurrence) {
      void saver.flush();
      // Another occurrence: the old session must not receive refreshes meant for this one.
      leaveSession();
    }
    const mine = ++token;
    shown = { event, classification, token: mine };
    if (event.eid !== shownEid) {
      shownEid = event.eid;
      graceOver = false;
      clearTimeout(graceTimer);
      graceTimer = setTimeout(() => {
        graceOver = true;
        if (heldForGuests) publish();
      }, GUEST_ROWS_GRACE_MS);
    }
    let effective = classification;
    /** The panel the background already recorded and read with the decision (unseen series). */
    let answered: PanelData | null = null;
    try {
      // A known decision is used without awaiting: the data request leaves in this very task.
      let override: SeriesOverride | null = null;
      const path = decisionPath(event, cache.knowsDecision(event.seriesKey), () =>
        deps.canBeOneOnOne(event),
      );
      if (path === 'known') {
        override = cache.decision(event.seriesKey);
      } else if (path === 'ask-and-record') {
        const asking = askUnseenSeries(event, classification);
        // Shown at once under the classifier's answer (the person's name, their data when it
        // comes): the series' stored decision, where there is one, replaces it on the answer.
        if (classification.kind === 'one-on-one') {
          enterSession(event, classification.person);
          publish();
        }
        ({ override, panel: answered } = await asking);
      } else {
        // Never a 1:1 whatever the decision (a task, a birthday): nothing may be recorded.
        override = await deps.send('getSeriesOverride', { seriesKey: event.seriesKey });
        cache.learnDecision(event.seriesKey, override);
      }
      if (mine !== token) return;
      if (override) effective = deps.classify(event, override);
    } catch (error) {
      if (deps.isExtensionGone(error)) return goneQuiet();
      // Without the user's decision the classifier's answer stands.
    }
    if (mine !== token || !shown) return;
    shown.classification = effective;
    if (effective.kind !== 'one-on-one') {
      leaveSession();
      publish();
      return;
    }
    const current = enterSession(event, effective.person);
    if (answered && answerFits(answered, effective.person)) {
      // Recorded under the person this classification names: no second round trip.
      current.data = answered;
      current.error = null;
      publish();
      return;
    }
    const loading = loadPanel(current, event);
    publish();
    try {
      await loading;
    } catch (error) {
      if (session === current) fail(error);
      else if (deps.isExtensionGone(error)) goneQuiet();
    }
  }

  /** The session for this occurrence and person: the current one, or a new one. */
  function enterSession(event: CalendarEvent, person: Counterpart): PanelSession {
    if (session && session.eid === event.eid && session.person.email === person.email) {
      return session;
    }
    leaveSession();
    session = {
      eid: event.eid,
      person,
      // Stale-while-revalidate: the last answer for this occurrence shows at once.
      data: cache.panel(event.eid, person.email) ?? null,
      error: null,
      draft: null,
      wellbeing: undefined,
      doneItems: [],
      discussedPoints: [],
      topicChecks: {},
      undo: null,
    };
    noteStatus = 'idle';
    return session;
  }

  /**
   * Ends the current session. Its cached answer is dropped when the user typed in it: the
   * cache must never offer a note text older than what was written.
   */
  function leaveSession() {
    if (!session) return;
    const eid = session.data?.meeting.eid;
    if (eid && (session.draft !== null || session.wellbeing !== undefined)) {
      cache.forget(eid, session.person.email);
    }
    session = null;
  }

  function close(): Promise<void> {
    token++;
    shown = null;
    shownEid = '';
    clearTimeout(graceTimer);
    leaveSession();
    clearTimeout(undoTimer);
    publish();
    return saver.flush();
  }

  async function setOverride(decision: SeriesOverride['decision'], person: Counterpart) {
    if (!shown) return;
    const { event, classification } = shown;
    try {
      await saver.flush();
      const override = await deps.send('setSeriesOverride', {
        seriesKey: event.seriesKey,
        decision,
        personEmail: person.email,
        personName: person.name,
      });
      cache.setDecision(event.seriesKey, override);
      if (shown?.event.eid === event.eid) {
        leaveSession();
        shown = null; // shown again from scratch with the new decision
        await showEvent(event, classification);
      }
    } catch (error) {
      fail(error);
    }
  }

  /** Runs a write, then re-reads the panel; failures show in the panel. */
  async function write(run: () => Promise<unknown>): Promise<boolean> {
    try {
      await run();
    } catch (error) {
      fail(error);
      return false;
    }
    void refresh();
    return true;
  }

  function editDraft(text: string, wellbeing: Wellbeing | null, immediately: boolean) {
    const eid = session?.data?.meeting.eid;
    if (!session || !eid) return;
    session.draft = text;
    saver.edit({ meetingEid: eid, text, wellbeing });
    if (immediately) void saver.flush();
    publish();
  }

  const actions: PanelActions = {
    editNote(text) {
      if (session) editDraft(text, wellbeingOf(session), false);
    },
    flushNote() {
      void saver.flush();
    },
    setWellbeing(value) {
      if (!session) return;
      session.wellbeing = value;
      editDraft(currentNoteText(session), value, true);
    },
    loadNotesBefore(before) {
      const personEmail = session?.data?.person.email;
      if (!personEmail) return Promise.resolve(null);
      return deps.send('getMeetingNotesBefore', { personEmail, before }).catch((error) => {
        fail(error);
        throw error;
      });
    },
    addActionItem(input) {
      const data = session?.data;
      if (!data) return Promise.resolve(false);
      return write(() =>
        deps.send('addActionItem', {
          id: newId(),
          personEmail: data.person.email,
          text: input.text,
          owner: input.owner,
          due: input.due,
          meetingEid: data.meeting.eid,
        }),
      );
    },
    setActionItemDone(item, done) {
      if (!session) return;
      session.doneItems = replaceRow(session.doneItems, checkedOff(item, done, now()));
      publish();
      void write(() =>
        deps.send('setActionItemDone', { id: item.id, personEmail: item.personEmail, done }),
      );
    },
    updateActionItem(id, changes) {
      // The panel shows one person's items: theirs, where a done one is looked for.
      const personEmail = session?.person.email;
      void write(() => deps.send('updateActionItem', { id, personEmail, ...changes }));
    },
    deleteActionItem(item) {
      void write(async () => {
        const deleted = await deps.send('deleteActionItem', {
          id: item.id,
          personEmail: item.personEmail,
        });
        if (!session) return;
        session.doneItems = session.doneItems.filter((i) => i.id !== item.id);
        if (session.data) {
          const openItems = session.data.openItems.filter((i) => i.id !== item.id);
          session.data = { ...session.data, openItems };
        }
        session.undo = { message: t('panelItemDeleted'), item: deleted };
        clearTimeout(undoTimer);
        undoTimer = setTimeout(() => {
          if (session) session.undo = null;
          publish();
        }, deps.undoMs ?? 10_000);
        publish();
      });
    },
    undo() {
      const item = session?.undo?.item;
      if (!session || !item) return;
      session.undo = null;
      clearTimeout(undoTimer);
      publish();
      void write(() => deps.send('restoreActionItem', { item }));
    },
    addTalkingPoint(text) {
      const data = session?.data;
      if (!data) return Promise.resolve(false);
      return write(() =>
        deps.send('addTalkingPoint', { id: newId(), personEmail: data.person.email, text }),
      );
    },
    setTalkingPointDiscussed(point, discussed) {
      const eid = session?.data?.meeting.eid;
      if (!session || !eid) return;
      session.discussedPoints = replaceRow(
        session.discussedPoints,
        markedDiscussed(point, discussed, eid, now()),
      );
      publish();
      void write(() =>
        deps.send('setTalkingPointDiscussed', {
          id: point.id,
          personEmail: point.personEmail,
          discussed,
          meetingEid: eid,
        }),
      );
    },
    setStandingTopicDiscussed(topicId, discussed) {
      const eid = session?.data?.meeting.eid;
      if (!session || !eid) return;
      session.topicChecks = { ...session.topicChecks, [topicId]: discussed };
      publish();
      void write(() =>
        deps.send('setStandingTopicDiscussed', { topicId, meetingEid: eid, discussed }),
      );
    },
    async copyAgenda() {
      const data = session?.data;
      if (!session || !data || !deps.copyToClipboard) return false;
      const agenda = agendaOf(data, {
        discussedPointIds: new Set(
          session.discussedPoints.filter((p) => p.discussedAt !== null).map((p) => p.id),
        ),
        topicChecks: session.topicChecks,
      });
      try {
        await deps.copyToClipboard(agenda);
        return true;
      } catch {
        return false;
      }
    },
    addFeedbackEntry(kind, text) {
      const data = session?.data;
      if (!data) return Promise.resolve(false);
      const today = format(now(), 'yyyy-MM-dd');
      return write(() =>
        deps.send('addFeedbackEntry', {
          id: newId(),
          personEmail: data.person.email,
          day: today,
          kind,
          text,
          meetingEid: data.meeting.eid,
        }),
      );
    },
    toggleScreenShareSafe() {
      setScreenShareSafe(!screenShareSafe);
      deps.persistScreenShareSafe(screenShareSafe);
    },
    markNotOneOnOne() {
      if (session) void setOverride('not-one-on-one', session.person);
    },
  };

  function setScreenShareSafe(on: boolean) {
    screenShareSafe = on;
    publish();
  }

  return {
    getState: () => state,
    subscribe(listener: (state: PanelState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    showEvent,
    close,
    refresh,
    actions,
    overrideActions: {
      treatAsOneOnOne: (person: Counterpart) => void setOverride('one-on-one', person),
    },
    /** Write every unsaved draft now (pagehide, navigation). */
    flushNotes: () => saver.flush(),
    isScreenShareSafe: () => screenShareSafe,
    setScreenShareSafe,
    setTheme(value: Theme) {
      theme = value;
      publish();
    },
    /** A write was reported by the background (or the port reconnected: personEmails empty). */
    dataChanged(change: DataChanged) {
      if (gone) return;
      if (change.personEmails.length === 0) {
        // Reconnected after a service-worker restart, or an import/wipe: retry queued notes
        // and forget cached series decisions and panel data.
        cache.clear();
        void saver.retryNow();
      } else cache.forgetPeople(change.personEmails);
      const email = session?.person.email;
      if (email && (change.personEmails.length === 0 || change.personEmails.includes(email))) {
        void refresh();
      }
    },
    dispose() {
      saver.dispose();
      clearTimeout(undoTimer);
      listeners.clear();
    },
  };
}
