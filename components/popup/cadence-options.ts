// The 1:1 cadences a person can be given (Person.cadenceDays).

export const CADENCE_OPTIONS: ReadonlyArray<{ days: number; label: string }> = [
  { days: 7, label: 'Weekly' },
  { days: 14, label: 'Every two weeks' },
  { days: 30, label: 'Monthly' },
];

export function cadenceLabel(days: number): string {
  return CADENCE_OPTIONS.find((option) => option.days === days)?.label ?? `Every ${days} days`;
}
