// Toolbar popup: only wiring (STYLE.md "Entrypoints only wire").

import '@/components/design/tokens.css';
import '@/components/design/skeleton.css';
import { startPopupPage } from '@/components/popup/model/start-popup-page';

void startPopupPage('popup', document.getElementById('app')!);
