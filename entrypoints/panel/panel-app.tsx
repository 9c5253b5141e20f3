// The root rendered in the panel's frame: follows the model's state. Where the frame sits on
// Calendar's page is the content script's business; after each commit the app reports what it
// shows (`onRendered`), so the content script can size the frame to it.

import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { OneOnOnePanel } from '@/components/panel/one-on-one-panel';
import { OverrideControl } from '@/components/panel/override-control';
import type { PanelModel, PanelState } from './panel-model';

export function PanelApp(props: { model: PanelModel; onRendered?: () => void }) {
  const { model } = props;
  const [state, setState] = useState<PanelState>(model.getState());
  useEffect(() => {
    const unsubscribe = model.subscribe(setState);
    // Catch up with changes published between the first render and this effect.
    setState(model.getState());
    return unsubscribe;
  }, [model]);
  useLayoutEffect(() => props.onRendered?.());

  if (state.kind === 'hidden') return null;
  return state.kind === 'panel' ? (
    <OneOnOnePanel view={state.view} actions={model.actions} />
  ) : (
    <OverrideControl key={state.view.eid} view={state.view} actions={model.overrideActions} />
  );
}
