// Shares of time are whole percent, 0–100 (Assignment.share). 0 % is meant: the person is on the
// project (an adviser, someone listed before their time on it starts) and none of their time is
// counted towards their allocation.

import { t } from '@/components/i18n';

/** The share typed in a field, or null when it is not a whole number from 0 to 100. */
export function parseShare(text: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null;
  const share = Number(text);
  return share >= 0 && share <= 100 ? share : null;
}

/** Why a typed share was refused. */
export const shareHint = () => t('popupShareHint');

/** Said beside a 0 % share, so it does not read as a typing slip. */
export const zeroShareNote = () => t('popupZeroShare');
