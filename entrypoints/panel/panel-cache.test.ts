import { describe, expect, it } from 'vitest';
import { panelData } from '@/components/panel/panel-test-data';
import type { SeriesOverride } from '@/utils/domain/records';
import { createPanelCache } from './panel-cache';

const decided: SeriesOverride = {
  seriesKey: 's1',
  decision: 'not-one-on-one',
  personEmail: '',
  personName: '',
  updatedAt: 1,
};

function dataFor(email: string) {
  const base = panelData();
  return panelData({ person: { ...base.person, email } });
}

describe('the panel cache', () => {
  it('knows "no decision" apart from "not asked yet"', () => {
    const cache = createPanelCache();
    expect(cache.knowsDecision('s1')).toBe(false);
    cache.learnDecision('s1', null);
    expect(cache.knowsDecision('s1')).toBe(true);
    expect(cache.decision('s1')).toBeNull();
  });

  it('keeps a decision set in the tab over one read from the store later', () => {
    const cache = createPanelCache();
    cache.setDecision('s1', decided);
    cache.learnDecision('s1', null);
    expect(cache.decision('s1')).toEqual(decided);
    cache.setDecision('s1', null);
    expect(cache.decision('s1')).toBeNull();
  });

  it('keeps the most recently used panels up to its capacity', () => {
    const cache = createPanelCache(2);
    cache.remember('e1', dataFor('a@x.io'));
    cache.remember('e2', dataFor('a@x.io'));
    expect(cache.panel('e1', 'a@x.io')).toBeDefined();
    cache.remember('e1', dataFor('a@x.io')); // used again: e2 is now the oldest
    cache.remember('e3', dataFor('a@x.io'));
    expect(cache.panel('e2', 'a@x.io')).toBeUndefined();
    expect(cache.panel('e1', 'a@x.io')).toBeDefined();
    expect(cache.panel('e3', 'a@x.io')).toBeDefined();
  });

  it('keys panels by occurrence and person', () => {
    const cache = createPanelCache();
    cache.remember('e1', dataFor('a@x.io'));
    expect(cache.panel('e1', 'b@x.io')).toBeUndefined();
    cache.forget('e1', 'a@x.io');
    expect(cache.panel('e1', 'a@x.io')).toBeUndefined();
  });

  it("forgets only the changed people's panels, or everything on clear", () => {
    const cache = createPanelCache();
    cache.remember('e1', dataFor('a@x.io'));
    cache.remember('e2', dataFor('b@x.io'));
    cache.setDecision('s1', decided);
    cache.forgetPeople(['a@x.io']);
    expect(cache.panel('e1', 'a@x.io')).toBeUndefined();
    expect(cache.panel('e2', 'b@x.io')).toBeDefined();
    expect(cache.knowsDecision('s1')).toBe(true);
    cache.clear();
    expect(cache.panel('e2', 'b@x.io')).toBeUndefined();
    expect(cache.knowsDecision('s1')).toBe(false);
  });
});
