// Toolbar popup: only wiring (CONTRIBUTING.md, "Entrypoints only wire").

import '@/components/design/tokens.css';
import '@/components/design/skeleton.css';
import { startPopupPage } from './start-popup-page';

void startPopupPage('popup', document.getElementById('app')!);
