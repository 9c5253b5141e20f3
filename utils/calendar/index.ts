// The calendar adapter: the only code that knows Google Calendar's markup. Everything else
// imports from here and receives plain values (types.ts).

export type * from './types';
export { decodeEid, seriesKeyOf, startOfInstance } from './eid';
export { readSignedInUser } from './signed-in-user';
export { readEventDialog, focusOpenPopover } from './read-event-dialog';
export { readEventPage } from './read-event-page';
export { classifyOneOnOne } from './classify';
export { readTheme } from './theme';
export { gridChips, visibleChips } from './chips';
export type { VisibleChip } from './chips';
export { watchCalendar } from './watch';
export type { SurfaceBox } from './watch';
