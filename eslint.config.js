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

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      '.demo-output/**',
      '.bench-output/**',
      '.e2e-output/**',
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
);
