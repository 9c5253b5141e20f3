// Violation: a component reaches the browser API through the global.
export const id = browser.runtime.id;
