// The heavy week's chips: many timed events spread over the week, some of them instances of
// series the store knows as 1:1s. The demo calendar (tests/demo) renders them.

export interface WeekChip {
  /** Event id; recurring instances carry the `_YYYYMMDDTHHMMSSZ` suffix. */
  eventId: string;
  /** Abbreviated calendar id as the eid carries it, e.g. `me@m`. */
  calendarId: string;
  title: string;
  /** Day of the week, 0 (Monday) to 6. */
  day: number;
  /** Start in minutes after midnight. */
  startMinute: number;
  durationMinutes: number;
}

/** Google's eid: base64 of "<eventId> <calendarId>" without padding. */
export function eidOf(eventId: string, calendarId: string): string {
  return Buffer.from(`${eventId} ${calendarId}`, 'utf8').toString('base64').replace(/=+$/, '');
}

/**
 * `count` chips spread over the week, 9:00 to 18:00. Every third chip is an instance of one of
 * `oneOnOneSeries` (series the store knows as 1:1s, so the extension badges them); the others
 * are one-off meetings.
 */
export function heavyWeekChips(
  count: number,
  oneOnOneSeries: readonly string[],
  calendarId: string,
  monday: Date,
): WeekChip[] {
  return Array.from({ length: count }, (_, index) => {
    const day = index % 7;
    const slot = Math.floor(index / 7);
    const startMinute = 9 * 60 + ((slot * 30) % (9 * 60));
    const date = new Date(monday.getTime() + day * 86_400_000 + startMinute * 60_000);
    const stamp = date
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const series =
      oneOnOneSeries.length > 0 && index % 3 === 0
        ? oneOnOneSeries[(index / 3) % oneOnOneSeries.length]
        : undefined;
    return {
      eventId: series ? `${series}_${stamp}` : `bench${index.toString(36).padStart(6, '0')}x${day}`,
      calendarId,
      title: series ? `1:1 (${index})` : `Team sync ${index}`,
      day,
      startMinute,
      durationMinutes: 30,
    };
  });
}
