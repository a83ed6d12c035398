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

export const SIDE_PANEL_TABS: SidePanelTab[] = [
  { id: 'outbox', labelKey: 'outbox', load: () => import('./outbox/OutboxTab') },
  { id: 'privacy', labelKey: 'privacy', load: () => import('./privacy/PrivacyTab') },
  { id: 'campaigns', labelKey: 'campaigns', load: () => import('./campaigns/CampaignsTab') },
  { id: 'dashboard', labelKey: 'dashboard', load: () => import('./dashboard/DashboardTab') },
  { id: 'studio', labelKey: 'studio', load: () => import('./studio/StudioTab') },
  { id: 'catalogue', labelKey: 'catalogue', load: () => import('./catalogue/CatalogueTab') },
  { id: 'personas', labelKey: 'personas', load: () => import('./personas/PersonasTab') },
  { id: 'followups', labelKey: 'followups', load: () => import('./followups/FollowUpsTab') },
];
