// The side panel's page, shown in an <iframe> on Calendar (see utils/messaging/panel-channel.ts):
// only wiring.

import { browser } from 'wxt/browser';
import { applyPageLocale, t } from '@/components/i18n';
import { startPanelFrame } from './start-panel-frame';

applyPageLocale(browser.i18n.getUILanguage(), document);
document.title = t('panelPageTitle');
startPanelFrame(window, document.getElementById('app')!);
