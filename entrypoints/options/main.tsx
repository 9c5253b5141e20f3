// Options page, opened in a tab: the popup's views with more room. Only wiring
// (CONTRIBUTING.md, "Entrypoints only wire").

import '@/components/design/tokens.css';
import '@/components/design/skeleton.css';
import { startPopupPage } from '@/entrypoints/popup/start-popup-page';

void startPopupPage('page', document.getElementById('app')!);
