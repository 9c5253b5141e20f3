// The limits every layer shares: what a request may carry, what a backup may hold and what the
// store accepts are the same numbers (records.ts's definitions use them).

/** Longest accepted meeting notes (characters). */
export const MAX_NOTE_LENGTH = 100_000;
/** Longest accepted short text: item text, talking point, title, names, descriptions. */
export const MAX_TEXT_LENGTH = 2_000;
/** Longest accepted email address (RFC 5321). */
export const MAX_EMAIL_LENGTH = 320;
/** Longest accepted id / eid / series key. */
export const MAX_ID_LENGTH = 512;

/** A person's wanted 1:1 cadence, in whole days. */
export const MIN_CADENCE_DAYS = 1;
export const MAX_CADENCE_DAYS = 365;
/** A share of someone's time on a project, in whole percent. */
export const MIN_SHARE = 0;
export const MAX_SHARE = 100;
/** The wellbeing check-in, 1 (struggling) to 5 (thriving). */
export const WELLBEING_VALUES = [1, 2, 3, 4, 5] as const;
/** The earliest day a feedback log entry may carry. */
export const EARLIEST_DAY = '1970-01-01';
