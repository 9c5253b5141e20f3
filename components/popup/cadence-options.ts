// The 1:1 cadences a person can be given (Person.cadenceDays), and where a cadence came from.

import type { CadenceSource } from '@/utils/domain/records';

export const CADENCE_OPTIONS: ReadonlyArray<{ days: number; label: string }> = [
  { days: 7, label: 'Weekly' },
  { days: 14, label: 'Every two weeks' },
  { days: 30, label: 'Monthly' },
];

/** Said beside the cadence: whether the manager, the calendar or nothing set it. */
export const CADENCE_SOURCE_TEXT: Record<CadenceSource, string> = {
  default: 'default: the calendar has not said yet',
  seen: 'from the 1:1s seen in the calendar',
  recurrence: "from the calendar series' recurrence",
  manager: 'your choice',
};
