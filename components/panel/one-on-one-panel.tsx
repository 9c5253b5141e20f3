// The side panel of a 1:1: a complementary landmark named "1:1 with <name>" (the accessibility
// contract, docs/accessibility.md). Renders plain data and calls actions; it never reads the page.

import { t } from '@/components/i18n';
import { PANEL_FOCUS_SHORTCUT } from '@/utils/messaging/panel-channel';
import { ActionItems } from './action-items';
import { LastMeeting } from './last-meeting';
import { MeetingNotes } from './meeting-notes';
import { PanelHeader } from './panel-header';
import type { PanelActions, PanelView } from './panel-view';
import { TalkingPoints } from './talking-points';
import { FeedbackLogForm } from './feedback-log-form';
import { CopyAgenda } from './copy-agenda';
import { Wellbeing } from './wellbeing';

export function OneOnOnePanel(props: { view: PanelView; actions: PanelActions }) {
  const { view, actions } = props;
  const { data } = view;
  const label = t('panelOneOnOneWith', {
    name: data?.person.name || view.person.name || view.person.email,
  });
  return (
    <aside
      class={`cbc-panel cbc-${view.theme}${view.screenShareSafe ? ' cbc-safe' : ''}`}
      aria-label={label}
      aria-keyshortcuts={PANEL_FOCUS_SHORTCUT}
    >
      <div class="cbc-toolbar">
        <button
          type="button"
          aria-pressed={view.screenShareSafe}
          title="Alt+Shift+B"
          onClick={actions.toggleScreenShareSafe}
        >
          {t('commonHideNotes')}
        </button>
        <button type="button" class="cbc-link" onClick={actions.markNotOneOnOne}>
          {t('panelNotOneOnOne')}
        </button>
      </div>
      <PanelHeader person={view.person} data={data} now={view.now} headingId="cbc-panel-name" />
      {view.error && (
        <p class="cbc-error" role="alert">
          {view.error}
        </p>
      )}
      {data === null ? (
        !view.error && <p class="cbc-muted">{t('commonLoading')}</p>
      ) : (
        <>
          <LastMeeting
            key={data.meeting.eid}
            lastMeeting={data.lastMeeting}
            now={view.now}
            loadNotesBefore={actions.loadNotesBefore}
          />
          <MeetingNotes
            text={view.noteText}
            status={view.noteStatus}
            onEdit={actions.editNote}
            onFlush={actions.flushNote}
          />
          <ActionItems
            openItems={data.openItems}
            doneItems={view.doneItems}
            now={view.now}
            actions={actions}
          />
          <TalkingPoints
            points={data.talkingPoints}
            discussed={view.discussedPoints}
            standing={data.standingTopics}
            topicChecks={view.topicChecks}
            actions={actions}
          />
          <CopyAgenda actions={actions} />
          <Wellbeing
            value={view.wellbeing}
            trend={data.wellbeingTrend}
            onChange={actions.setWellbeing}
          />
          <FeedbackLogForm actions={actions} />
        </>
      )}
      {view.undo && (
        <div class="cbc-toast" role="status">
          {view.undo.message}{' '}
          <button type="button" onClick={actions.undo}>
            {t('panelUndo')}
          </button>
        </div>
      )}
    </aside>
  );
}
