// The popup's model against a real (fake-indexeddb) store with a stubbed sendRequest: reads come
// from the database, writes only go to the background.

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectedPopup } from '@/components/popup/model/connected-popup';
import { createPopupActions, type SendRequest } from '@/components/popup/model/popup-actions';
import { OVERVIEW_CHUNK_SIZE } from '@/components/popup/model/use-team-overview';
import type { PopupActions } from '@/components/popup/popup-data';
import {
  addActionItem,
  BACKUP_VERSION,
  assignPerson,
  completeActionItem,
  createProject,
  exportBackup,
  openDatabase,
  parseBackup,
  recordMeeting,
  saveNote,
  upsertPerson,
  type CbcDatabase,
} from '@/utils/store';
import { freshDatabase, localTime } from '@/utils/store/test-database';

const NOW = localTime(2025, 3, 10, 9);

async function seed(db: CbcDatabase) {
  await upsertPerson(db, { email: 'ada@example.com', name: 'Ada Lovelace', cadenceDays: 7 }, NOW);
  await recordMeeting(
    db,
    {
      eid: 'eid-1',
      seriesKey: 'series-ada',
      personEmail: 'ada@example.com',
      start: localTime(2025, 2, 20),
      title: 'Ada / me',
    },
    NOW,
  );
  await saveNote(
    db,
    { meetingEid: 'eid-1', text: 'Talked about the conference talk', wellbeing: 4 },
    NOW,
  );
  const item = await addActionItem(
    db,
    {
      personEmail: 'ada@example.com',
      text: 'Send the conference budget',
      owner: 'me',
      due: '2025-03-01',
      meetingEid: 'eid-1',
    },
    NOW,
  );
  const project = await createProject(db, { name: 'Billing' }, NOW);
  await assignPerson(db, { personEmail: 'ada@example.com', projectId: project.id, share: 80 });
  return { item, project };
}

function stubSend() {
  return vi.fn(async () => null) as unknown as SendRequest & ReturnType<typeof vi.fn>;
}

function actionsFor(db: CbcDatabase) {
  const send = stubSend();
  const download = vi.fn<(blob: Blob, fileName: string) => void>();
  const actions = createPopupActions({
    db,
    send,
    now: () => NOW,
    download,
    requestPersistence: async () => true,
    requestCalendarAccess: async () => true,
  });
  return { send, download, actions };
}

async function countAll(db: CbcDatabase) {
  return Promise.all(db.tables.map((table) => table.count()));
}

describe('createPopupActions', () => {
  it('sends every write to the background and writes nothing itself', async () => {
    const db = freshDatabase();
    const { item, project } = await seed(db);
    const { send, actions } = actionsFor(db);
    const before = await countAll(db);
    const calls: Array<[keyof PopupActions, () => Promise<unknown>, string, unknown]> = [
      [
        'setItemDone',
        () => actions.setItemDone(item.id, true, item.personEmail),
        'setActionItemDone',
        { id: item.id, personEmail: item.personEmail, done: true },
      ],
      [
        'setItemDue',
        () => actions.setItemDue(item.id, '2025-04-01', item.personEmail),
        'updateActionItem',
        { id: item.id, personEmail: item.personEmail, due: '2025-04-01' },
      ],
      [
        'addPerson',
        () => actions.addPerson({ email: 'bo@example.com', name: 'Bo' }),
        'addPerson',
        { email: 'bo@example.com', name: 'Bo' },
      ],
      [
        'setProfileNotes',
        () => actions.setProfileNotes('ada@example.com', 'Leads search.\n'),
        'updatePerson',
        { email: 'ada@example.com', profileNotes: 'Leads search.\n' },
      ],
      [
        'renamePerson',
        () => actions.renamePerson('ada@example.com', 'Ada L.'),
        'updatePerson',
        { email: 'ada@example.com', name: 'Ada L.' },
      ],
      [
        'setCadence',
        () => actions.setCadence('ada@example.com', 30),
        'updatePerson',
        { email: 'ada@example.com', cadenceDays: 30 },
      ],
      [
        'setArchived',
        () => actions.setArchived('ada@example.com', true),
        'updatePerson',
        { email: 'ada@example.com', archived: true },
      ],
      ['createProject', () => actions.createProject('Search'), 'createProject', { name: 'Search' }],
      [
        'updateProject',
        () => actions.updateProject({ id: project.id, status: 'done' }),
        'updateProject',
        { id: project.id, status: 'done' },
      ],
      [
        'assignPerson',
        () =>
          actions.assignPerson({
            personEmail: 'ada@example.com',
            projectId: project.id,
            share: 20,
          }),
        'assignPerson',
        { personEmail: 'ada@example.com', projectId: project.id, share: 20 },
      ],
      [
        'unassignPerson',
        () => actions.unassignPerson('ada@example.com', project.id),
        'unassignPerson',
        { personEmail: 'ada@example.com', projectId: project.id },
      ],
      [
        'deleteAllData',
        () => actions.deleteAllData(),
        'deleteAllData',
        { confirm: 'delete everything' },
      ],
    ];
    for (const [name, call, type, payload] of calls) {
      send.mockClear();
      await call();
      expect(send, name).toHaveBeenCalledWith(type, payload);
    }
    expect(await countAll(db)).toEqual(before);
  });

  it('exports a dated, versioned backup file that parses back', async () => {
    const db = freshDatabase();
    await seed(db);
    const { download, actions } = actionsFor(db);
    await actions.exportBackup();
    expect(download).toHaveBeenCalledOnce();
    const [blob, fileName] = download.mock.calls[0]!;
    expect(fileName).toBe('craft-beyond-code-backup-2025-03-10.json');
    const parsed = parseBackup(await blob.text());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.backup.version).toBe(BACKUP_VERSION);
      expect(parsed.backup.data.people.map((p) => p.email)).toEqual(['ada@example.com']);
    }
  });

  it('rejects a broken backup file with the validator’s message, asking for no write', async () => {
    const db = freshDatabase();
    await seed(db);
    const { send, actions } = actionsFor(db);
    const source = freshDatabase();
    await seed(source);
    const backup = await exportBackup(source, NOW);
    (backup.data.actionItems[0] as { owner: string }).owner = 'boss';
    const prepared = await actions.prepareImport(
      new File([JSON.stringify(backup)], 'b.json', { type: 'application/json' }),
    );
    expect(prepared).toEqual({ ok: false, error: expect.stringContaining('actionItems[0].owner') });
    const notJson = await actions.prepareImport(new File(['{ nope'], 'b.json'));
    expect(notJson.ok).toBe(false);
    // Only the background's own reading of each file, which changes nothing.
    expect(send.mock.calls.map(([type]) => type)).toEqual(['stageBackupFile', 'stageBackupFile']);
  });

  it('previews a valid file against the existing data, then imports through the background', async () => {
    const source = freshDatabase();
    await seed(source);
    await upsertPerson(source, { email: 'bo@example.com', name: 'Bo' }, NOW);
    const file = new File([JSON.stringify(await exportBackup(source, NOW))], 'b.json');
    const db = freshDatabase();
    await upsertPerson(db, { email: 'cy@example.com', name: 'Cy' }, NOW);
    const { send, actions } = actionsFor(db);
    // The background reads the chosen file itself, by a blob: URL: while the preview is shown
    // (staged), then for the import, and the URL is revoked once the import answered.
    const created = vi.spyOn(URL, 'createObjectURL');
    const revoked = vi.spyOn(URL, 'revokeObjectURL');
    const prepared = await actions.prepareImport(file);
    if (!prepared.ok) throw new Error(prepared.error);
    expect(prepared.preview.people).toEqual({ inFile: 2, existing: 1 });
    expect(prepared.preview.actionItems).toEqual({ inFile: 1, existing: 0 });
    expect(created).toHaveBeenCalledExactlyOnceWith(file);
    const url = created.mock.results[0]!.value as string;
    expect(url).toMatch(/^blob:/);
    expect(send).toHaveBeenCalledExactlyOnceWith('stageBackupFile', { url });
    expect(revoked).not.toHaveBeenCalled();
    await actions.importBackup(prepared.backup);
    expect(send).toHaveBeenLastCalledWith('importBackupFile', { url });
    expect(send).toHaveBeenCalledTimes(2);
    expect(revoked).toHaveBeenCalledExactlyOnceWith(url);
    created.mockRestore();
    revoked.mockRestore();
    // A backup that was not read from a file goes as it is.
    const backup = await exportBackup(source, NOW);
    await actions.importBackup(backup);
    expect(send).toHaveBeenLastCalledWith('importBackup', { backup });
  });

  it('downloads one person’s history as Markdown', async () => {
    const db = freshDatabase();
    await seed(db);
    const { download, actions } = actionsFor(db);
    await actions.exportHistory('ada@example.com');
    const [blob, fileName] = download.mock.calls[0]!;
    expect(fileName).toBe('1-1-notes-ada-lovelace-2025-03-10.md');
    const markdown = await blob.text();
    expect(markdown).toContain('# 1:1 history: Ada Lovelace');
    expect(markdown).toContain('Talked about the conference talk');
  });

  it('finds notes and items with the person’s name and the meeting’s date', async () => {
    const db = freshDatabase();
    await seed(db);
    const { actions } = actionsFor(db);
    const hits = await actions.search('conference');
    expect(hits.map((hit) => [hit.result.kind, hit.personName, hit.meetingStart]).sort()).toEqual([
      ['actionItem', 'Ada Lovelace', localTime(2025, 2, 20)],
      ['note', 'Ada Lovelace', localTime(2025, 2, 20)],
    ]);
    // A note carries its whole text, shown when the result is opened in place.
    const note = hits.find((hit) => hit.result.kind === 'note')!;
    expect(note.fullText).toContain('Talked about the conference talk');
  });

  it('finds people by name and by email, and projects by name, first', async () => {
    const db = freshDatabase();
    await seed(db);
    const { actions } = actionsFor(db);
    const byName = await actions.search('lovel');
    expect(byName[0]).toMatchObject({
      result: { kind: 'person', personEmail: 'ada@example.com', snippet: 'Ada Lovelace' },
      personName: 'Ada Lovelace',
    });
    expect((await actions.search('ADA@EXAMPLE'))[0]?.result.kind).toBe('person');
    expect((await actions.search('nobody-by-this-name')).length).toBe(0);
    const projects = (await actions.search('bill')).filter((h) => h.result.kind === 'project');
    expect(projects.map((h) => h.result.snippet)).toEqual(['Billing']);
  });
});

describe('ConnectedPopup', () => {
  afterEach(cleanup);

  function renderPopup(db: CbcDatabase, storage?: StorageManager) {
    const send = stubSend();
    render(
      // The options page's layout: every section at once (the popup's tabs have their own tests).
      <ConnectedPopup
        layout="page"
        db={db}
        send={send}
        now={() => NOW}
        download={vi.fn()}
        storage={storage}
      />,
    );
    return { send };
  }

  it('"Hide notes" is the side panel’s switch: set here, stored for both; set there, shown here', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    renderPopup(freshDatabase());
    fireEvent.click(await screen.findByRole('button', { name: 'Hide notes', pressed: false }));
    await screen.findByRole('button', { name: 'Hide notes', pressed: true });
    await waitFor(async () =>
      expect(await fakeBrowser.storage.local.get('screenShareSafe')).toEqual({
        screenShareSafe: true,
      }),
    );
    // The panel turns it off (Alt+Shift+B in a Calendar tab).
    await fakeBrowser.storage.local.set({ screenShareSafe: false });
    await screen.findByRole('button', { name: 'Hide notes', pressed: false });
  });

  it('shows the store’s data in named sections and follows writes made elsewhere', async () => {
    const db = freshDatabase();
    const { item } = await seed(db);
    const { send } = renderPopup(db);

    const followUps = screen.getByRole('region', { name: 'Follow-ups' });
    const list = within(followUps).getByRole('list', { name: 'Open follow-ups' });
    const box = await within(list).findByRole('checkbox', { name: 'Send the conference budget' });
    expect(within(box.closest('li')!).getByText('Overdue')).toBeTruthy();

    const people = screen.getByRole('region', { name: 'People' });
    const ada = (await within(people).findByRole('heading', { name: 'Ada Lovelace' })).closest(
      'li',
    )!;
    expect(within(ada).getByText('Overdue for a 1:1')).toBeTruthy();
    expect(within(ada).getByText('Open items').nextElementSibling!.textContent).toBe('1');

    const projects = screen.getByRole('region', { name: 'Projects' });
    expect(await within(projects).findByText('Total 80%')).toBeTruthy();

    fireEvent.click(box);
    expect(send).toHaveBeenCalledWith('setActionItemDone', {
      id: item.id,
      personEmail: item.personEmail,
      done: true,
    });

    // The background writes through its own connection; the popup's live query sees it.
    const background = openDatabase(db.name);
    const elsewhere = await addActionItem(
      background,
      {
        personEmail: 'ada@example.com',
        text: 'Book the venue',
        owner: 'them',
        due: '',
        meetingEid: '',
      },
      NOW,
    );
    await within(list).findByRole('checkbox', { name: 'Book the venue' });
    await completeActionItem(background, elsewhere.id, NOW);
    await waitFor(() =>
      expect(within(list).queryByRole('checkbox', { name: 'Book the venue' })).toBeNull(),
    );
    background.close();
  });

  it('lists a team larger than one overview chunk by name, and updates the person a write touches', async () => {
    const db = freshDatabase();
    const count = OVERVIEW_CHUNK_SIZE + 5;
    const names = Array.from({ length: count }, (_, n) => `Person ${String(n).padStart(2, '0')}`);
    for (const [n, name] of names.entries()) {
      await upsertPerson(db, { email: `p${n}@example.com`, name }, NOW);
    }
    await addActionItem(
      db,
      { personEmail: 'p0@example.com', text: 'First', owner: 'me', due: '', meetingEid: '' },
      NOW,
    );
    renderPopup(db);
    const people = screen.getByRole('region', { name: 'People' });
    const team = await within(people).findByRole('list', { name: 'Team' });
    await waitFor(() =>
      expect(
        within(team)
          .getAllByRole('heading')
          .map((h) => h.textContent),
      ).toEqual(names),
    );

    // A person in the second chunk gets an open item from elsewhere: their row follows.
    const last = `p${count - 1}@example.com`;
    const background = openDatabase(db.name);
    await addActionItem(
      background,
      { personEmail: last, text: 'Later', owner: 'me', due: '', meetingEid: '' },
      NOW,
    );
    const row = within(team)
      .getByRole('heading', { name: names[count - 1] })
      .closest('li')!;
    await waitFor(() =>
      expect(within(row).getByText('Open items').nextElementSibling!.textContent).toBe('1'),
    );
    background.close();
  });

  it('asks the browser to keep the data and shows the answer', async () => {
    let persisted = false;
    const storage = {
      persisted: vi.fn(async () => persisted),
      persist: vi.fn(async () => (persisted = true)),
      estimate: vi.fn(async () => ({ usage: 5 * 1024, quota: 1024 ** 3 })),
    } as unknown as StorageManager;
    renderPopup(freshDatabase(), storage);
    fireEvent.click(await screen.findByRole('button', { name: 'Keep data persistent' }));
    expect(await screen.findByText(/^Persistent/)).toBeTruthy();
    expect(storage.persist).toHaveBeenCalledOnce();
    expect(screen.getByText('Using about 5.0 KB of 1.0 GB available.')).toBeTruthy();
  });
});
