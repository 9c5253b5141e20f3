// What `npm start` does without a display: the walk-through's screenshots and the one sentence
// it ends with. The screenshots are written where the README shows them from, so one command
// (`npm start -- --headless`) refreshes the README's pictures and there is no second copy.

/** Relative to the repository root; the README's images point here. */
export const SCREENSHOT_DIR = 'tests/demo/screenshots';

/** Every screenshot of the walk-through, in the order it takes them. */
export const SCREENSHOTS = [
  { file: '01-week.png', shows: 'the demo week' },
  { file: '02-one-on-one-panel.png', shows: 'a 1:1 with its side panel' },
  { file: '03-group-meeting-no-panel.png', shows: 'a group meeting without one' },
  { file: '04-dark-theme-panel.png', shows: 'the panel in the dark theme' },
  { file: '05-popup.png', shows: 'the popup' },
  { file: '06-popup-people.png', shows: "the popup's People" },
  { file: '07-popup-projects.png', shows: "the popup's Projects" },
  { file: '08-welcome.png', shows: 'the welcome page of a first install' },
  { file: '09-german-panel.png', shows: 'the panel in a German browser' },
  { file: '10-german-popup.png', shows: 'the popup in German' },
  { file: '11-popup-prepare.png', shows: "a person's standing topics and feedback log" },
  { file: '12-popup-week-ahead.png', shows: "the popup's Week ahead" },
] as const;

export type ScreenshotFile = (typeof SCREENSHOTS)[number]['file'];

/**
 * The sentence a headless run ends with: what it ran, why there was no window, and where the
 * screenshots are.
 */
export function walkthroughSummary(options: {
  reason: string;
  /** False with --no-build (the existing .output/chrome-mv3 was used). */
  built: boolean;
  saved: readonly string[];
}): string {
  const what = SCREENSHOTS.filter((shot) => options.saved.includes(shot.file)).map(
    (shot) => shot.shows,
  );
  const list =
    what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}` : what[0];
  return (
    `No window was opened (${options.reason}), so npm start ` +
    `${options.built ? 'built the extension' : 'took the existing build'}, ran it in ` +
    `headless Chromium on the built-in demo calendar with the demo team, and saved ` +
    `${options.saved.length} screenshot${options.saved.length === 1 ? '' : 's'} of ` +
    `${list ?? 'nothing'} in ${SCREENSHOT_DIR}/, ` +
    `the pictures the README shows.`
  );
}

/** Why `npm start` runs headless, in words; null when it can open a window. */
export function headlessReason(args: ReadonlySet<string>, env: NodeJS.ProcessEnv): string | null {
  if (args.has('--headless')) return '--headless was given';
  if (env.CI) return 'CI is set';
  if (!env.DISPLAY) return 'no display: DISPLAY is not set';
  return null;
}
