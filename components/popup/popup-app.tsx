// The popup (and the options page, with more room): a nav to every section, each section a
// region named by its heading. Views only read `data` and call `actions`.

import { t, type MessageKey } from '@/components/i18n';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BackupSection } from './backup-section';
import { CalendarAccessNotice } from './calendar-access';
import { FollowUpsSection } from './follow-ups-section';
import { PeopleSection, type FocusRequest } from './people-section';
import type { PopupActions, PopupData } from './popup-data';
import { ProjectsSection } from './projects-section';
import { SearchSection } from './search-section';
import '@/components/design/tokens.css';
import '@/components/design/skeleton.css';
import '@/components/design/controls.css';
import './popup.css';

const SECTIONS = [
  { id: 'follow-ups', title: 'popupFollowUps' },
  { id: 'people', title: 'popupPeople' },
  { id: 'projects', title: 'popupProjects' },
  { id: 'search', title: 'popupSearch' },
  { id: 'backup', title: 'popupBackup' },
] as const satisfies ReadonlyArray<{ id: string; title: MessageKey }>;

export function PopupApp({
  data,
  actions,
  layout = 'popup',
  loadError = null,
}: {
  data: PopupData;
  actions: PopupActions;
  /** 'popup': the toolbar popup's narrow column; 'page': the options tab. */
  layout?: 'popup' | 'page';
  /** Why the data could not be read, if it could not. */
  loadError?: string | null;
}) {
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const names = useMemo(() => {
    const byEmail = new Map<string, string>();
    for (const person of data.directory ?? []) byEmail.set(person.email, person.name);
    return byEmail;
  }, [data.directory]);
  const nameOf = useCallback((email: string) => names.get(email) || email, [names]);
  useSectionFromHash(
    data.followUps !== undefined && data.people !== undefined && data.projects !== undefined,
  );

  return (
    <div class={`cbc-app cbc-layout-${layout}${data.screenShareSafe ? ' cbc-safe' : ''}`}>
      <header class="cbc-header">
        <h1>{t('appName')}</h1>
        <button
          type="button"
          class="cbc-hide-notes"
          aria-pressed={data.screenShareSafe}
          title={t('popupHideNotesTitle')}
          onClick={() => void actions.toggleScreenShareSafe()}
        >
          {t('commonHideNotes')}
        </button>
        <nav aria-label={t('popupSections')}>
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{t(section.title)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="cbc-main">
        {loadError !== null && (
          <p role="alert" class="cbc-error">
            {t('popupLoadError', { error: loadError })}
          </p>
        )}
        <CalendarAccessNotice access={data.calendarAccess} actions={actions} />
        <FollowUpsSection
          items={data.followUps}
          preview={data.followUpsPreview}
          today={data.today}
          nameOf={nameOf}
          actions={actions}
          onShowPerson={(email) => setFocusRequest({ email })}
        />
        <PeopleSection
          people={data.people}
          directory={data.directory}
          actions={actions}
          focusRequest={focusRequest}
        />
        <ProjectsSection
          projects={data.projects}
          directory={data.directory}
          nameOf={nameOf}
          allocation={data.allocation}
          actions={actions}
        />
        <SearchSection actions={actions} onShowPerson={(email) => setFocusRequest({ email })} />
        <BackupSection storage={data.storage} actions={actions} />
      </main>
    </div>
  );
}

/**
 * A page opened at #backup (the welcome page's "Import a backup") or another section's id goes
 * there once the lists above it are loaded (earlier, their growth would push it away): the
 * section's heading is scrolled to and focused.
 */
function useSectionFromHash(loaded: boolean) {
  const wanted = useRef(
    typeof location === 'undefined' ? '' : decodeURIComponent(location.hash.slice(1)),
  );
  useEffect(() => {
    if (!loaded || !SECTIONS.some((section) => section.id === wanted.current)) return;
    const heading = document.getElementById(`${wanted.current}-heading`);
    wanted.current = '';
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }, [loaded]);
}
