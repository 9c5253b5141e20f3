// Shown when the extension may not read Google Calendar (Firefox leaves that to the user for MV3
// extensions): what is missing, and a button that asks the browser. After the grant, what is
// left to do: reload the Calendar tabs that were open before (their pages have no content
// script yet). Nothing is shown while access is granted or being checked.

import { t } from '@/components/i18n';
import { useState } from 'preact/hooks';
import { ActionError } from './action-error';
import type { AccessActions, CalendarAccess } from './popup-data';
import { useActionRunner } from './use-action-runner';

export function CalendarAccessNotice({
  access,
  actions,
}: {
  access: CalendarAccess;
  actions: AccessActions;
}) {
  const { error, run } = useActionRunner();
  const [declined, setDeclined] = useState(false);
  if (access === 'checking' || access === 'granted') return null;
  if (access === 'granted-now') {
    return (
      <p role="status" class="cbc-notice">
        {t('popupAccessGranted')}
      </p>
    );
  }
  return (
    <section class="cbc-notice" aria-labelledby="cbc-access-heading">
      <h2 id="cbc-access-heading">{t('popupAccessHeading')}</h2>
      <p>{t('popupAccessMissing')}</p>
      <button
        type="button"
        // The browser asks only while it handles this click: no await before the request.
        onClick={() => void run(async () => setDeclined(!(await actions.requestCalendarAccess())))}
      >
        {t('popupAccessAllow')}
      </button>
      {declined && <p role="status">{t('popupAccessDeclined')}</p>}
      <ActionError error={error} />
    </section>
  );
}
