// Options page, opened in a tab: the popup's views with more room. Only wiring (STYLE.md
// "Entrypoints only wire").

import { mountPopupPage } from '@/components/popup/model/mount-popup-page';

mountPopupPage('page', document.getElementById('app')!);
