import { describe, expect, it } from 'vitest';
import { localTabMemory, TAB_MEMORY_MS } from '@/entrypoints/popup/tab-memory';

function fakeStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('localTabMemory', () => {
  it('gives back the tab written, within a working session, and forgets it after', () => {
    let now = 1_000;
    const storage = fakeStorage();
    const memory = localTabMemory(storage, () => now);
    expect(memory.read()).toBeNull();
    memory.write('people');
    now += TAB_MEMORY_MS - 1;
    expect(localTabMemory(storage, () => now).read()).toBe('people');
    now += 1;
    expect(localTabMemory(storage, () => now).read()).toBeNull();
  });

  it('reads nothing from a broken value or blocked storage, and writing to it does not throw', () => {
    const storage = fakeStorage();
    storage.setItem('cbc-popup-tab', '{not json');
    expect(localTabMemory(storage).read()).toBeNull();
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(localTabMemory(blocked).read()).toBeNull();
    expect(() => localTabMemory(blocked).write('backup')).not.toThrow();
  });
});
