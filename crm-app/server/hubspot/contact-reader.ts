/**
 * Live reads of HubSpot contacts for the extension, through the official `@hubspot/api-client` (pointed at the
 * sandbox with `basePath` in tests). Every call takes a slot of the portal's rate limiter that the sync worker uses,
 * and feeds HubSpot's rate-limit headers back into it, so reads and sync never overrun the portal's limit together.
 * HubSpot failures become HttpErrors the extension can act on: 404, 503 + Retry-After, 502, 504.
 */
import { Client } from '@hubspot/api-client';
import { htmlToText } from '../../../shared/common/text/html-to-text';
import { HttpError } from '../http/errors';
import { TimeoutError, withTimeout } from '../http/with-timeout';
import type { TokenStore } from '../oauth/token-store';
import type { HubSpotClient } from '../sync/hubspot-client';
import { CLOSER_PROPERTY_NAMES } from '../sync/properties';

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

export interface Engagement {
  id: string;
  type: 'note' | 'email';
  at: string;
  title?: string;
  text?: string;
}

export interface LiveContact {
  contactId: string;
  properties: Record<string, string | null>;
  engagements: Engagement[];
}

export interface ContactSearchPage {
  contacts: {
    id: string;
    email: string | null;
    firstname: string | null;
    lastname: string | null;
    company: string | null;
    jobtitle: string | null;
  }[];
  next: string | null;
}

interface HttpInfo<T> {
  httpStatusCode: number;
  headers: Record<string, string>;
  data: T;
}

interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
}

export class ContactReader {
  private readonly clients = new Map<number, { token: string; client: Client }>();

  constructor(
    private readonly baseUrl: string,
    private readonly tokens: TokenStore,
    private readonly hubspot: HubSpotClient,
  ) {}

  /** The contact's properties and its newest notes and emails (associations v4, then batch reads). */
  async contact(portalId: number, contactId: string): Promise<LiveContact> {
    // Logged emails need the `sales-email-read` scope, which a portal may not have granted: without it the contact
    // still comes back, with its notes only.
    const withoutScope = (error: unknown): HubSpotObject[] => {
      if (error instanceof HttpError && error.code === 'hubspot_forbidden') return [];
      throw error;
    };
    const [contact, notes, emails] = await Promise.all([
      this.call(portalId, (c) => c.crm.contacts.basicApi.getByIdWithHttpInfo(contactId, CONTACT_READ_PROPERTIES)),
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
    const page = await this.call(portalId, (c) =>
      c.crm.contacts.searchApi.doSearchWithHttpInfo({
        ...(query ? { query } : {}),
        limit,
        ...(after ? { after } : {}),
        properties: SEARCH_PROPERTIES,
        filterGroups: [],
        sorts: [],
      }),
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
    const page = await this.call(portalId, (c) =>
      c.crm.associations.v4.basicApi.getPageWithHttpInfo('contacts', contactId, type, undefined, 500),
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
    const api = (c: Client) => (type === 'notes' ? c.crm.objects.notes.batchApi : c.crm.objects.emails.batchApi);
    const answer = await this.call(portalId, (c) =>
      api(c).readWithHttpInfo({ inputs: ids.map((id) => ({ id })), properties, propertiesWithHistory: [] }),
    );
    return answer.results;
  }

  /**
   * One HubSpot call: a limiter slot (stamped when it leaves and when its answer arrives, as the sync engine does),
   * the portal's access token (refreshed once on 401), and HubSpot's answer translated for our caller.
   */
  private async call<T>(portalId: number, send: (client: Client) => Promise<HttpInfo<T>>): Promise<T> {
    const limiter = this.hubspot.limiter(portalId);
    for (let authRetry = 0; ; authRetry += 1) {
      let stamp = await limiter.acquire();
      let client: Client;
      try {
        client = this.client(portalId, await this.tokens.accessToken(portalId, authRetry > 0));
      } catch {
        limiter.release(stamp);
        throw new HttpError(409, 'portal_not_installed', 'The Closer app is not installed on this HubSpot portal');
      }
      stamp = limiter.touch(stamp);
      try {
        const answer = await withTimeout(send(client), CALL_TIMEOUT_MS);
        limiter.touch(stamp);
        limiter.observe(rateHeaders(answer.headers), answer.httpStatusCode);
        return answer.data;
      } catch (error) {
        limiter.touch(stamp);
        const status = apiStatus(error);
        const headers = apiHeaders(error);
        limiter.observe(rateHeaders(headers), status ?? 0);
        if (status === 401 && authRetry === 0) continue;
        throw translate(error, status, headers);
      }
    }
  }

  private client(portalId: number, token: string): Client {
    const cached = this.clients.get(portalId);
    if (cached?.token === token) return cached.client;
    // No retries and no limiter inside the client: ours decide both, per portal, shared with the sync worker.
    const client = new Client({ accessToken: token, basePath: this.baseUrl, numberOfApiCallRetries: 0 });
    this.clients.set(portalId, { token, client });
    return client;
  }
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

function apiStatus(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

function apiHeaders(error: unknown): Record<string, string> {
  const headers = (error as { headers?: unknown } | null)?.headers;
  return headers && typeof headers === 'object' ? (headers as Record<string, string>) : {};
}

function rateHeaders(headers: Record<string, string>) {
  const number = (name: string) => {
    const value = headers[name];
    return value === undefined ? undefined : Number(value);
  };
  return {
    max: number('x-hubspot-ratelimit-max'),
    remaining: number('x-hubspot-ratelimit-remaining'),
    intervalMs: number('x-hubspot-ratelimit-interval-milliseconds'),
  };
}

function translate(error: unknown, status: number | undefined, headers: Record<string, string>): HttpError {
  if (error instanceof TimeoutError) {
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
