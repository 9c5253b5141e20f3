// A failed request as the person reads it. The background words its refusals in the UI language
// itself; only a request it never answered (the worker did not wake) is worded here, since the
// client that notices it also runs in the content script, which carries no tables.

import { t } from './index';

export function failureText(failure: unknown): string {
  if (!(failure instanceof Error)) return String(failure);
  return failure.name === 'NoAnswerError' ? t('commonNoAnswer') : failure.message;
}
