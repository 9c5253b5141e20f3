// Shares of time are whole percent, 0–100 (Assignment.share).

/** The share typed in a field, or null when it is not a whole number from 0 to 100. */
export function parseShare(text: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null;
  const share = Number(text);
  return share >= 0 && share <= 100 ? share : null;
}

export const SHARE_HINT = 'A share is a whole percent from 0 to 100.';
