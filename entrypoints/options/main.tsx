// Options page, opened in a tab: the popup's views with more room. Only wiring (STYLE.md
// "Entrypoints only wire").

import { render } from 'preact';
import { ConnectedPopup } from '@/components/popup/model/connected-popup';
import { downloadBlob } from '@/components/popup/model/download-blob';
import { sendRequest } from '@/utils/messaging/client';
import { openDatabase } from '@/utils/store';

render(
  <ConnectedPopup
    layout="page"
    db={openDatabase()}
    send={sendRequest}
    download={downloadBlob}
    storage={navigator.storage}
  />,
  document.getElementById('app')!,
);
