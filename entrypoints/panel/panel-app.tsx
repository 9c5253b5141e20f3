// The root rendered in the panel's frame: follows the model's state. Where the frame sits on
// Calendar's page is the content script's business; after each commit the app reports what it
// shows (`onRendered`), so the content script can size the frame to it.
//
// A polite live region outlives the views: it is in the document before anything is said into
// it (a region added together with its text is not announced), and it speaks once per 1:1
// shown, when its notes are there; typing, checking off or saving say nothing more here.

import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Dock } from '@/components/panel/dock';
import { t } from '@/components/i18n';
import { OneOnOnePanel } from '@/components/panel/one-on-one-panel';
import { announcePanel } from '@/components/panel/announce-panel';
import { OverrideControl } from '@/components/panel/override-control';
import type { DockModel, DockState } from './dock-model';
import type { PanelModel, PanelState } from './panel-model';

export function PanelApp(props: { model: PanelModel; dock: DockModel; onRendered?: () => void }) {
  const { model, dock } = props;
  const [state, setState] = useState<PanelState>(model.getState());
  const [place, setPlace] = useState<DockState>(dock.getState());
  useEffect(() => {
    const unsubscribe = model.subscribe(setState);
    // Catch up with changes published between the first render and this effect.
    setState(model.getState());
    return unsubscribe;
  }, [model]);
  useEffect(() => {
    const update = () => setPlace(dock.getState());
    const unsubscribe = dock.subscribe(update);
    update();
    return unsubscribe;
  }, [dock]);
  useLayoutEffect(() => props.onRendered?.());

  return (
    <>
      <Announcer state={state} />
      {state.kind === 'hidden' ? null : (
        <Dock
          collapsed={place.collapsed}
          width={place.width}
          maxWidth={place.maxWidth}
          theme={state.view.theme}
          tabLabel={
            state.kind === 'panel'
              ? t('panelDockOpen', {
                  name:
                    state.view.data?.person.name ||
                    state.view.person.name ||
                    state.view.person.email,
                })
              : t('panelDockOpenOverride')
          }
          onExpand={() => dock.setCollapsed(false)}
          onCollapse={() => dock.setCollapsed(true)}
          dragging={place.dragging}
          onResize={dock.resize}
          onDragging={dock.setDragging}
        >
          {state.kind === 'panel' ? (
            <OneOnOnePanel view={state.view} actions={model.actions} />
          ) : (
            <OverrideControl
              key={state.view.eid}
              view={state.view}
              actions={model.overrideActions}
            />
          )}
        </Dock>
      )}
    </>
  );
}

/**
 * The live region, with a state of its own: what it says changes once per 1:1 shown, and saying
 * it must not render the whole panel again.
 */
function Announcer(props: { state: PanelState }) {
  const { state } = props;
  const [announcement, setAnnouncement] = useState('');
  const announcedFor = useRef<string | null>(null);
  useEffect(() => {
    if (state.kind !== 'panel') {
      announcedFor.current = null;
      setAnnouncement('');
      return;
    }
    const { data } = state.view;
    if (data === null || announcedFor.current === data.meeting.eid) return;
    announcedFor.current = data.meeting.eid;
    setAnnouncement(announcePanel(state.view));
  }, [state]);
  return (
    <div class="cbc-sr-only" aria-live="polite" data-cbc-announcer="">
      {announcement}
    </div>
  );
}
