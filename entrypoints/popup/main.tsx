// Toolbar popup: only wiring (STYLE.md "Entrypoints only wire").

import { mountPopupPage } from '@/components/popup/model/mount-popup-page';

mountPopupPage('popup', document.getElementById('app')!);
