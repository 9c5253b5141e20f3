// The "Hide notes" switch lives in browser.storage.local (utils/messaging/screen-share-setting.ts),
// shared by the panel and the popup; the panel's frame reads and watches it from there.

export {
  SCREEN_SHARE_KEY,
  readScreenShareSafe,
  watchScreenShareSafe,
  writeScreenShareSafe,
} from '@/utils/messaging/screen-share-setting';
