// The 1:1 cadences a person can be given (Person.cadenceDays), and where a cadence came from.

import type { MessageKey } from '@/components/i18n';
import type { CadenceSource } from '@/utils/domain/records';

/** `label`: a message key (t()). */
export const CADENCE_OPTIONS: ReadonlyArray<{ days: number; label: MessageKey }> = [
  { days: 7, label: 'popupCadenceWeekly' },
  { days: 14, label: 'popupCadenceTwoWeeks' },
  { days: 30, label: 'popupCadenceMonthly' },
];

/** Said beside the cadence: whether the manager, the calendar or nothing set it (message keys). */
export const CADENCE_SOURCE_TEXT: Record<CadenceSource, MessageKey> = {
  default: 'popupCadenceFromDefault',
  seen: 'popupCadenceFromSeen',
  recurrence: 'popupCadenceFromRecurrence',
  manager: 'popupCadenceFromManager',
};
