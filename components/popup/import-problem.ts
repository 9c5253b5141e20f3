// What a refused backup file means for the person holding it, from the validator's exact
// message (utils/store/backup.ts parseBackup), which stays available as the technical detail.

import { t } from '@/components/i18n';

export function describeImportProblem(error: string): string {
  if (/not valid JSON/i.test(error)) return t('popupImportNotJson');
  if (/^format\b/.test(error)) return t('popupImportNotOurs');
  if (/^version\b/.test(error)) return t('popupImportNewer');
  return t('popupImportUnreadable');
}
