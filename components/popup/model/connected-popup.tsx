// The popup wired to the real store and background; entrypoints render this.

import { PopupApp, type TabMemory } from '../popup-app';
import { usePopupModel, type PopupModelDeps } from './use-popup-model';

export function ConnectedPopup({
  layout,
  tabMemory,
  ...deps
}: PopupModelDeps & { layout: 'popup' | 'page'; tabMemory?: TabMemory }) {
  const { data, actions, loadError } = usePopupModel(deps);
  return (
    <PopupApp
      data={data}
      actions={actions}
      layout={layout}
      loadError={loadError}
      tabMemory={tabMemory}
    />
  );
}
