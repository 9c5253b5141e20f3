import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoteStatus } from '@/components/panel/panel-view';
import { createNoteSaver, type NoteDraft } from './note-saver';

class GoneError extends Error {}

function setup(save: (draft: NoteDraft) => Promise<unknown>) {
  const statuses: NoteStatus[] = [];
  const onFatal = vi.fn();
  const saver = createNoteSaver({
    save,
    isFatal: (error) => error instanceof GoneError,
    onStatus: (status) => statuses.push(status),
    onFatal,
    debounceMs: 600,
    retryDelaysMs: [1000, 5000],
  });
  return { saver, statuses, onFatal };
}

const draft = (text: string, meetingEid = 'eid-1'): NoteDraft => ({
  meetingEid,
  text,
  wellbeing: null,
});

describe('createNoteSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces edits into one save of the latest text', async () => {
    const save = vi.fn(async () => undefined);
    const { saver, statuses } = setup(save);
    saver.edit(draft('a'));
    await vi.advanceTimersByTimeAsync(300);
    saver.edit(draft('ab'));
    await vi.advanceTimersByTimeAsync(599);
    expect(save).not.toHaveBeenCalled();
    expect(saver.pending('eid-1')?.text).toBe('ab');
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith(draft('ab'));
    expect(statuses).toEqual(['saving', 'saved']);
    expect(saver.pending('eid-1')).toBeUndefined();
  });

  it('flushes at once, for every occurrence with a draft', async () => {
    const save = vi.fn(async (_draft: NoteDraft) => undefined);
    const { saver } = setup(save);
    saver.edit(draft('first', 'eid-1'));
    saver.edit(draft('second', 'eid-2'));
    await saver.flush();
    expect(save.mock.calls.map(([d]) => d)).toEqual([
      draft('first', 'eid-1'),
      draft('second', 'eid-2'),
    ]);
  });

  it('keeps a failed write queued, says so, and retries until it lands', async () => {
    let failures = 2;
    const save = vi.fn(async () => {
      if (failures-- > 0) throw new Error('Receiving end does not exist');
    });
    const { saver, statuses } = setup(save);
    saver.edit(draft('precious'));
    await saver.flush();
    expect(statuses.at(-1)).toBe('retrying');
    expect(saver.pending('eid-1')?.text).toBe('precious');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(3);
    expect(statuses.at(-1)).toBe('saved');
    expect(saver.pending('eid-1')).toBeUndefined();
  });

  it('retries at once when the service worker is back', async () => {
    let fail = true;
    const save = vi.fn(async () => {
      if (fail) throw new Error('Could not establish connection');
    });
    const { saver, statuses } = setup(save);
    saver.edit(draft('x'));
    await saver.flush();
    fail = false;
    await saver.retryNow();
    expect(save).toHaveBeenCalledTimes(2);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('never lets an older text land after a newer one', async () => {
    const landed: string[] = [];
    let release: () => void = () => {};
    const save = vi.fn(
      (d: NoteDraft) =>
        new Promise<void>((resolve) => {
          release = () => {
            landed.push(d.text);
            resolve();
          };
        }),
    );
    const { saver } = setup(save);
    saver.edit(draft('old'));
    const first = saver.flush();
    saver.edit(draft('new'));
    const second = saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    release();
    await Promise.all([first, second]);
    expect(landed).toEqual(['old', 'new']);
  });

  it('stops and reports when the extension is gone', async () => {
    const save = vi.fn(async () => {
      throw new GoneError();
    });
    const { saver, onFatal } = setup(save);
    saver.edit(draft('x'));
    await saver.flush();
    expect(onFatal).toHaveBeenCalledTimes(1);
    saver.edit(draft('y'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
