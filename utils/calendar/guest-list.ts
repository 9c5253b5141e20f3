// Guest rows, as the popover (#xDetDlgAtt) and the full event page show them. Everything is
// read from data-* attributes and document order; labels are localized and only used for a
// best-effort organizer hint that classification never depends on.

import { asAddress } from './address';
import { GUEST_HOVERCARD, GUEST_ROW } from './selectors';
import type { Guest } from './types';

export interface GuestListReading {
  /** Unique guests in page order. */
  guests: Guest[];
  /** The count Calendar shows beside the list ("2 guests", "2 Gäste", "ゲスト 2 人"), or null. */
  shownCount: number | null;
  /** Rows are present and at least as many as the shown count. */
  complete: boolean;
  /** The organizer when a row says so, else null. */
  organizer: string | null;
}

// "Organizer" in Calendar's languages, matched in a row's label or text. Only a hint: a page in
// another language simply yields organizer = null, and the reader can still infer it.
const ORGANIZER_WORDS =
  /organi[sz]er|organizador|organizadora|organisateur|organisatrice|organisator|organisatorin|organizzatore|organizzatrice|organizator|organizátor|organisatör|järjestäjä|arrangør|düzenleyen|организатор|organizátor|主催者|组织者|組織者|召集人|주최자|ผู้จัด|người tổ chức|penyelenggara/i;

const DIGITS = /\d+/;

export function readGuestList(
  scope: Element | null,
  options: { countText: boolean },
): GuestListReading {
  if (!scope) return { guests: [], shownCount: null, complete: false, organizer: null };

  const rows = guestRowsIn(scope);
  const guests: Guest[] = [];
  const seen = new Set<string>();
  let organizer: string | null = null;
  for (const row of rows) {
    const email = addressOfRow(row);
    if (!email || seen.has(email)) continue;
    seen.add(email);
    const isOrganizer = ORGANIZER_WORDS.test(
      `${row.getAttribute('aria-label') ?? ''} ${row.textContent ?? ''}`,
    );
    if (isOrganizer && organizer === null) organizer = email;
    guests.push({ email, name: displayNameOfRow(row), isOrganizer, kind: kindOf(email) });
  }

  const shownCount = options.countText ? countOutsideRows(scope, rows) : null;
  const complete = guests.length > 0 && (shownCount === null || guests.length >= shownCount);
  return { guests, shownCount, complete, organizer };
}

export function kindOf(email: string): Guest['kind'] {
  if (email.endsWith('@resource.calendar.google.com')) return 'room';
  if (
    email.endsWith('@group.calendar.google.com') ||
    email.endsWith('@group.v.calendar.google.com')
  ) {
    return 'group';
  }
  return 'person';
}

function guestRowsIn(scope: Element): Element[] {
  const rows = Array.from(scope.querySelectorAll(GUEST_ROW));
  if (rows.length > 0) return rows;
  // Before data-email (≤2022) rows only carried a hovercard id on the row or a child.
  return Array.from(scope.querySelectorAll(GUEST_HOVERCARD));
}

function addressOfRow(row: Element): string | null {
  return (
    asAddress(row.getAttribute('data-email')) ??
    asAddress(row.getAttribute('data-hovercard-id')) ??
    asAddress(row.querySelector(GUEST_HOVERCARD)?.getAttribute('data-hovercard-id'))
  );
}

/**
 * The name is the first text a sighted user reads in the row (the subtitle such as
 * "Organizer" comes after it). Calendar shows the address itself when a guest has no name:
 * that is not a display name.
 */
function displayNameOfRow(row: Element): string {
  const hovercardChild = row.matches(GUEST_HOVERCARD) ? null : row.querySelector(GUEST_HOVERCARD);
  const text = (hovercardChild && firstText(hovercardChild)) || firstText(row);
  if (!text || asAddress(text)) return '';
  return text;
}

function firstText(root: Element): string {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const parent = node.parentElement;
    if (parent && isDecorative(parent, root)) continue;
    return text;
  }
  return '';
}

function isDecorative(element: Element, root: Element): boolean {
  for (
    let node: Element | null = element;
    node && node !== root.parentElement;
    node = node.parentElement
  ) {
    if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden')) return true;
    const tag = node.tagName;
    if (tag === 'STYLE' || tag === 'SCRIPT') return true;
  }
  return false;
}

/** The first number in the section's own text (not inside a row): the guest count. */
function countOutsideRows(scope: Element, rows: Element[]): number | null {
  const walker = scope.ownerDocument.createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const match = DIGITS.exec(node.textContent ?? '');
    if (!match) continue;
    if (rows.some((row) => row.contains(node))) continue;
    return Number(match[0]);
  }
  return null;
}
