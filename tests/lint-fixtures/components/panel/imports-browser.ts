// Violation: a component calls a browser API instead of an action it was given.
import { browser } from 'wxt/browser';

export const manifest = browser.runtime.getManifest();
