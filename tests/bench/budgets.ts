// The budgets of docs/budgets.md, as numbers. Keep the two in step: the labels quote that table.

import type { Budget } from './bench-row';

const KB = 1024;

export const BUDGETS = {
  contentScriptGzip: { limit: 15 * KB, aim: 8 * KB, label: '≤ 15 KB (aim ≤ 8 KB)' },
  addedMainThreadPercent: { limit: 1, aim: 0.5, label: '≤ 1 % (aim ≤ 0.5 %)' },
  panelLatencyP95: { limit: 50, aim: 16, label: '≤ 50 ms (aim 16 ms)' },
  panelQueryP95: { limit: 10, aim: 2, label: '≤ 10 ms (aim ≤ 2 ms)' },
  popupFirstRender: { limit: 150, aim: 50, label: '≤ 150 ms (aim ≤ 50 ms)' },
  exportTime: { limit: 2000, label: '≤ 2 s' },
  importTime: { limit: 5000, label: '≤ 5 s' },
} satisfies Record<string, Budget>;
