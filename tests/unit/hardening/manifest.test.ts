// Permissions and packaging, checked on what ships: the BUILT manifests and files in
// .output/chrome-mv3 and .output/firefox-mv3 (built here first when missing). Only `storage`,
// only Calendar's host, content script on Calendar only, no remote code, a strict CSP, nothing
// web-accessible, a Firefox id that declares no data collection.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(process.cwd());
const TARGETS = {
  chrome: { dir: join(ROOT, '.output/chrome-mv3'), build: ['wxt', 'build'] },
  firefox: { dir: join(ROOT, '.output/firefox-mv3'), build: ['wxt', 'build', '-b', 'firefox'] },
} as const;
type Target = keyof typeof TARGETS;

const CALENDAR = 'https://calendar.google.com/*';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; exclude_matches?: string[]; js?: string[] }>;
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  background?: { service_worker?: string; scripts?: string[] };
  minimum_chrome_version?: string;
  browser_specific_settings?: {
    gecko?: { id?: string; data_collection_permissions?: { required?: string[] } };
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const manifests = {} as Record<Target, Manifest>;

beforeAll(() => {
  for (const [target, { dir, build }] of Object.entries(TARGETS) as Array<
    [Target, (typeof TARGETS)[Target]]
  >) {
    if (!existsSync(join(dir, 'manifest.json'))) {
      execFileSync('npx', build, { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
    }
    manifests[target] = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  }
}, 300_000);

describe.each(Object.keys(TARGETS) as Target[])('the built %s extension', (target) => {
  const dir = TARGETS[target].dir;
  const manifest = () => manifests[target];

  it('asks for storage only, and for Calendar’s host only', () => {
    expect(manifest().manifest_version).toBe(3);
    expect(manifest().permissions).toEqual(['storage']);
    expect(manifest().host_permissions).toEqual([CALENDAR]);
    expect(manifest().optional_permissions ?? []).toEqual([]);
    expect(manifest().optional_host_permissions ?? []).toEqual([]);
  });

  it('injects its content script on Calendar only', () => {
    const scripts = manifest().content_scripts ?? [];
    expect(scripts.length).toBe(1);
    expect(scripts[0]!.matches).toEqual([CALENDAR]);
  });

  it('exposes only the panel’s page, to Calendar only, and nothing to other extensions', () => {
    const exposed = (manifest().web_accessible_resources ?? []) as Array<{
      resources: string[];
      matches: string[];
      use_dynamic_url?: boolean;
    }>;
    expect(exposed.map(({ resources, matches }) => ({ resources, matches }))).toEqual([
      { resources: ['panel.html'], matches: [CALENDAR] },
    ]);
    // Chrome serves it under a per-session URL (no fixed address to probe); Firefox has no such key.
    expect(exposed[0]!.use_dynamic_url).toBe(target === 'chrome' ? true : undefined);
    expect(manifest().externally_connectable).toBeUndefined();
  });

  it('has a strict CSP for its pages: scripts from the package only', () => {
    const csp = manifest().content_security_policy?.extension_pages ?? '';
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map((parts) => [parts[0]!, parts.slice(1)]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
  });

  it('loads no remote script from its HTML pages', () => {
    const pages = filesUnder(dir).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const sources = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)].map(
        (match) => match[1]!,
      );
      expect(sources.length, relative(dir, page)).toBeGreaterThan(0);
      for (const source of sources) expect(source, relative(dir, page)).toMatch(/^\/(?!\/)/);
      // No inline script either (the CSP would block it; none should be shipped).
      expect(html, relative(dir, page)).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i);
      expect(html).not.toMatch(/<link\b[^>]*href\s*=\s*["']?(https?:)?\/\//i);
    }
  });

  it('runs no string as code: no eval() or new Function in any built script', () => {
    const scripts = filesUnder(dir).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const script of scripts) {
      const code = readFileSync(script, 'utf8');
      const name = relative(dir, script);
      expect(code, name).not.toMatch(/\bnew\s+Function\s*\(|[^.\w$]Function\s*\(\s*["'`]/);
      expect(code, name).not.toMatch(/(?<![.\w$])eval\s*\(/);
      expect(code, name).not.toMatch(/set(?:Timeout|Interval)\s*\(\s*["'`]/);
      expect(code, name).not.toMatch(/\bimport\s*\(\s*["'`]https?:/);
      // The only `eval` token is a key of webextension-polyfill's API table
      // (devtools.inspectedWindow.eval: {minArgs, maxArgs}), data describing an API, never called.
      for (const match of code.matchAll(/\beval\b/g)) {
        expect(code.slice(match.index, match.index + 20), name).toBe('eval:{minArgs:1,maxA');
      }
    }
  });

  it('writes markup only in Preact’s dangerouslySetInnerHTML branch, which no source uses', () => {
    // addons-linter warns (UNSAFE_VAR_ASSIGNMENT) about this one assignment in the bundled Preact.
    for (const script of filesUnder(dir).filter((file) => file.endsWith('.js'))) {
      const code = readFileSync(script, 'utf8');
      for (const match of code.matchAll(/\.(innerHTML|outerHTML)\s*=(?!=)|insertAdjacentHTML\(/g)) {
        expect(code.slice(match.index - 1, match.index + 25), relative(dir, script)).toMatch(
          /^\w\.innerHTML=\w\.__html/,
        );
      }
    }
    const sources = ['components', 'entrypoints', 'utils'].flatMap((folder) =>
      filesUnder(join(ROOT, folder)).filter(
        (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file),
      ),
    );
    expect(sources.length).toBeGreaterThan(20);
    for (const file of sources) {
      expect(readFileSync(file, 'utf8'), relative(ROOT, file)).not.toMatch(
        /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/,
      );
    }
  });

  it('ships only its own files: manifest, scripts, pages, styles, icons', () => {
    for (const file of filesUnder(dir)) {
      expect(relative(dir, file)).toMatch(/\.(json|js|html|css|png)$/);
    }
  });
});

describe('Firefox specifics', () => {
  it('has a fixed add-on id and declares that it collects no data', () => {
    const gecko = manifests.firefox.browser_specific_settings?.gecko;
    expect(gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('is not set for Chrome, which would warn about an unknown key', () => {
    expect(manifests.chrome.browser_specific_settings).toBeUndefined();
  });
});

describe('Chrome specifics', () => {
  it('asks for a Chrome 105 or newer (MV3 with promise-returning APIs)', () => {
    expect(manifests.chrome.minimum_chrome_version).toBe('105');
    expect(manifests.firefox.minimum_chrome_version).toBeUndefined();
  });
});
