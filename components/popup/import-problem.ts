// What a refused backup file means for the person holding it, from the validator's exact
// message (utils/store/backup.ts parseBackup), which stays available as the technical detail.

export function describeImportProblem(error: string): string {
  if (/not valid JSON/i.test(error)) {
    return 'This file is damaged or is not a backup. Nothing was changed.';
  }
  if (/^format\b/.test(error)) {
    return 'This is not a Craft Beyond Code backup. Nothing was changed.';
  }
  if (/^version\b/.test(error)) {
    return 'This backup is from a newer Craft Beyond Code: update the extension, then import it again. Nothing was changed.';
  }
  return 'Part of this backup cannot be read, so none of it was imported. Nothing was changed.';
}

export const IMPORT_FAILED =
  'The import did not finish. Nothing was changed: your data is as it was before.';
export const EXPORT_FAILED = 'The backup could not be made. Nothing was changed.';
