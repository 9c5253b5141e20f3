// Every hook this extension uses in Google Calendar's page, in one place. Google documents
// none of them: each is a hypothesis with a track record (see docs/calendar-page.md and
// README.md here). Only ids, roles and data-* attributes: never obfuscated classes (they change
// every 1–2 years) and never label text (it is localized). When one stops matching, one
// fixture test fails here and nothing else in the extension changes.

/** Shell of the event-details popover ("bubble"). Seen 2017 → 2026. Also used by quick create. */
export const POPOVER_SHELL = '[role="dialog"][data-chips-dialog="true"]';

/** Any dialog shell: used to find the shell of a details root when data-chips-dialog is gone. */
export const DIALOG = '[role="dialog"]';

/**
 * Details root inside the popover; `data-eventid` is the eid. Seen 2019 → 2026. An id selector
 * finds every node with this id (a hidden leftover and the live one), and the browser answers
 * it from its id map instead of walking the whole page, as it must for `[id="…"]`.
 */
export const DETAILS_ROOT = '#xDetDlg[data-eventid]';
/** The same id for the watcher's cheap existence check (getElementById is a hash lookup). */
export const DETAILS_ROOT_ID = 'xDetDlg';

/** What the watcher treats as "the popover" when sorting mutations: any dialog, any details root. */
export const DIALOG_OR_DETAILS = '[role="dialog"], [id="xDetDlg"]';

/** Attribute carrying the eid on the details root, on chips and on drag handles. 2016 → 2026. */
export const EVENT_ID_ATTRIBUTE = 'data-eventid';

/**
 * Popover "when" row: the date line, then for a recurring event a line such as "Weekly on
 * Thursday" (localized). Long-lived (2017 → 2026).
 */
export const POPOVER_WHEN = '[id="xDetDlgWhen"]';

/** Popover title (`aria-labelledby` target of the shell). 2017 → 2026. */
export const POPOVER_TITLE = '[id="rAECCd"]';

/** Generic heading fallback for the popover title and the read-only event page. */
export const HEADING = '[role="heading"]';

/**
 * Quick-create dialog markers: it shares the popover shell but has Event/Task tabs and no
 * details root. 2020 → 2026.
 */
export const QUICK_CREATE_MARKERS = '[id="tabEvent"], [id="tabTask"]';

/** Guests row of the popover: count text plus the rows. Long-lived (2019 → 2026). */
export const POPOVER_GUESTS = '[id="xDetDlgAtt"]';

/** List of guest rows in the popover, when #xDetDlgAtt is renamed. 2023 → 2026. */
export const GUEST_LIST = 'div[jsname="MsyPn"]';

/** A guest row carries its address. 2023 → 2026. */
export const GUEST_ROW = '[data-email]';

/** Older / alternative guest rows: the address is a hovercard id on the row or a child. */
export const GUEST_HOVERCARD = '[data-hovercard-id*="@"]';

/** Full event page: container of an existing event (`"true"` on the create page). 2017 → 2026. */
export const EVENT_PAGE_CONTAINER = '[data-is-create]';

/** Full event page title: an input when editable, text when read-only. 2017 → 2026. */
export const EVENT_PAGE_TITLE = '[id="xTiIn"]';

/** Full event page Save button: the panel must never cover it. 2017 → 2026. */
export const EVENT_PAGE_SAVE = '[id="xSaveBu"]';

/** `body[data-viewfamily]`: `EVENT` (grid) / `EVENT_EDIT` (full event page). 2017 → 2026. */
export const VIEW_FAMILY_ATTRIBUTE = 'data-viewfamily';
export const VIEW_FAMILY_EVENT_PAGE = 'EVENT_EDIT';

/** Hidden block at the end of body with the signed-in user. Seen ≥2023 → 2025. */
export const USER_INFO = '[id="xUserInfo"]';
export const USER_EMAIL_ID = 'xUserEmail';

/** Google bar account button; its localized label holds "(address)". Long-lived. */
export const ACCOUNT_BUTTON = 'a[role="button"][aria-label*="@"]';

/** Calendar's own theme (since Nov 2024): #F8FAFD light, #1B1B1B dark. */
export const THEME_COLOR = 'meta[name="theme-color"]';

/** The grid: chip scans are scoped here, because the popover also carries data-eventid. */
export const MAIN = '[role="main"]';

/**
 * Event chips in the grid: timed chips carry both attributes on the role=button element,
 * all-day chips on its parent. 2016 → 2026. Drag handles repeat data-eventid without
 * data-eventchip, so `closest(CHIP)` is used, never `closest('[data-eventid]')`.
 */
export const CHIP = '[data-eventchip]';
export const CHIP_ATTRIBUTE = 'data-eventchip';
export const CHIP_WITH_EID = '[data-eventchip][data-eventid]';

/** Tasks carry a task id instead of (or beside) an event id. */
export const TASK_MARKER = '[data-taskid]';
