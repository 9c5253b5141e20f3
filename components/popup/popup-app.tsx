// The popup (and the options page, with more room). In the popup the sections are tabs, one
// shown at a time: a 460 px column cannot show two of them, and a long page made the manager
// scroll past Follow-ups to reach People. The options page keeps every section on one page with
// a nav to each: on a full tab the manager scans follow-ups beside the team, and the browser's
// find-in-page reaches everything. Either way each section is a region named by its heading.
// Views only read `data` and call `actions`.

import { Fragment, type ComponentChildren } from 'preact';
import { t, type MessageKey } from '@/components/i18n';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BackupSection } from './backup-section';
import { CalendarAccessNotice } from './calendar-access';
import { FollowUpsSection, type FollowUpFocus } from './follow-ups-section';
import { PeopleSection, type FocusRequest } from './people-section';
import type { PopupActions, PopupData } from './popup-data';
import { ProjectsSection, type ProjectFocus } from './projects-section';
import { TabList, TabPanels, type TabDefinition } from './popup-tabs';
import type { SearchJump } from './search-jump';
import { SearchSection } from './search-section';
import { WeekAheadSection } from './week-ahead-section';
import '@/components/design/tokens.css';
import '@/components/design/skeleton.css';
import '@/components/design/controls.css';
import './popup.css';

// In order; a new section is one more entry here and one more `render` below.
const SECTIONS = [
  { id: 'follow-ups', title: 'popupFollowUps' },
  { id: 'people', title: 'popupPeople' },
  { id: 'week-ahead', title: 'popupWeekAhead' },
  { id: 'projects', title: 'popupProjects' },
  { id: 'search', title: 'popupSearch' },
  { id: 'backup', title: 'popupBackup' },
] as const satisfies ReadonlyArray<{ id: string; title: MessageKey }>;
type SectionId = (typeof SECTIONS)[number]['id'];

const isSectionId = (id: string | null | undefined): id is SectionId =>
  SECTIONS.some((section) => section.id === id);

/** Where the popup keeps its selected tab between openings (wired by the entrypoint). */
export interface TabMemory {
  read: () => string | null;
  write: (id: string) => void;
}

function sectionFromHash(): string {
  return typeof location === 'undefined' ? '' : decodeURIComponent(location.hash.slice(1));
}

export function PopupApp({
  data,
  actions,
  layout = 'popup',
  loadError = null,
  tabMemory,
}: {
  data: PopupData;
  actions: PopupActions;
  /** 'popup': the toolbar popup's narrow column; 'page': the options tab. */
  layout?: 'popup' | 'page';
  /** Why the data could not be read, if it could not. */
  loadError?: string | null;
  /** The popup's remembered tab; without it every opening starts on Follow-ups. */
  tabMemory?: TabMemory;
}) {
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [followUpFocus, setFollowUpFocus] = useState<FollowUpFocus | null>(null);
  const [projectFocus, setProjectFocus] = useState<ProjectFocus | null>(null);
  const [selected, setSelected] = useState<SectionId>(() => {
    const fromHash = sectionFromHash();
    if (isSectionId(fromHash)) return fromHash;
    const remembered = tabMemory?.read();
    return isSectionId(remembered) ? remembered : 'follow-ups';
  });
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set([selected]));
  const select = useCallback(
    (id: string) => {
      if (!isSectionId(id)) return;
      setSelected(id);
      setShown((before) => (before.has(id) ? before : new Set([...before, id])));
      tabMemory?.write(id);
    },
    [tabMemory],
  );
  const showPerson = useCallback(
    (email: string) => {
      select('people');
      setFocusRequest({ email });
    },
    [select],
  );
  // A search result's target: a new request object per jump, handled once where it lands.
  const jump = useCallback(
    (target: SearchJump) => {
      if (target.to === 'followUp') {
        select('follow-ups');
        setFollowUpFocus({ itemId: target.itemId, highlight: target.highlight });
      } else if (target.to === 'project') {
        select('projects');
        setProjectFocus({ id: target.id, highlight: target.highlight });
      } else if (target.to === 'person') {
        select('people');
        setFocusRequest({ email: target.email, highlight: target.highlight });
      } else if (target.to === 'preparation') {
        select('people');
        setFocusRequest({ email: target.email, highlight: target.highlight, entry: target.entry });
      }
    },
    [select],
  );
  const openItemIds = useMemo(
    () => new Set((data.followUps ?? []).map((item) => item.id)),
    [data.followUps],
  );
  const isOpenItem = useCallback((id: string) => openItemIds.has(id), [openItemIds]);
  const names = useMemo(() => {
    const byEmail = new Map<string, string>();
    for (const person of data.directory ?? []) byEmail.set(person.email, person.name);
    return byEmail;
  }, [data.directory]);
  const nameOf = useCallback((email: string) => names.get(email) || email, [names]);
  const render: Record<SectionId, () => ComponentChildren> = {
    'follow-ups': () => (
      <FollowUpsSection
        items={data.followUps}
        preview={data.followUpsPreview}
        today={data.today}
        nameOf={nameOf}
        actions={actions}
        onShowPerson={showPerson}
        focusRequest={followUpFocus}
      />
    ),
    people: () => (
      <PeopleSection
        people={data.people}
        directory={data.directory}
        actions={actions}
        focusRequest={focusRequest}
      />
    ),
    'week-ahead': () => (
      <WeekAheadSection week={data.weekAhead} now={data.openedAt} onShowPerson={showPerson} />
    ),
    projects: () => (
      <ProjectsSection
        projects={data.projects}
        directory={data.directory}
        nameOf={nameOf}
        allocation={data.allocation}
        actions={actions}
        focusRequest={projectFocus}
      />
    ),
    search: () => (
      <SearchSection
        actions={actions}
        onShowPerson={showPerson}
        onJump={jump}
        isOpenItem={isOpenItem}
      />
    ),
    backup: () => <BackupSection storage={data.storage} actions={actions} />,
  };
  const tabs: TabDefinition[] = SECTIONS.map((section) => ({
    id: section.id,
    title: t(section.title),
    render: render[section.id],
  }));
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
        {layout === 'page' ? (
          <nav aria-label={t('popupSections')}>
            <ul>
              {SECTIONS.map((section) => (
                <li key={section.id}>
                  <a href={`#${section.id}`}>{t(section.title)}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : (
          <TabList label={t('popupSections')} tabs={tabs} selected={selected} onSelect={select} />
        )}
      </header>
      <main class="cbc-main">
        {loadError !== null && (
          <p role="alert" class="cbc-error">
            {t('popupLoadError', { error: loadError })}
          </p>
        )}
        <CalendarAccessNotice access={data.calendarAccess} actions={actions} />
        {layout === 'page' ? (
          tabs.map((tab) => <Fragment key={tab.id}>{tab.render()}</Fragment>)
        ) : (
          <TabPanels tabs={tabs} selected={selected} shown={shown} />
        )}
      </main>
    </div>
  );
}

/**
 * A page opened at #backup (the welcome page's "Import a backup") or another section's id goes
 * there once the lists above it are loaded (earlier, their growth would push it away): the
 * section's heading is scrolled to and focused. In the popup its tab is already the selected one
 * (the first state reads the hash), so the heading is there.
 */
function useSectionFromHash(loaded: boolean) {
  const wanted = useRef(sectionFromHash());
  useEffect(() => {
    if (!loaded || !isSectionId(wanted.current)) return;
    const heading = document.getElementById(`${wanted.current}-heading`);
    wanted.current = '';
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }, [loaded]);
}
