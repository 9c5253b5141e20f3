// The side panel's page, shown in an <iframe> on Calendar (see utils/messaging/panel-channel.ts):
// only wiring.

import { startPanelFrame } from './start-panel-frame';

startPanelFrame(window, document.getElementById('app')!);
