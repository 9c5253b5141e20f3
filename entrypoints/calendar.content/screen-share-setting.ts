// The screen-share-safe switch, shared with the popup (utils/messaging/screen-share-setting.ts),
// and the panel's keyboard shortcut for it.

export {
  SCREEN_SHARE_KEY,
  readScreenShareSafe,
  watchScreenShareSafe,
  writeScreenShareSafe,
} from '@/utils/messaging/screen-share-setting';

/** Alt+Shift+B, whatever the keyboard layout makes of the key (code, not key). */
export function isScreenShareShortcut(event: KeyboardEvent): boolean {
  return (
    event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyB'
  );
}
