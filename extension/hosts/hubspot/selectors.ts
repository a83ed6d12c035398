import type { SiteDefinition } from '../site';

/** Every HubSpot selector lives here; landmarks and data attributes, never generated class names. */
export const hubspotSelectors = {
  /** The app's main content landmark. */
  appMain: ['main', '[role="main"]'],
} as const;

export const hubspotSite: SiteDefinition = { id: 'hubspot', anchor: hubspotSelectors.appMain };
