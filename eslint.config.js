import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

// Page and user text must never become markup: no innerHTML/outerHTML/insertAdjacentHTML/
// document.write and no dangerouslySetInnerHTML anywhere in shipped code (the hardening issue's
// lint check). Test fixtures build Google's markup from our own static strings and may use it.
const noMarkupFromText = {
  plugins: { 'no-unsanitized': noUnsanitized },
  rules: {
    'no-unsanitized/method': 'error',
    'no-unsanitized/property': 'error',
    'no-restricted-properties': [
      'error',
      { property: 'innerHTML', message: 'Render text with textContent or Preact.' },
      { property: 'outerHTML', message: 'Render text with textContent or Preact.' },
      { property: 'insertAdjacentHTML', message: 'Render text with textContent or Preact.' },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
        message: 'No dangerouslySetInnerHTML: user and page text render as text.',
      },
    ],
  },
};

// The seams of CONTRIBUTING.md ("The seams"), enforced here rather than by review. Each entry is
// a set of files and the modules they must not import; tests/unit/lint/seams.test.ts lints the
// deliberate violations under tests/lint-fixtures/ and expects each rule to fire. Type-only
// imports are allowed: they vanish from the build.
const STORAGE = [
  { group: ['dexie', 'dexie/*'], message: 'Storage lives in utils/store/, behind the background.' },
  {
    group: [
      '@/utils/store',
      '@/utils/store/*',
      '**/utils/store',
      '**/utils/store/*',
      '../store',
      '../store/*',
    ],
    message: 'Storage lives in utils/store/, behind the background.',
    allowTypeImports: true,
  },
  {
    group: ['wxt/utils/storage'],
    message: 'Storage lives in utils/store/, behind the background.',
  },
];
const UI = [
  {
    group: ['preact', 'preact/*', '@preact/*', '@/components/*', '**/components/*'],
    message: 'The calendar adapter turns the page into plain values; it draws nothing.',
    allowTypeImports: true,
  },
];
const BROWSER_APIS = [
  {
    group: ['wxt/browser', 'webextension-polyfill', '@wxt-dev/webextension-polyfill*'],
    message: 'Components get data and actions as props; the entrypoint wires browser APIs.',
  },
];
const SELECTORS = [
  {
    group: ['@/utils/calendar/selectors', '**/calendar/selectors', '@/utils/calendar/*'],
    message:
      "Components never see Google's markup: they render plain values (type imports of utils/calendar/types are fine).",
    allowTypeImports: true,
  },
];

function forbidImports(files, patterns, { globals = [] } = {}) {
  return {
    files,
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
      ...(globals.length > 0 ? { 'no-restricted-globals': ['error', ...globals] } : {}),
    },
  };
}

const BROWSER_GLOBALS = [
  { name: 'browser', message: 'Components get data and actions as props.' },
  { name: 'chrome', message: 'Components get data and actions as props.' },
];
const INDEXED_DB_GLOBALS = [
  { name: 'indexedDB', message: "In Calendar's page IndexedDB is calendar.google.com's storage." },
];

const seams = [
  // The vocabulary at the bottom: every layer imports it, it imports nobody (type-only imports
  // included: its words are its own).
  {
    files: ['utils/domain/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(?!\./)`,
              message: 'utils/domain/ imports from nobody: the other layers import from it.',
            },
          ],
        },
      ],
    },
  },
  // The adapter knows Google's markup and nothing else: no storage, no UI.
  forbidImports(['utils/calendar/**'], [...STORAGE, ...UI], { globals: INDEXED_DB_GLOBALS }),
  // Components render props: no browser APIs, no selectors.
  forbidImports(['components/**'], [...BROWSER_APIS, ...SELECTORS], { globals: BROWSER_GLOBALS }),
  // The content script runs in Calendar's page: nothing that opens IndexedDB, directly or
  // through the messaging modules it shares with extension pages.
  forbidImports(
    [
      'entrypoints/calendar.content/**',
      'utils/messaging/client.ts',
      'utils/messaging/panel-channel.ts',
      'utils/messaging/protocol.ts',
    ],
    STORAGE,
    { globals: INDEXED_DB_GLOBALS },
  ),
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      '.demo-output/**',
      '.bench-output/**',
      '.e2e-output/**',
      // Deliberate violations, linted by tests/unit/lint/seams.test.ts under their mirrored paths.
      'tests/lint-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-undef': 'off',
    },
  },
  { files: ['entrypoints/**', 'components/**', 'utils/**'], ...noMarkupFromText },
  ...seams,
);
