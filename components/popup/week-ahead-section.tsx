// The week ahead: the 1:1s of the next seven days as Calendar's grid last showed them, with what
// is waiting for each, and the people overdue with no 1:1 in sight. Only what the calendar
// showed: it says when that was, and says so when it never showed any (never a guess).

import { t } from '@/components/i18n';
import type { WeekAhead, WeekAheadEntry } from '@/utils/store/upcoming-occurrences';
import { EmptyState } from './empty-state';
import { formatList, formatMeetingTime, formatSeenAt } from './format-values';
import { LoadingRows } from './loading-rows';
import { PopupSection } from './popup-section';

export function WeekAheadSection({
  week,
  now,
  onShowPerson,
}: {
  /** undefined while loading. */
  week: WeekAhead | undefined;
  /** When the popup opened: "today" and "yesterday" count from it. */
  now: number;
  onShowPerson: (email: string) => void;
}) {
  return (
    <PopupSection id="week-ahead" title={t('popupWeekAhead')}>
      {week === undefined ? (
        <LoadingRows />
      ) : week.seenAt === null ? (
        <EmptyState what={t('popupNeverSeen')} todo={t('popupNeverSeenTodo')} />
      ) : (
        <>
          <p class="cbc-summary">{seenLine(week.seenAt, now)}</p>
          <ul class="cbc-list" aria-label={t('popupUpcomingOneOnOnes')}>
            {week.entries.map((entry) => (
              <UpcomingEntry key={entry.occurrence.eid} entry={entry} onShowPerson={onShowPerson} />
            ))}
          </ul>
          {week.entries.length === 0 && (
            <EmptyState what={t('popupNoUpcoming')} todo={t('popupNoUpcomingTodo')} />
          )}
          <h3 id="week-ahead-overdue">{t('popupOverdueNoneInSight')}</h3>
          <ul class="cbc-list" aria-labelledby="week-ahead-overdue">
            {week.overdue.map(({ person, daysSince }) => (
              <li key={person.email} class="cbc-item cbc-overdue">
                <button type="button" class="cbc-link" onClick={() => onShowPerson(person.email)}>
                  {person.name || person.email}
                </button>{' '}
                <span class="cbc-item-meta">
                  {daysSince === null
                    ? t('popupNoEarlierOneOnOne')
                    : t('popupDaysSinceLast', { count: daysSince })}
                </span>
              </li>
            ))}
          </ul>
          {week.overdue.length === 0 && <p class="cbc-muted">{t('popupNoOverdue')}</p>}
        </>
      )}
    </PopupSection>
  );
}

function UpcomingEntry({
  entry,
  onShowPerson,
}: {
  entry: WeekAheadEntry;
  onShowPerson: (email: string) => void;
}) {
  const { occurrence, person, openItems, queuedTalkingPoints, topicsDue, daysSince, wellbeing } =
    entry;
  const waiting = [
    openItems.me > 0 && t('popupWaitingMine', { count: openItems.me }),
    openItems.them > 0 && t('popupWaitingTheirs', { count: openItems.them }),
    queuedTalkingPoints > 0 && t('popupWaitingPoints', { count: queuedTalkingPoints }),
    topicsDue.length > 0 &&
      t('popupWaitingTopics', { topics: formatList(topicsDue.map((topic) => topic.text)) }),
  ].filter((line): line is string => typeof line === 'string');
  return (
    <li class="cbc-item">
      <button type="button" class="cbc-link" onClick={() => onShowPerson(person.email)}>
        {person.name || person.email}
      </button>{' '}
      <time dateTime={new Date(occurrence.start).toISOString()}>
        {formatMeetingTime(occurrence.start)}
      </time>
      {occurrence.title !== '' && <div class="cbc-item-meta">{occurrence.title}</div>}
      <ul class="cbc-waiting">
        {waiting.length === 0 ? (
          <li>{t('popupNothingWaiting')}</li>
        ) : (
          waiting.map((line) => (
            <li key={line} class="cbc-private">
              {line}
            </li>
          ))
        )}
        <li>
          {daysSince === null
            ? t('popupNoEarlierOneOnOne')
            : t('popupDaysSinceLast', { count: daysSince })}
        </li>
        {wellbeing !== null && (
          <li class="cbc-private">{t('popupLatestWellbeing', { value: wellbeing })}</li>
        )}
      </ul>
    </li>
  );
}

function seenLine(seenAt: number, now: number): string {
  const { day, time } = formatSeenAt(seenAt, now);
  if (day === 'today') return t('popupSeenToday', { time });
  if (day === 'yesterday') return t('popupSeenYesterday', { time });
  return t('popupSeenOn', { date: day.date, time });
}
