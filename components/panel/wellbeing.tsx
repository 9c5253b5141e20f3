// A private 1–5 check-in for this meeting, and the recent trend (numbers as text, a sparkline
// only as decoration).

import type { Wellbeing as WellbeingValue } from '@/utils/domain/records';
import { t } from '@/components/i18n';
import { wellbeingDirection } from '@/utils/store/wellbeing-signals';
import { directionText } from '@/components/i18n/direction';

const values: WellbeingValue[] = [1, 2, 3, 4, 5];

function Sparkline(props: { values: number[] }) {
  if (props.values.length < 2) return null;
  const step = 60 / (props.values.length - 1);
  const points = props.values.map((value, index) => `${index * step},${20 - (value - 1) * 4.5}`);
  return (
    <svg class="cbc-spark" viewBox="-2 -2 64 24" width="64" height="24" aria-hidden="true">
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" stroke-width="2" />
    </svg>
  );
}

export function Wellbeing(props: {
  value: WellbeingValue | null;
  trend: Array<{ start: number; wellbeing: WellbeingValue }>;
  /** null clears this meeting's check-in. */
  onChange: (value: WellbeingValue | null) => void;
}) {
  const trend = props.trend.map((entry) => entry.wellbeing);
  const direction = wellbeingDirection(trend);
  return (
    <section class="cbc-section cbc-private">
      <h3 id="cbc-wellbeing-heading">{t('panelWellbeing')}</h3>
      <div
        role="radiogroup"
        aria-label={t('panelWellbeing')}
        aria-describedby="cbc-wellbeing-hint"
        class="cbc-row"
      >
        {values.map((value) => (
          <label key={value} class="cbc-radio">
            <input
              type="radio"
              name="cbc-wellbeing"
              value={value}
              checked={props.value === value}
              onChange={() => props.onChange(value)}
            />
            {value}
          </label>
        ))}
      </div>
      <p id="cbc-wellbeing-hint" class="cbc-muted">
        {t('panelWellbeingHint')}{' '}
        {props.value !== null && (
          <button type="button" class="cbc-link" onClick={() => props.onChange(null)}>
            {t('panelClearCheckIn')}
          </button>
        )}
      </p>
      {trend.length > 0 && (
        <p class="cbc-trend">
          {t('panelRecentCheckIns', { values: trend.join(', ') })}
          {direction && ` (${directionText(direction)})`} <Sparkline values={trend} />
        </p>
      )}
    </section>
  );
}
