// Violation: the content script opens the store, which in Calendar's page would be
// calendar.google.com's IndexedDB.
import { openDatabase } from '../../utils/store/db';

export const db = openDatabase();
