// Violation: the calendar adapter opens a Dexie database of its own.
import Dexie from 'dexie';

export const db = new Dexie('calendar');
