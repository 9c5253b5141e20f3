// The first-run page, opened once when the extension is installed (entrypoints/background.ts).
// Only wiring.

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { applyPageLocale, t } from '@/components/i18n';
import { WelcomePage } from '@/components/welcome/welcome-page';

applyPageLocale(browser.i18n.getUILanguage(), document);
document.title = t('welcomeTitle');
render(<WelcomePage />, document.getElementById('app')!);
