// The calendar adapter: the only code that knows Google Calendar's markup. Everything else
// imports from here and receives plain values (types.ts).

export type * from './types';
export { decodeEid, seriesKeyOf, startOfInstance, isTaskEid, isVirtualCalendar } from './eid';
export type { DecodedEid } from './eid';
export { parseCalendarUrl } from './calendar-url';
export type { CalendarUrl } from './calendar-url';
export { readSignedInUser } from './signed-in-user';
export { readEventDialog, findOpenPopover, focusOpenPopover } from './read-event-dialog';
export type { ReadOptions, OpenPopover } from './read-event-dialog';
export { readEventPage } from './read-event-page';
export { classifyOneOnOne } from './classify';
export type { SeriesOverride } from './classify';
export { titleLooksLikeOneOnOne } from './title-patterns';
export { readTheme } from './theme';
export { gridChips, visibleChips } from './chips';
export type { VisibleChip } from './chips';
export { watchCalendar } from './watch';
export type { SurfaceBox, WatchCalendarOptions } from './watch';
export { isVisible } from './visibility';
export type { IsVisible } from './visibility';
