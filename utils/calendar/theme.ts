// Calendar's own theme (its setting, since Nov 2024), not the OS's prefers-color-scheme:
// meta[name="theme-color"] is #F8FAFD in light and #1B1B1B in dark.

import { THEME_COLOR } from './selectors';
import type { Theme } from './types';

export function readTheme(doc: Document): Theme {
  const color = doc.querySelector(THEME_COLOR)?.getAttribute('content') ?? '';
  const rgb = parseColor(color);
  if (!rgb) return 'light';
  const [r, g, b] = rgb;
  // Perceived brightness (ITU-R BT.601 weights): below the middle is a dark theme.
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? 'dark' : 'light';
}

function parseColor(value: string): [number, number, number] | null {
  const color = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(color)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(color);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}
