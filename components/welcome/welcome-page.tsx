// What a manager sees right after installing: what the extension does, the privacy promise, and
// the three ways to start (Calendar, a backup from another browser, the keyboard). Static: it
// opens no store, so it shows at once.

import { t } from '@/components/i18n';
import { RichText } from '@/components/i18n/rich-text';
import '@/components/design/tokens.css';
import '@/components/design/controls.css';
import { PANEL_FOCUS_SHORTCUT } from '@/utils/messaging/panel-channel';
import './welcome.css';

export const CALENDAR_URL = 'https://calendar.google.com/calendar/r';
/** The options page's Backup tab, where a backup file is chosen, checked and imported. */
export const IMPORT_URL = '/options.html#backup';

function Keys({ chord }: { chord: string }) {
  const keys = chord.split('+');
  return (
    <span class="cbc-keys">
      {keys.map((key, index) => (
        <span key={key}>
          {index > 0 && '+'}
          <kbd>{key}</kbd>
        </span>
      ))}
    </span>
  );
}

export function WelcomePage() {
  return (
    <main class="cbc-welcome" aria-labelledby="cbc-welcome-title">
      <h1 id="cbc-welcome-title">{t('welcomeTitle')}</h1>
      <p class="cbc-lead">{t('welcomeLead')}</p>
      <p class="cbc-promise">
        <strong>{t('welcomePrivateStrong')}</strong> {t('welcomePrivateRest')}
      </p>
      <div class="cbc-welcome-actions">
        <a class="cbc-btn cbc-btn-primary" href={CALENDAR_URL}>
          {t('welcomeOpenCalendar')}
        </a>
        <a class="cbc-btn" href={IMPORT_URL}>
          {t('welcomeImportBackup')}
        </a>
      </div>
      <section aria-labelledby="cbc-welcome-keys" class="cbc-welcome-keys">
        <h2 id="cbc-welcome-keys">{t('welcomeKeysHeading')}</h2>
        <ul>
          <li>
            <RichText
              message="welcomeKeysPanel"
              parts={{ keys: <Keys chord={PANEL_FOCUS_SHORTCUT} />, escape: <kbd>Escape</kbd> }}
            />
          </li>
          <li>
            <RichText message="welcomeKeysHide" parts={{ keys: <Keys chord="Alt+Shift+B" /> }} />
          </li>
        </ul>
      </section>
    </main>
  );
}
