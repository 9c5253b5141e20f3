// Violation: the content script opens IndexedDB directly.
export const request = indexedDB.open('notes');
