// A share of time or an allocation (whole percent, Assignment.share and its sums), written one
// way in the panel and the popup: the UI language's own percent format (en and ja "80%", de
// "80 %" with a no-break space), so a figure never wraps away from its sign.

import { translator } from './index';

const formats = new Map<string, Intl.NumberFormat>();

/** `formatShare(80)` → "80%" in English, "80 %" in German. */
export function formatShare(percent: number): string {
  const { locale } = translator();
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    formats.set(locale, format);
  }
  return format.format(percent / 100);
}
