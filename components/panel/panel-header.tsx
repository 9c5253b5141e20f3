// Who the 1:1 is with, what they work on, and how the rhythm of 1:1s is going.

import type { Counterpart, PanelData } from '@/utils/domain/records';
import { cadenceState, daysBetween, type CadenceState } from '@/utils/domain/cadence';
import { t, type MessageKey } from '@/components/i18n';
import { formatShare } from '@/components/i18n/format-share';
import { formatDay } from './format-date';

const cadenceLabels: Record<CadenceState, MessageKey> = {
  'no-meetings': 'panelCadenceFirst',
  'on-track': 'panelCadenceOnTrack',
  due: 'panelCadenceDue',
  overdue: 'commonOverdue',
};

function daysAgo(days: number): string {
  if (days <= 0) return t('panelToday');
  return t('panelDaysAgo', { count: days });
}

export function PanelHeader(props: {
  person: Counterpart;
  data: PanelData | null;
  now: number;
  headingId: string;
}) {
  const { person, data, now } = props;
  const name = data?.person.name || person.name;
  const email = data?.person.email ?? person.email;
  const last = data?.lastOneOnOne ?? null;
  const cadence = data ? cadenceState(last, data.person.cadenceDays, now) : null;
  return (
    <header class="cbc-header">
      <h2 id={props.headingId} class="cbc-name">
        {name || email}
      </h2>
      {name && <p class="cbc-muted cbc-email">{email}</p>}
      {data && data.projects.length > 0 && (
        <p class="cbc-projects">
          {data.projects.map((share, index) => (
            <span key={share.project.id}>
              {index > 0 && ' · '}
              {share.project.name} {formatShare(share.share)}
            </span>
          ))}
        </p>
      )}
      {data && cadence && (
        <p class="cbc-cadence">
          <span
            class={cadence === 'overdue' ? 'cbc-overdue-badge' : `cbc-chip cbc-cadence-${cadence}`}
          >
            {t(cadenceLabels[cadence])}
          </span>{' '}
          {last === null
            ? t('panelEveryDays', { count: data.person.cadenceDays })
            : t('panelLastOneOnOne', {
                date: formatDay(last, now),
                ago: daysAgo(daysBetween(last, now)),
              })}
        </p>
      )}
    </header>
  );
}
