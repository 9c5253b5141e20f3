// The popover's recurrence line ("Weekly on Thursday", "Alle 2 Wochen am Dienstag", "毎週 火曜日")
// as a number of days between occurrences, in the languages the adapter's fixtures cover
// (English, German, Japanese). Another language, or a line this does not understand, gives null
// and the store falls back on the gap between the occurrences it has seen. A weekly series on
// several days ("Weekly on Monday, Thursday") reads as weekly.

// Strongest unit first: "Monthly on day 12" is monthly, "Every weekday" daily. A count is read
// only right before its unit ("Every 2 weeks", "2 週間ごと"), never a date's day ("12 日").
const UNITS: ReadonlyArray<readonly [days: number, pattern: RegExp]> = [
  [1, /\bweekdays?\b|werktag|平日/],
  [365, /(?:(\d+)\s*)?(?:\b(?:annually|yearly|years?|jährlich|jahre?n?)\b|毎年|年ごと)/],
  [30, /(?:(\d+)\s*)?(?:\b(?:monthly|months?|monatlich|monate?n?)\b|毎月|[かヶカケ]月)/],
  [7, /(?:(\d+)\s*)?(?:\b(?:weekly|weeks?|wöchentlich|wochen?)\b|毎週|週間)/],
  [1, /(?:(\d+)\s*)?(?:\b(?:daily|days?|täglich|tage?n?)\b|毎日|日ごと)/],
];

/** Days between occurrences of a recurrence line, at most 365; null when not understood. */
export function recurrenceDays(line: string): number | null {
  const text = line.toLowerCase();
  for (const [days, pattern] of UNITS) {
    const match = pattern.exec(text);
    if (match) return Math.min(365, days * Number(match[1] ?? 1)) || null;
  }
  return null;
}
