// A wellbeing trend's direction in words, one wording for the panel and the popup.

import type { WellbeingDirection } from '@/utils/store/wellbeing-signals';
import { t } from './index';

const KEYS = {
  rising: 'commonRising',
  falling: 'commonFalling',
  steady: 'commonSteady',
} as const satisfies Record<WellbeingDirection, string>;

export function directionText(direction: WellbeingDirection): string {
  return t(KEYS[direction]);
}
