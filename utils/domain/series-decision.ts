// The user's own decision for a calendar series ("this is a 1:1 with X" / "this is not a 1:1"),
// applied in one place. The calendar adapter says what the page shows and whether the event can
// be a 1:1 at all (a task or a birthday never is); this applies the stored decision on top, for
// the content script's reading (classify.ts) and for the background recording an occurrence
// (store/panel.ts) alike.

import type { Counterpart, SeriesOverride } from './records';

/** What a decision needs: the series' decision and, for a 1:1, its counterpart. */
export type SeriesDecision = Pick<SeriesOverride, 'decision' | 'personEmail' | 'personName'>;

/**
 * Who the 1:1 is with once the decision is applied: the decision's counterpart, nobody for
 * "not a 1:1", and the page's reading when there is no decision.
 */
export function counterpartAfterDecision(
  reading: Counterpart | null,
  decision: SeriesDecision | null,
): Counterpart | null {
  if (!decision) return reading;
  return decision.decision === 'one-on-one'
    ? { email: decision.personEmail.toLowerCase(), name: decision.personName }
    : null;
}
