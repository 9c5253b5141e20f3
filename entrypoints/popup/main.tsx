// Toolbar popup: only wiring (CONTRIBUTING.md, "Entrypoints only wire").

import { startPopupPage } from './start-popup-page';

void startPopupPage('popup', document.getElementById('app')!);
