// The small "Treat as 1:1" control on events the classifier did not take for a 1:1: the user
// picks the other person among the guests (or types an address when no guest list is shown).

import type { Counterpart } from '@/utils/domain/records';
import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { OverrideActions, OverrideView } from './panel-view';

const emailPattern = /^[^\s@]+@[^\s@]+$/;

export function OverrideControl(props: { view: OverrideView; actions: OverrideActions }) {
  const { candidates } = props.view;
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState(candidates[0]?.email ?? '');
  // Guests stream in after the popover opens: offer the first one unless the user chose.
  const offered = candidates.some((guest) => guest.email === choice);
  if (candidates.length > 0 && !offered && choice === '') setChoice(candidates[0]!.email);

  function confirm(event: Event) {
    event.preventDefault();
    const email = choice.trim().toLowerCase();
    if (!emailPattern.test(email)) return;
    const person: Counterpart = candidates.find((guest) => guest.email === email) ?? {
      email,
      name: '',
    };
    props.actions.treatAsOneOnOne(person);
  }

  return (
    <div class={`cbc-override cbc-${props.view.theme}`} role="group" aria-label={t('appName')}>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('panelTreatAsOneOnOne')}
        </button>
      ) : (
        <form class="cbc-row" onSubmit={confirm}>
          {candidates.length > 0 ? (
            <select
              aria-label={t('panelOneOnOneWithPick')}
              value={choice}
              onChange={(event) => setChoice(event.currentTarget.value)}
            >
              {candidates.map((guest) => (
                <option key={guest.email} value={guest.email}>
                  {guest.name ? `${guest.name} (${guest.email})` : guest.email}
                </option>
              ))}
            </select>
          ) : (
            <input
              type="email"
              aria-label={t('panelOneOnOneWithEmail')}
              value={choice}
              onInput={(event) => setChoice(event.currentTarget.value)}
            />
          )}
          <button type="submit">{t('panelTreatAsOneOnOne')}</button>
          <button type="button" class="cbc-link" onClick={() => setOpen(false)}>
            {t('commonCancel')}
          </button>
        </form>
      )}
    </div>
  );
}
