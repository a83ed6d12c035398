import type { SiteDefinition } from '../site';

/**
 * Every Gmail selector lives here. Roles and data attributes only: Gmail's class names are obfuscated and change,
 * and aria-labels are localised.
 */
export const gmailSelectors = {
  /** Gmail's main region (thread list or open thread). */
  appMain: ['div[role="main"]', '[role="main"]'],
} as const;

export const gmailSite: SiteDefinition = { id: 'gmail', anchor: gmailSelectors.appMain };
