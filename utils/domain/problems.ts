// What went wrong with a request, as a key and values rather than words: the background words
// it in the browser's UI language (components/i18n/background-strings.ts) before it replies, and
// keeps the English message of the error beside it as the technical detail.

export type ProblemKey =
  | 'problemEmpty'
  | 'problemTooLong'
  | 'problemEmailRequired'
  | 'problemEmailInvalid'
  | 'problemDayInvalid'
  | 'problemDayTooEarly'
  | 'problemGone'
  | 'problemPersonExists'
  | 'problemPersonExistsArchived'
  | 'problemProjectExists'
  | 'problemProjectExistsArchived'
  | 'problemChoosePerson'
  | 'problemTopicForSomeoneElse'
  | 'problemImportRunning'
  | 'problemStorageFull'
  | 'problemUnreadable'
  | 'problemInternal';

export interface Problem {
  readonly key: ProblemKey;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** Turns a problem into words; the background's is in the UI language. */
export type ProblemWording = (key: ProblemKey, values?: Problem['values']) => string;
