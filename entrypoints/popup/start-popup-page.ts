// The popup's and options page's first script, kept tiny: it starts opening the database
// (warmOpen) and only then loads the app (Dexie, Preact, the views), so the two waits overlap
// instead of adding up. The app's module is a separate chunk, fetched by the import below.

import { DATABASE_NAME } from '@/utils/store/database-name';
import { warmOpen } from '@/utils/store/warm-open';

type LoadApp = () => Promise<typeof import('./mount-popup-page')>;

export function startPopupPage(
  layout: 'popup' | 'page',
  root: HTMLElement,
  loadApp: LoadApp = () => import('./mount-popup-page'),
): Promise<void> {
  const release = warmOpen(DATABASE_NAME);
  return loadApp().then(
    ({ mountPopupPage }) => mountPopupPage(layout, root, { onDatabaseOpen: release }),
    (error: unknown) => {
      release();
      // Happens when the extension was updated or removed while this page was open.
      root.textContent = `Craft Beyond Code could not start (${String(error)}). Close this page and open it again.`;
    },
  );
}
