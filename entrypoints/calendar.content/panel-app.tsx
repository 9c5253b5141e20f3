// The root rendered in the panel's shadow root: follows the model's state and places the panel
// beside Calendar's popover (or docked) through an injected `place` function.

import { useEffect, useState } from 'preact/hooks';
import { OneOnOnePanel } from '@/components/panel/one-on-one-panel';
import { OverrideControl } from '@/components/panel/override-control';
import type { PanelModel, PanelState } from './panel-model';
import type { Placement } from './panel-placement';

export function PanelApp(props: {
  model: PanelModel;
  place: (kind: 'panel' | 'override') => Placement;
  /** Bumped by the host when the page moved (resize, popover animation). */
  layoutTick: { subscribe: (listener: () => void) => () => void };
}) {
  const { model } = props;
  const [state, setState] = useState<PanelState>(model.getState());
  const [, setTick] = useState(0);
  useEffect(() => {
    const unsubscribe = model.subscribe(setState);
    // Catch up with changes published between the first render and this effect.
    setState(model.getState());
    return unsubscribe;
  }, [model]);
  useEffect(
    () => props.layoutTick.subscribe(() => setTick((tick) => tick + 1)),
    [props.layoutTick],
  );

  if (state.kind === 'hidden') return null;
  const placement = props.place(state.kind);
  const style = {
    left: `${placement.left}px`,
    top: `${placement.top}px`,
    '--cbc-max-height': `${placement.maxHeight}px`,
  };
  return (
    <div class="cbc-place" style={style} data-side={placement.side}>
      {state.kind === 'panel' ? (
        <OneOnOnePanel view={state.view} actions={model.actions} />
      ) : (
        <OverrideControl key={state.view.eid} view={state.view} actions={model.overrideActions} />
      )}
    </div>
  );
}
