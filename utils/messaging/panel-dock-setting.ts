// How the user left the panel's dock: its width and whether they prefer it collapsed. Kept in
// browser.storage.local (the extension's, never Calendar's page), read by the panel's frame.

import { browser } from 'wxt/browser';

export const PANEL_DOCK_KEY = 'panelDock';

export interface PanelDockSetting {
  width: number;
  collapsed: boolean;
}

export async function readPanelDock(): Promise<Partial<PanelDockSetting>> {
  const stored = (await browser.storage.local.get(PANEL_DOCK_KEY))[PANEL_DOCK_KEY];
  if (typeof stored !== 'object' || stored === null) return {};
  const { width, collapsed } = stored as Record<string, unknown>;
  return {
    ...(typeof width === 'number' && Number.isFinite(width) ? { width } : {}),
    ...(typeof collapsed === 'boolean' ? { collapsed } : {}),
  };
}

export function writePanelDock(setting: PanelDockSetting): Promise<void> {
  return browser.storage.local.set({ [PANEL_DOCK_KEY]: setting });
}
