import type { SiteDefinition } from '../site';

/** Every HubSpot selector lives here; landmarks and data attributes, never generated class names. */
export const hubspotSelectors = {
  /** The app's main content landmark. */
  appMain: ['main', '[role="main"]'],
  /** Links to contact records: list rows, search results, associations. Ids are read from the href. */
  contactLinks: ['a[href*="/record/0-1/"]', 'a[href*="/contact/"]', 'a[href*="/objects/0-1/"]'],
  /** The e-mail a contact record shows (HubSpot's own test attributes, then a mailto link). */
  recordEmail: [
    '[data-selenium-test="contact-email"]',
    '[data-selenium-test="property-input-email"]',
    'a[href^="mailto:"]',
  ],
  /** The row around a link in a list view (a table row, or a grid row in the newer index). */
  row: ['tr', '[role="row"]'],
} as const;

export const hubspotSite: SiteDefinition = { id: 'hubspot', anchor: hubspotSelectors.appMain };
