// Temporary: the IndexedDB-only floor for three layouts, interleaved (not committed).
import { launchBenchBrowser, openExtensionPage } from './chromium-profiles';
import { currentStoreShapes, rawImportMs, storedRowsJson } from './indexeddb-floor';
import { largeBackup } from './store-in-node';

const backup = await largeBackup({ people: 500, meetings: 20000, actionItems: 100000, talkingPoints: 10000 } as never);
const browser = await launchBenchBrowser(`${process.cwd()}/.output/chrome-mv3`);
const page = await openExtensionPage(browser, 'manifest.json');
const packed = currentStoreShapes();
const noIds = packed.map((s) => ({ ...s, indexes: s.indexes.filter((i) => !i.multiEntry) }));
const flat = packed.filter((s) => !/^(doneActionItems|discussedTalkingPoints)$/.test(s.name));
const stored = storedRowsJson(backup.data).json;
const flatJson = JSON.stringify(backup.data);
const out: Record<string, number[]> = { packed: [], noIds: [], flat: [] };
for (let run = 0; run < 2; run++) {
  out.packed!.push(await rawImportMs(page, stored, packed));
  out.noIds!.push(await rawImportMs(page, stored, noIds));
  out.flat!.push(await rawImportMs(page, flatJson, flat));
  console.log(JSON.stringify(out));
}
await browser.context.close();
process.exit(0);
