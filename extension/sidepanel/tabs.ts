import type { ComponentType } from 'react';

/**
 * The side panel's tabs. Each feature registers its view here (one line each) and keeps the view in its own folder
 * under `extension/sidepanel/`. `labelKey` is a key under `sidepanel.tab` in the locale files.
 */
export interface SidePanelTab {
  id: string;
  labelKey: string;
  /** Loaded on first open, so a tab nobody opens costs nothing. */
  load: () => Promise<{ default: ComponentType }>;
}

export const SIDE_PANEL_TABS: SidePanelTab[] = [];
