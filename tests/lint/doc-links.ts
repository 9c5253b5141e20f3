// Part of `npm run lint`: every relative link in the repository's Markdown files must name a
// file or folder that exists. Links to the web (http:, https:, mailto:) and in-page anchors are
// not followed. Prints each broken link as `file:line: target` and exits 1 if there is one.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.output', '.wxt']);

export function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) {
          walk(join(folder, entry.name));
        }
      } else if (entry.name.endsWith('.md')) {
        found.push(join(folder, entry.name));
      }
    }
  };
  walk(root);
  return found.sort();
}

/** Inline links and images `[text](target "title")` and reference definitions `[id]: target`. */
const INLINE_LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/;

function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//');
}

export interface BrokenLink {
  file: string;
  line: number;
  target: string;
}

/** `root` is the repository: a link starting with `/` is read from there, as GitHub does. */
export function brokenLinks(file: string, text: string, root: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  let inFence = false;
  text.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    // Code spans are examples, not links.
    const prose = line.replace(/`[^`]*`/g, '');
    const targets = [...prose.matchAll(INLINE_LINK)].map((match) => match[1]!);
    const definition = REFERENCE_DEFINITION.exec(prose);
    if (definition) targets.push(definition[1]!);
    for (const target of targets) {
      if (isExternal(target)) continue;
      const path = decodeURIComponent(target.split('#')[0]!.split('?')[0]!);
      if (path === '') continue;
      const resolved = path.startsWith('/') ? join(root, path) : resolve(dirname(file), path);
      if (!existsSync(resolved)) broken.push({ file, line: index + 1, target });
    }
  });
  return broken;
}

function main(): void {
  const root = process.cwd();
  const broken = markdownFiles(root).flatMap((file) =>
    brokenLinks(file, readFileSync(file, 'utf8'), root),
  );
  for (const link of broken) {
    console.error(`${relative(root, link.file)}:${link.line}: no such file: ${link.target}`);
  }
  if (broken.length > 0) {
    console.error(`${broken.length} broken relative link(s) in Markdown files.`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
