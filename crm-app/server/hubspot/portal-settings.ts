/**
 * What the app's HubSpot settings page shows for a portal: whether it is connected, which of Closer's contact
 * properties exist in the portal right now (one live read; when HubSpot cannot answer in time the page says so
 * instead of guessing), and which tier features carry the campaign results.
 */
import type { Database } from '../db/database';
import { TimeoutError, withTimeout } from '../http/with-timeout';
import { HubSpotError, type HubSpotClient } from './hubspot-client';
import { CONTACT_PROPERTIES } from '../sync/properties';
import type { SetupResult } from './portal-setup';

/** The settings page waits this long for HubSpot's property list, well inside hubspot.fetch's 15 s. */
export const PROPERTY_CHECK_TIMEOUT_MS = 4_000;

export type PropertyCheck =
  | { checked: true; items: { name: string; label: string; exists: boolean }[] }
  | {
      checked: false;
      reason: 'not-connected' | 'rate-limited' | 'hubspot-unavailable' | 'timeout';
      items: { name: string; label: string; exists: null }[];
    };

export interface PortalSettings {
  portalId: number;
  connected: boolean;
  installedAt: string | null;
  properties: PropertyCheck;
  /** Logged emails read as persona context: `in-use` where the account granted `sales-email-read`. */
  loggedEmails: 'in-use' | 'not-granted';
  campaignResults: {
    /** Notes on the contact: every tier. */
    notes: true;
    /** `in-use`: Enterprise, results are also custom object records; `unavailable`: the tier has no custom objects. */
    customObject: 'in-use' | 'unavailable' | 'not-set-up';
  };
}

export async function portalSettings(db: Database, hubspot: HubSpotClient, portalId: number): Promise<PortalSettings> {
  const { rows } = await db.query<{ status: string; setup: SetupResult | null; installed_at: Date; scopes: string[] }>(
    'SELECT status, setup, installed_at, scopes FROM installs WHERE portal_id = $1',
    [portalId],
  );
  const install = rows[0];
  const connected = install?.status === 'active';
  const setup = install?.setup ?? null;
  return {
    portalId,
    connected,
    installedAt: connected && install ? install.installed_at.toISOString() : null,
    properties: connected ? await checkProperties(hubspot, portalId) : unchecked('not-connected'),
    loggedEmails: connected && install?.scopes.includes('sales-email-read') ? 'in-use' : 'not-granted',
    campaignResults: {
      notes: true,
      customObject: setup?.customObjectTypeId
        ? 'in-use'
        : setup?.customObject === 'unavailable'
          ? 'unavailable'
          : 'not-set-up',
    },
  };
}

function unchecked(reason: Extract<PropertyCheck, { checked: false }>['reason']): PropertyCheck {
  return {
    checked: false,
    reason,
    items: CONTACT_PROPERTIES.map((p) => ({ name: p.name, label: p.label, exists: null })),
  };
}

async function checkProperties(hubspot: HubSpotClient, portalId: number): Promise<PropertyCheck> {
  try {
    const answer = await withTimeout(
      hubspot.request<{ results: { name: string }[] }>(portalId, 'GET', '/crm/v3/properties/contacts'),
      PROPERTY_CHECK_TIMEOUT_MS,
    );
    const have = new Set(answer.body.results.map((p) => p.name));
    return {
      checked: true,
      items: CONTACT_PROPERTIES.map((p) => ({ name: p.name, label: p.label, exists: have.has(p.name) })),
    };
  } catch (error) {
    if (error instanceof TimeoutError) return unchecked('timeout');
    if (error instanceof HubSpotError && error.status === 429) return unchecked('rate-limited');
    return unchecked('hubspot-unavailable');
  }
}
