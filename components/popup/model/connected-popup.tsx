// The popup wired to the real store and background; entrypoints render this.

import { PopupApp } from '../popup-app';
import { usePopupModel, type PopupModelDeps } from './use-popup-model';

export function ConnectedPopup({ layout, ...deps }: PopupModelDeps & { layout: 'popup' | 'page' }) {
  const { data, actions, loadError } = usePopupModel(deps);
  return <PopupApp data={data} actions={actions} layout={layout} loadError={loadError} />;
}
