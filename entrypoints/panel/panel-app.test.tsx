import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { panelData, panelView } from '@/components/panel/panel-test-data';
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

const region = (container: Element) => container.querySelector('[aria-live="polite"]')!;

afterEach(cleanup);

describe('PanelApp', () => {
  it('announces a 1:1 once its data is there, once per meeting', async () => {
    const { model, publish } = fakeModel();
    const { container } = render(<PanelApp model={model} />);
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
    render(<PanelApp model={model} onRendered={onRendered} />);
    onRendered.mockClear();
    await publish({ kind: 'panel', view: panelView({ data: panelData() }) });
    expect(onRendered).toHaveBeenCalledOnce();
  });
});
