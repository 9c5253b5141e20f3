// Raw and gzip size of every file the built extension ships as code (.js, .css, .html), and
// the content script's total gzip size against its budget. The content script is what every
// calendar.google.com tab downloads and parses, so it is the one with a budget.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS } from './budgets';
import { formatBytes, NotMeasurable, row, type BenchRow } from './bench-row';

export interface ShippedFile {
  path: string;
  raw: number;
  gzip: number;
}

const SECTION = 'Bundle';

function codeFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return codeFilesUnder(path);
    return /\.(js|css|html)$/.test(name) ? [path] : [];
  });
}

export function measureShippedFiles(outputDir: string): ShippedFile[] {
  return codeFilesUnder(outputDir)
    .map((path) => {
      const bytes = readFileSync(path);
      // Level 9: what a store's CDN or a zip would achieve at best; the budget is written for it.
      return {
        path: relative(outputDir, path),
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Files the manifest injects into calendar.google.com (js and css of every content script). */
export function contentScriptFiles(outputDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(outputDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  return (manifest.content_scripts ?? []).flatMap((script) => [
    ...(script.js ?? []),
    ...(script.css ?? []),
  ]);
}

export function bundleRows(outputDir: string): BenchRow[] {
  const files = measureShippedFiles(outputDir);
  const rows = files.map((file) =>
    row(SECTION, file.path, `${formatBytes(file.raw)} raw, ${formatBytes(file.gzip)} gzip`),
  );
  const injected = contentScriptFiles(outputDir);
  if (injected.length === 0) {
    throw new NotMeasurable('the built manifest declares no content script yet');
  }
  const injectedFiles = files.filter((file) => injected.includes(file.path));
  const missing = injected.filter((path) => !files.some((file) => file.path === path));
  if (missing.length > 0) throw new Error(`manifest lists missing files: ${missing.join(', ')}`);
  const gzip = injectedFiles.reduce((sum, file) => sum + file.gzip, 0);
  const raw = injectedFiles.reduce((sum, file) => sum + file.raw, 0);
  rows.push(
    row(
      SECTION,
      'content script total (injected into Calendar)',
      `${formatBytes(raw)} raw, ${formatBytes(gzip)} gzip`,
      BUDGETS.contentScriptGzip,
      gzip,
    ),
  );
  return rows;
}
