// Violation: the calendar adapter reaches into storage.
import { openDatabase } from '@/utils/store';

export const db = openDatabase();
