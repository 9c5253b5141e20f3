// What a manager sees right after installing: what the extension does, the privacy promise, and
// the three ways to start (Calendar, a backup from another browser, the keyboard). Static: it
// opens no store, so it shows at once.

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
      <h1 id="cbc-welcome-title">Welcome to Craft Beyond Code</h1>
      <p class="cbc-lead">
        Open a 1:1 in Google Calendar and a panel beside the event shows your last meeting's notes,
        the open action items (yours and theirs) and the talking points you saved for today. The
        toolbar button keeps your projects, your team and every follow-up.
      </p>
      <p class="cbc-promise">
        <strong>Private by design:</strong> everything you write stays in this browser, with no
        account and no server, and leaves it only when you export a backup.
      </p>
      <div class="cbc-welcome-actions">
        <a class="cbc-btn cbc-btn-primary" href={CALENDAR_URL}>
          Open Google Calendar
        </a>
        <a class="cbc-btn" href={IMPORT_URL}>
          Import a backup
        </a>
      </div>
      <section aria-labelledby="cbc-welcome-keys" class="cbc-welcome-keys">
        <h2 id="cbc-welcome-keys">From the keyboard</h2>
        <ul>
          <li>
            <Keys chord={PANEL_FOCUS_SHORTCUT} /> in a 1:1's event details moves to your notes;{' '}
            <kbd>Escape</kbd> takes you back to Calendar.
          </li>
          <li>
            <Keys chord="Alt+Shift+B" /> hides your notes while you share your screen.
          </li>
        </ul>
      </section>
    </main>
  );
}
