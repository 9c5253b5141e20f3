import { afterEach, describe, expect, it, vi } from 'vitest';
import { createImportRuns, STAGED_FILE_TTL_MS, type StagedReading } from './import-runs';

const reading = (): StagedReading => Promise.resolve({ ok: false, error: 'stand-in' });

describe('the staged backup file', () => {
  afterEach(() => vi.useRealTimers());

  it('is handed out once, and only for its own URL', () => {
    const runs = createImportRuns();
    const staged = reading();
    runs.stage('blob:a', staged);
    expect(runs.takeStaged('blob:b')).toBeUndefined();
    expect(runs.takeStaged('blob:a')).toBe(staged);
    expect(runs.takeStaged('blob:a')).toBeUndefined();
  });

  it('is replaced by the next one staged', () => {
    const runs = createImportRuns();
    runs.stage('blob:a', reading());
    runs.stage('blob:b', reading());
    expect(runs.takeStaged('blob:a')).toBeUndefined();
    expect(runs.takeStaged('blob:b')).toBeDefined();
  });

  it('is let go when no import comes for it (the backup is not kept in memory for long)', () => {
    vi.useFakeTimers();
    const runs = createImportRuns();
    runs.stage('blob:a', reading());
    vi.advanceTimersByTime(STAGED_FILE_TTL_MS - 1);
    runs.stage('blob:b', reading());
    vi.advanceTimersByTime(STAGED_FILE_TTL_MS - 1);
    expect(runs.takeStaged('blob:b')).toBeDefined();
    runs.stage('blob:c', reading());
    vi.advanceTimersByTime(STAGED_FILE_TTL_MS);
    expect(runs.takeStaged('blob:c')).toBeUndefined();
  });
});
