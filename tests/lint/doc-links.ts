// Part of `npm run lint`: every relative link in the repository's Markdown files must name a
// file or folder that exists, and no source file or doc may mention a Markdown file the
// repository does not have (a note that lives somewhere else is no help to a reader of a clone).
// Links to the web (http:, https:, mailto:) and in-page anchors are not followed. Prints each
// problem as `file:line: …` and exits 1 if there is one.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.output', '.wxt']);
/** Where a mention of a Markdown file is looked for. */
const SOURCE_FILE = /\.(md|ts|tsx|js|html|json)$/;
/** Mentions that are not this repository's files: names the extension gives its downloads. */
const NOT_REPOSITORY_FILES = [/^1-1-notes-/];
/** Tests of this check mention missing files on purpose. */
const EXEMPT_FROM_MENTIONS = [/\.test\.tsx?$/];

function filesUnder(root: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) {
          walk(join(folder, entry.name));
        }
      } else if (keep(entry.name)) {
        found.push(join(folder, entry.name));
      }
    }
  };
  walk(root);
  return found.sort();
}

export function markdownFiles(root: string): string[] {
  return filesUnder(root, (name) => name.endsWith('.md'));
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

const MENTION = /[\w./-]*[\w-]\.md\b/g;

/**
 * Mentions of Markdown files (`docs/budgets.md`, `README.md`) that name no file of the
 * repository: outside it, not relative to the mentioning file, not from the root, and no file of that name
 * anywhere (a folder map may name a file without its folder).
 */
export function foreignMentions(
  file: string,
  text: string,
  root: string,
  markdownNames: ReadonlySet<string>,
): BrokenLink[] {
  const foreign: BrokenLink[] = [];
  text.split('\n').forEach((line, index) => {
    for (const [mention] of line.matchAll(MENTION)) {
      if (/^[a-z]+:\/\//i.test(mention) || mention.startsWith('//')) continue;
      if (NOT_REPOSITORY_FILES.some((pattern) => pattern.test(basename(mention)))) continue;
      const inRepository = (path: string) =>
        !relative(root, path).startsWith('..') && existsSync(path);
      const found =
        inRepository(resolve(dirname(file), mention)) ||
        inRepository(join(root, mention)) ||
        (!mention.includes('/') && markdownNames.has(mention));
      if (!found) foreign.push({ file, line: index + 1, target: mention });
    }
  });
  return foreign;
}

function main(): void {
  const root = process.cwd();
  const broken = markdownFiles(root).flatMap((file) =>
    brokenLinks(file, readFileSync(file, 'utf8'), root),
  );
  for (const link of broken) {
    console.error(`${relative(root, link.file)}:${link.line}: no such file: ${link.target}`);
  }
  const markdownNames = new Set(markdownFiles(root).map((file) => basename(file)));
  const foreign = filesUnder(root, (name) => SOURCE_FILE.test(name))
    .filter((file) => !EXEMPT_FROM_MENTIONS.some((pattern) => pattern.test(file)))
    .filter((file) => !file.includes(`${join(root, 'tests/fixtures')}`))
    .flatMap((file) => foreignMentions(file, readFileSync(file, 'utf8'), root, markdownNames));
  for (const mention of foreign) {
    console.error(
      `${relative(root, mention.file)}:${mention.line}: mentions ${mention.target}, which this repository does not have`,
    );
  }
  const problems = broken.length + foreign.length;
  if (problems > 0) {
    console.error(`${problems} reference(s) to Markdown files that are not in the repository.`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
