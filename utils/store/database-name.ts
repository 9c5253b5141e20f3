// The database's name, on its own so that code which must stay small (the popup's first
// script) can name the database without loading Dexie.

export const DATABASE_NAME = 'craft-beyond-code';
