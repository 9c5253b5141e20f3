import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Every entrypoint imports what it uses explicitly (no auto-imports): the seams between
// utils/calendar, utils/store and utils/messaging stay visible in the import lines.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // The store listing's name and description, in the browser's language (public/_locales/).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    host_permissions: ['https://calendar.google.com/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    // The side panel is an extension page framed on Calendar (entrypoints/panel/): only Calendar
    // may frame it. Chrome serves it under a per-session URL (use_dynamic_url), so other sites
    // cannot probe for the extension by a fixed address; Firefox ignores the key.
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        matches: ['https://calendar.google.com/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'craft-beyond-code@craftbeyondcode.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : // MV3 with promise-returning APIs throughout; use_dynamic_url takes effect from 130.
        { minimum_chrome_version: '105' }),
  }),
  zip: {
    // The sources zip Mozilla asks for: code and config only, never test keys or fixtures.
    excludeSources: [
      'tests/**',
      '.ci/**',
      '.demo-output/**',
      '.bench-output/**',
      '.e2e-output/**',
      '*.md',
    ],
  },
});
