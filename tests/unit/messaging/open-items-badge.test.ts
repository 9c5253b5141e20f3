// The badge's recount scheduling: writes that cannot change the open count do not recount, and
// a burst of writes shares one recount.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  changesOpenItemCount,
  createOpenItemsBadge,
  type BadgeApi,
} from '@/utils/messaging/open-items-badge';
import { addActionItem, type CbcDatabase } from '@/utils/store';
import { freshDatabase } from '@/utils/store/test-database';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

function fakeAction() {
  return {
    setBadgeText: vi.fn<BadgeApi['setBadgeText']>(async () => {}),
    setBadgeBackgroundColor: vi.fn<BadgeApi['setBadgeBackgroundColor']>(async () => {}),
    setTitle: vi.fn<BadgeApi['setTitle']>(async () => {}),
  };
}

const item = (id: string) => ({
  id,
  personEmail: 'ana@example.com',
  text: `Item ${id}`,
  owner: 'me' as const,
  due: '',
  meetingEid: '',
});

describe('createOpenItemsBadge', () => {
  it('recounts once for a burst of scheduled recounts, with the count after the burst', async () => {
    const action = fakeAction();
    const badge = createOpenItemsBadge(db, action, 60_000);
    await addActionItem(db, item('a'), 1);
    badge.schedule();
    await addActionItem(db, item('b'), 2);
    badge.schedule();
    expect(action.setBadgeText).not.toHaveBeenCalled();
    await badge.idle();
    expect(action.setBadgeText).toHaveBeenCalledExactlyOnceWith({ text: '2' });
  });

  it('says what the number counts in the tooltip, which names the toolbar button', async () => {
    const action = fakeAction();
    const badge = createOpenItemsBadge(db, action, 60_000);
    await badge.refresh();
    expect(action.setTitle).toHaveBeenLastCalledWith({
      title: 'Craft Beyond Code: no open action items',
    });
    await addActionItem(db, item('a'), 1);
    await badge.refresh();
    expect(action.setTitle).toHaveBeenLastCalledWith({
      title: 'Craft Beyond Code: 1 open action item',
    });
    for (const id of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) await addActionItem(db, item(id), 2);
    await badge.refresh();
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: '9' });
    expect(action.setTitle).toHaveBeenLastCalledWith({
      title: 'Craft Beyond Code: 9 open action items',
    });
  });

  it('recounts by itself after the delay, without anyone waiting for it', async () => {
    const action = fakeAction();
    const badge = createOpenItemsBadge(db, action, 10);
    await addActionItem(db, item('a'), 1);
    badge.schedule();
    await vi.waitFor(() => expect(action.setBadgeText).toHaveBeenCalledWith({ text: '1' }));
  });
});

describe('changesOpenItemCount', () => {
  it.each([
    'addActionItem',
    'setActionItemDone',
    'deleteActionItem',
    'restoreActionItem',
    'importBackup',
    'deleteAllData',
  ] as const)('is true for %s', (type) => expect(changesOpenItemCount(type)).toBe(true));

  it.each([
    'openOneOnOne',
    'saveNote',
    'addTalkingPoint',
    'updateActionItem',
    'updatePerson',
    'createProject',
  ] as const)('is false for %s, which cannot open or close an item', (type) =>
    expect(changesOpenItemCount(type)).toBe(false),
  );
});
