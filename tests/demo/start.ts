// `npm start`: build the extension and show it on the offline demo calendar with demo data.
// With a display (DISPLAY set, not CI) the browser opens headed and stays open until closed.
// Without one, a headless walk-through saves its screenshots where the README shows them from
// (tests/demo/screenshots/: walkthrough.ts), so this is the one command that refreshes them, and
// ends with a sentence saying what it ran and where they are.
//
// Flags: --no-build (use the existing .output/chrome-mv3), --headless (never open a window).

import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  REPO_ROOT,
  demoWeekUrl,
  expandPanel,
  launchExtension,
  openDemoCalendar,
  openEventPopover,
  openOneOnOne,
  openPopup,
  openSection,
  panelOf,
  routeDemoCalendar,
  seedDemoData,
} from '../e2e/harness';
import { generateDemoData } from './demo-data';
import {
  headlessReason,
  SCREENSHOT_DIR,
  walkthroughSummary,
  type ScreenshotFile,
} from './walkthrough';

const OUTPUT_DIR = path.join(REPO_ROOT, SCREENSHOT_DIR);
const DAY_MS = 24 * 60 * 60 * 1000;
const args = new Set(process.argv.slice(2));
const reason = headlessReason(args, process.env);
const headed = reason === null;

function build(): void {
  console.log('Building the extension (wxt build)…');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}

async function waitForPanel(
  page: Page,
  what: string,
  name: string | RegExp = /^1:1 with/,
): Promise<boolean> {
  try {
    await panelOf(page, name).waitFor({ timeout: 10_000 });
    // Let the panel paint its data (it is filled from the background after it mounts).
    await page.waitForTimeout(400);
    return true;
  } catch {
    console.warn(`  ! No side panel appeared for ${what} (is the content script built?).`);
    return false;
  }
}

async function main(): Promise<void> {
  if (!args.has('--no-build')) build();
  const demo = generateDemoData({ now: Date.now() });
  const extension = await launchExtension({
    headless: !headed,
    viewport: headed ? null : { width: 1440, height: 900 },
    // The first-run page stays open, as after a real install (and is photographed headless).
    keepWelcomePage: true,
  });
  const { context, extensionId } = extension;
  await routeDemoCalendar(context, { demo });
  try {
    await seedDemoData(context, extensionId, demo.backup);
  } catch (error) {
    console.warn(`  ! ${(error as Error).message}`);
  }

  if (headed) {
    const page = await openDemoCalendar(context, demo);
    await page.bringToFront();
    console.log(`Demo calendar open at ${demoWeekUrl(demo)} (append ?theme=dark for dark).`);
    console.log(`Signed in as ${demo.user.email}. This week's 1:1s:`);
    for (const o of demo.oneOnOnes) {
      console.log(`  ${new Date(o.start).toLocaleString()}  ${o.title} (${o.person.email})`);
    }
    console.log('The toolbar popup: click the extension icon, or open');
    console.log(`  chrome-extension://${extensionId}/popup.html`);
    console.log('Close the browser window to end the demo.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    await extension.close().catch(() => undefined);
    return;
  }

  await mkdir(OUTPUT_DIR, { recursive: true });
  const shots: string[] = [];
  const shoot = async (page: Page, name: ScreenshotFile) => {
    const file = path.join(OUTPUT_DIR, name);
    await page.screenshot({ path: file });
    shots.push(file);
  };

  try {
    if (extension.welcomePage) {
      await extension.welcomePage.setViewportSize({ width: 1024, height: 700 });
      await shoot(extension.welcomePage, '08-welcome.png');
      await extension.welcomePage.close();
    }
    const page = await openDemoCalendar(context, demo);
    await shoot(page, '01-week.png');

    const alex = demo.oneOnOnes.find((o) => o.person.name === 'Alex Rivera')!;
    await openOneOnOne(page, alex);
    await waitForPanel(page, alex.title);
    await shoot(page, '02-one-on-one-panel.png');

    await openEventPopover(page, demo.groupMeeting.eid);
    await page.locator('#xDetDlgAtt [data-email]').first().waitFor();
    await page.waitForTimeout(400);
    await shoot(page, '03-group-meeting-no-panel.png');
    await page.close();

    const dark = await openDemoCalendar(context, demo, { theme: 'dark' });
    const priya = demo.oneOnOnes.find((o) => o.person.name === 'Priya Natarajan')!;
    await openOneOnOne(dark, priya);
    await waitForPanel(dark, `${priya.title} (dark)`);
    await shoot(dark, '04-dark-theme-panel.png');
    await dark.close();

    const popup = await openPopup(context, extensionId);
    await popup.setViewportSize({ width: 460, height: 600 });
    await popup.waitForTimeout(800);
    await shoot(popup, '05-popup.png');
    // The popup shows one section at a time: its tab.
    await openSection(popup, 'People');
    await popup.waitForTimeout(300);
    await shoot(popup, '06-popup-people.png');
    await openSection(popup, 'Projects');
    await popup.waitForTimeout(300);
    await shoot(popup, '07-popup-projects.png');
    // A person's preparation: standing topics, the question bank and the feedback log.
    await openSection(popup, 'People');
    const jordanRow = popup
      .getByRole('list', { name: 'Team', exact: true })
      .getByRole('listitem')
      .filter({ has: popup.getByRole('heading', { name: 'Jordan Okafor', exact: true }) });
    await jordanRow.getByRole('button', { name: 'Prepare 1:1s with Jordan Okafor' }).click();
    const topics = jordanRow.getByRole('list', { name: 'Standing topics', exact: true });
    await topics.getByRole('listitem').first().waitFor();
    await topics.evaluate((el) => el.scrollIntoView());
    await shoot(popup, '11-popup-prepare.png');
    // The week ahead, from what Calendar showed: late in the week every one of this week's 1:1s
    // has started, and the calendar shows next week's (the same series), as a manager looking
    // ahead would open it.
    const now = Date.now();
    const ahead = demo.oneOnOnes.some((o) => o.start > now)
      ? demo
      : await routeDemoCalendar(context, { demo: generateDemoData({ now: now + 7 * DAY_MS }) });
    const coming = await openDemoCalendar(context, ahead);
    await openSection(popup, 'Week ahead');
    await popup
      .getByRole('list', { name: 'Upcoming 1:1s', exact: true })
      .getByRole('listitem')
      .first()
      .waitFor();
    // From its top: the last picture scrolled the popup down to Jordan's topics.
    await popup.evaluate(() => document.querySelector('.cbc-layout-popup')?.scrollTo(0, 0));
    await popup.waitForTimeout(300);
    await shoot(popup, '12-popup-week-ahead.png');
    await coming.close();
  } finally {
    await extension.close();
  }

  // The same demo in a German browser (the UI language follows the browser's, components/i18n).
  const german = await launchExtension({ locale: 'de', viewport: { width: 1440, height: 900 } });
  try {
    await routeDemoCalendar(german.context, { demo });
    await seedDemoData(german.context, german.extensionId, demo.backup);
    const page = await openDemoCalendar(german.context, demo);
    const alex = demo.oneOnOnes.find((o) => o.person.name === 'Alex Rivera')!;
    await openEventPopover(page, alex.eid);
    await expandPanel(page, alex.person.name, {
      landmark: `1:1 mit ${alex.person.name}`,
      tab: `1:1-Notizen mit ${alex.person.name} öffnen`,
    });
    await waitForPanel(page, `${alex.title} (German)`, /^1:1 mit/);
    await shoot(page, '09-german-panel.png');
    await page.close();
    const popup = await openPopup(german.context, german.extensionId);
    await popup.setViewportSize({ width: 460, height: 600 });
    await popup.waitForTimeout(800);
    await shoot(popup, '10-german-popup.png');
  } finally {
    await german.close();
  }
  const summary = walkthroughSummary({
    reason: reason ?? 'headless',
    built: !args.has('--no-build'),
    saved: shots.map((file) => path.basename(file)),
  });
  console.log(`\n${summary}`);
  for (const file of shots) console.log(`  ${path.relative(process.cwd(), file) || file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
