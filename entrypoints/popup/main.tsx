// Toolbar popup: only wiring (STYLE.md "Entrypoints only wire").

import { render } from 'preact';
import { ConnectedPopup } from '@/components/popup/model/connected-popup';
import { downloadBlob } from '@/components/popup/model/download-blob';
import { sendRequest } from '@/utils/messaging/client';
import { openDatabase } from '@/utils/store';

const db = openDatabase();
// Opening IndexedDB takes a while on a cold start: begin now, while the first render is built. A
// failure is not lost: the first read fails the same way and the page shows it.
db.open().catch(() => undefined);

render(
  <ConnectedPopup
    layout="popup"
    db={db}
    send={sendRequest}
    download={downloadBlob}
    storage={navigator.storage}
  />,
  document.getElementById('app')!,
);
