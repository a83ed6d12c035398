/**
 * Live reads of HubSpot contacts for the extension, through the backend's HubSpot client (pointed at the sandbox in
 * tests). Every call takes a slot of the portal's rate limiter that the sync worker uses, and feeds HubSpot's
 * rate-limit headers back into it, so reads and sync never overrun the portal's limit together.
 * HubSpot failures become HttpErrors the extension can act on: 404, 503 + Retry-After, 502, 504, 409.
 */
import type { ContactSearchPage, Engagement, LiveContact } from '../../../shared/common/persona/contact-reads';
import { htmlToText } from '../../../shared/common/text/html-to-text';
import { HttpError } from '../http/errors';
import { CLOSER_PROPERTY_NAMES } from '../sync/properties';
import { HubSpotError, NoAccessTokenError, type HubSpotClient } from './hubspot-client';

export const CONTACT_READ_PROPERTIES = [
  'firstname',
  'lastname',
  'email',
  'jobtitle',
  'company',
  'industry',
  'lifecyclestage',
  'hs_lead_status',
  'city',
  'country',
  ...CLOSER_PROPERTY_NAMES,
];
const SEARCH_PROPERTIES = ['email', 'firstname', 'lastname', 'company', 'jobtitle'];
export const MAX_ENGAGEMENTS = 20;
export const MAX_ENGAGEMENT_TEXT = 2000;
/** hubspot.fetch and the extension wait 15 s at most; a hung HubSpot call must fail before that. */
const CALL_TIMEOUT_MS = 10_000;

/** What the reader builds for one contact; the route adds the stored persona (LiveContact). */
export type LiveContactRecord = Pick<LiveContact, 'contactId' | 'properties' | 'engagements'>;

interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
}

export class ContactReader {
  constructor(private readonly hubspot: HubSpotClient) {}

  /** The contact's properties and its newest notes and emails (associations v4, then batch reads). */
  async contact(portalId: number, contactId: string): Promise<LiveContactRecord> {
    // Logged emails need the `sales-email-read` scope, which a portal may not have granted: without it the contact
    // still comes back, with its notes only.
    const withoutScope = (error: unknown): HubSpotObject[] => {
      if (error instanceof HttpError && error.code === 'hubspot_forbidden') return [];
      throw error;
    };
    const [contact, notes, emails] = await Promise.all([
      this.call<HubSpotObject>(
        portalId,
        'GET',
        `/crm/v3/objects/contacts/${encodeURIComponent(contactId)}?${repeated('properties', CONTACT_READ_PROPERTIES)}`,
      ),
      this.associated(portalId, contactId, 'notes').then((ids) =>
        this.readEngagements(portalId, 'notes', ids, ['hs_timestamp', 'hs_note_body']),
      ),
      this.associated(portalId, contactId, 'emails')
        .then((ids) =>
          this.readEngagements(portalId, 'emails', ids, ['hs_timestamp', 'hs_email_subject', 'hs_email_text']),
        )
        .catch(withoutScope),
    ]);
    const engagements = [
      ...notes.map((n) => engagement(n, 'note', undefined, n.properties.hs_note_body)),
      ...emails.map((e) => engagement(e, 'email', e.properties.hs_email_subject, e.properties.hs_email_text)),
    ]
      .sort((a, b) => b.at.localeCompare(a.at) || Number(b.id) - Number(a.id))
      .slice(0, MAX_ENGAGEMENTS);
    const properties: Record<string, string | null> = {};
    for (const name of CONTACT_READ_PROPERTIES) properties[name] = contact.properties[name] ?? null;
    return { contactId: contact.id, properties, engagements };
  }

  /** Contacts matching a free-text query (HubSpot search), a page at a time. */
  async search(portalId: number, query: string | undefined, limit: number, after?: string): Promise<ContactSearchPage> {
    const page = await this.call<{ results: HubSpotObject[]; paging?: { next?: { after?: string } } }>(
      portalId,
      'POST',
      '/crm/v3/objects/contacts/search',
      {
        ...(query ? { query } : {}),
        limit,
        ...(after ? { after } : {}),
        properties: SEARCH_PROPERTIES,
        filterGroups: [],
        sorts: [],
      },
    );
    return {
      contacts: page.results.map((r) => ({
        id: r.id,
        email: r.properties.email ?? null,
        firstname: r.properties.firstname ?? null,
        lastname: r.properties.lastname ?? null,
        company: r.properties.company ?? null,
        jobtitle: r.properties.jobtitle ?? null,
      })),
      next: page.paging?.next?.after ?? null,
    };
  }

  private async associated(portalId: number, contactId: string, type: 'notes' | 'emails'): Promise<string[]> {
    const page = await this.call<{ results: { toObjectId: number }[] }>(
      portalId,
      'GET',
      `/crm/v4/objects/contacts/${encodeURIComponent(contactId)}/associations/${type}?limit=500`,
    );
    // Record ids grow with creation time: the highest 100 are the newest, enough to pick the newest 20 from.
    return page.results
      .map((r) => String(r.toObjectId))
      .sort((a, b) => Number(b) - Number(a))
      .slice(0, 100);
  }

  private async readEngagements(
    portalId: number,
    type: 'notes' | 'emails',
    ids: string[],
    properties: string[],
  ): Promise<HubSpotObject[]> {
    if (ids.length === 0) return [];
    const answer = await this.call<{ results: HubSpotObject[] }>(
      portalId,
      'POST',
      `/crm/v3/objects/${type}/batch/read`,
      {
        inputs: ids.map((id) => ({ id })),
        properties,
        propertiesWithHistory: [],
      },
    );
    return answer.results;
  }

  /** One HubSpot call for the portal (a slot of its rate limiter, its token), HubSpot's answer translated. */
  private async call<T>(portalId: number, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    try {
      return (await this.hubspot.request<T>(portalId, method, path, body, { timeoutMs: CALL_TIMEOUT_MS })).body;
    } catch (error) {
      throw translate(error);
    }
  }
}

/** `name=a&name=b…`: a list query parameter the way HubSpot's own clients send it. */
function repeated(name: string, values: string[]): string {
  const params = new URLSearchParams();
  for (const value of values) params.append(name, value);
  return params.toString();
}

function engagement(
  object: HubSpotObject,
  type: 'note' | 'email',
  title: string | null | undefined,
  text: string | null | undefined,
): Engagement {
  const stamp = object.properties.hs_timestamp;
  const at = stamp && !Number.isNaN(Date.parse(stamp)) ? new Date(stamp).toISOString() : new Date(0).toISOString();
  const plain = text ? noteToText(text).slice(0, MAX_ENGAGEMENT_TEXT) : '';
  return {
    id: object.id,
    type,
    at,
    ...(title ? { title: title.slice(0, 500) } : {}),
    ...(plain ? { text: plain } : {}),
  };
}

/** Line breaks, paragraph ends and list items are where a note's lines end. */
const NOTE_LINE_END = /^<(?:br|\/p|\/div|\/li)\s*\/?>$/i;

/** Notes are HTML in HubSpot; the extension wants plain text. */
export function noteToText(html: string): string {
  return htmlToText(html, { grammar: 'markup', tag: 'remove', breakTags: NOTE_LINE_END, entities: 'common' })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function translate(error: unknown): HttpError {
  if (error instanceof NoAccessTokenError) {
    return new HttpError(409, 'portal_not_installed', 'The Closer app is not installed on this HubSpot portal');
  }
  const answered = error instanceof HubSpotError && error.status !== 0 ? error : undefined;
  const status = answered?.status;
  const headers = answered?.headers ?? {};
  if (error instanceof HubSpotError && error.timedOut) {
    return new HttpError(504, 'hubspot_timeout', `HubSpot did not answer within ${CALL_TIMEOUT_MS / 1000} s`);
  }
  if (status === 404) return new HttpError(404, 'contact_not_found', 'HubSpot has no such contact');
  if (status === 429) {
    const seconds = Math.max(
      1,
      Math.ceil(Number(headers['x-hubspot-ratelimit-interval-milliseconds'] ?? 10_000) / 1000),
    );
    return new HttpError(503, 'hubspot_rate_limited', 'HubSpot rate limit reached; retry later', {
      'retry-after': String(seconds),
    });
  }
  if (status === 401) return new HttpError(502, 'hubspot_auth_failed', "HubSpot refused the app's credentials");
  if (status === 403) {
    return new HttpError(502, 'hubspot_forbidden', 'HubSpot refused: the app lacks a scope this read needs');
  }
  if (status !== undefined && status >= 500) {
    return new HttpError(502, 'hubspot_unavailable', `HubSpot answered ${status}; retry later`);
  }
  if (status !== undefined) return new HttpError(502, 'hubspot_rejected', `HubSpot rejected the request (${status})`);
  return new HttpError(502, 'hubspot_unreachable', 'HubSpot could not be reached');
}
