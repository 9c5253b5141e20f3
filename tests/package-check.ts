// Store packages: `wxt zip` for Chrome and Firefox, then Mozilla's addons-linter on the Firefox
// package. Fails on any linter error (warnings are printed, not fatal) and when the sources zip
// Mozilla asks for carries tests, fixtures or keys.

import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUTPUT = path.join(ROOT, '.output');

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function findZip(suffix: string): string {
  const zip = readdirSync(OUTPUT).find((f) => f.endsWith(suffix));
  if (!zip) throw new Error(`no .output/*${suffix} after wxt zip`);
  return path.join(OUTPUT, zip);
}

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
}

run('npx', ['wxt', 'zip']);
run('npx', ['wxt', 'zip', '-b', 'firefox']);
const chromeZip = findZip('-chrome.zip');
const firefoxZip = findZip('-firefox.zip');
const sourcesZip = findZip('-sources.zip');

const sources = execFileSync('unzip', ['-Z1', sourcesZip], { encoding: 'utf8' }).split('\n');
const leaked = sources.filter((f) =>
  /^(tests|\.ci|\.demo-output|\.bench-output)\/|\.pem$|\.key$/.test(f),
);
if (leaked.length > 0)
  throw new Error(`sources zip carries files it must not:\n${leaked.join('\n')}`);

// addons-linter exits non-zero on errors; read its JSON either way.
const lint = spawnSync('npx', ['addons-linter', '--output', 'json', firefoxZip], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 32 * 1024 * 1024,
});
const report = JSON.parse(lint.stdout) as {
  summary: { errors: number; warnings: number; notices: number };
  errors: LinterMessage[];
  warnings: LinterMessage[];
};
for (const w of report.warnings)
  console.log(`addons-linter warning ${w.code} ${w.file ?? ''}: ${w.message}`);
for (const e of report.errors)
  console.log(`addons-linter ERROR ${e.code} ${e.file ?? ''}: ${e.message}`);
console.log(
  `packages: ${path.basename(chromeZip)}, ${path.basename(firefoxZip)}, ${path.basename(sourcesZip)} (${sources.filter(Boolean).length} source files); ` +
    `addons-linter: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`,
);
if (report.summary.errors > 0) process.exit(1);
