import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { panelData, panelView } from '@/components/panel/panel-test-data';
import { createDockModel } from './dock-model';
import { PanelApp } from './panel-app';
import type { PanelModel, PanelState } from './panel-model';

/** Just what PanelApp uses of the model, with a way to publish a state. */
function fakeModel() {
  let state: PanelState = { kind: 'hidden' };
  const listeners = new Set<(state: PanelState) => void>();
  const model = {
    getState: () => state,
    subscribe(listener: (state: PanelState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    actions: {},
    overrideActions: { treatAsOneOnOne: vi.fn() },
  } as unknown as PanelModel;
  const publish = (next: PanelState) =>
    act(() => {
      state = next;
      listeners.forEach((listener) => listener(next));
    });
  return { model, publish };
}

const press = (target: Element, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

const region = (container: Element) => container.querySelector('[aria-live="polite"]')!;

afterEach(cleanup);

describe('PanelApp', () => {
  it('announces a 1:1 once its data is there, once per meeting', async () => {
    const { model, publish } = fakeModel();
    const { container } = render(<PanelApp model={model} dock={createDockModel(() => {})} />);
    await publish({ kind: 'panel', view: panelView({ data: null }) });
    expect(region(container).textContent).toBe('');
    await publish({ kind: 'panel', view: panelView() });
    expect(region(container).textContent).toMatch(/^1:1 with Alex Rivera: notes from the last/);
    const said = region(container).textContent;
    await publish({ kind: 'panel', view: panelView({ noteText: 'typing' }) });
    expect(region(container).textContent).toBe(said);
    await publish({ kind: 'hidden' });
    expect(region(container).textContent).toBe('');
  });

  it('does not render the panel again to announce it', async () => {
    const { model, publish } = fakeModel();
    const onRendered = vi.fn();
    render(<PanelApp model={model} dock={createDockModel(() => {})} onRendered={onRendered} />);
    onRendered.mockClear();
    await publish({ kind: 'panel', view: panelView({ data: panelData() }) });
    expect(onRendered).toHaveBeenCalledOnce();
  });

  it('collapses to a named tab and opens again, remembering the choice where nothing is covered', async () => {
    const { model, publish } = fakeModel();
    const saved: Array<{ width: number; collapsed: boolean }> = [];
    const dock = createDockModel((setting) => saved.push(setting));
    const { getByRole, queryByRole } = render(<PanelApp model={model} dock={dock} />);
    await publish({ kind: 'panel', view: panelView() });
    getByRole('complementary', { name: /^1:1 with Alex Rivera/ });
    await act(() => getByRole('button', { name: 'Collapse the panel' }).click());
    expect(queryByRole('complementary')).toBeNull();
    const tab = getByRole('button', { name: 'Open 1:1 notes with Alex Rivera' });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(saved.at(-1)).toEqual({ width: 360, collapsed: true });
    await act(() => tab.click());
    getByRole('complementary', { name: /^1:1 with Alex Rivera/ });
    expect(saved.at(-1)).toEqual({ width: 360, collapsed: false });
  });

  it('starts collapsed where it would cover, and opening it there is for this event only', async () => {
    const { model, publish } = fakeModel();
    const saved: Array<{ width: number; collapsed: boolean }> = [];
    const dock = createDockModel((setting) => saved.push(setting));
    const { getByRole, queryByRole } = render(<PanelApp model={model} dock={dock} />);
    await act(() => {
      dock.showing('eid-1');
      dock.setLayout(true, 512);
    });
    await publish({ kind: 'panel', view: panelView() });
    expect(queryByRole('complementary')).toBeNull();
    await act(() => getByRole('button', { name: /^Open 1:1 notes/ }).click());
    getByRole('complementary', { name: /^1:1 with/ });
    expect(saved).toEqual([]);
    await act(() => dock.showing('eid-2'));
    expect(queryByRole('complementary')).toBeNull();
  });

  it('resizes from the keyboard within its bounds, and says the width', async () => {
    const { model, publish } = fakeModel();
    const saved: Array<{ width: number; collapsed: boolean }> = [];
    const dock = createDockModel((setting) => saved.push(setting));
    const { getByRole } = render(<PanelApp model={model} dock={dock} />);
    await act(() => dock.setLayout(false, 400));
    await publish({ kind: 'panel', view: panelView() });
    const handle = getByRole('separator', { name: 'Resize the panel' });
    expect(handle.getAttribute('aria-valuenow')).toBe('360');
    await act(() => void press(handle, 'ArrowLeft'));
    expect(handle.getAttribute('aria-valuenow')).toBe('376');
    await act(() => void press(handle, 'Home'));
    expect(handle.getAttribute('aria-valuenow')).toBe('400');
    await act(() => void press(handle, 'End'));
    expect(handle.getAttribute('aria-valuenow')).toBe('300');
    expect(saved.at(-1)).toEqual({ width: 300, collapsed: false });
  });
});
