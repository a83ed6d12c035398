/**
 * CRM search as HubSpot runs it (spec: HubSpot-public-api-spec-collection, PublicApiSpecs/CRM/Search… `POST
 * /crm/v3/objects/{objectType}/search`, PublicObjectSearchRequest: filterGroups, sorts, query, properties, limit,
 * after; docs "Search the CRM", limitations section):
 * - its own per-account limit of a few requests per second (4 in HubSpot's changelog "CRM Search API Rate Limit
 *   Increase"; configurable here), separate from the ten-second window, and answers carry no X-HubSpot-RateLimit-*
 *   headers;
 * - at most 200 results a page, and a 400 for paging past 10,000 results;
 * - newly written records appear only after an indexing delay (the docs warn that search results may lag writes);
 *   the sandbox's lag is configurable, zero by default.
 */
import { randomBytes } from 'node:crypto';
import { validation } from './errors';
import type { CrmObject, PortalState } from './state';

export const SEARCH_PAGE_MAX = 200;
export const SEARCH_RESULTS_MAX = 10_000;

/** Properties a search `query` matches against (HubSpot's default searchable contact properties, simplified). */
const QUERY_PROPERTIES = ['email', 'firstname', 'lastname', 'company', 'phone', 'domain'];

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
}

type Body = Record<string, unknown>;

/** The 429 HubSpot answers when the search limit is hit: no rate-limit headers, policy SECONDLY. */
export function searchThrottled(): { status: number; body: unknown } {
  return {
    status: 429,
    body: {
      status: 'error',
      message: 'You have reached your secondly limit.',
      errorType: 'RATE_LIMIT',
      correlationId: randomBytes(8).toString('hex'),
      policyName: 'SECONDLY',
    },
  };
}

/** Takes a search slot for the portal; false when its per-second limit is spent. */
export function admitSearch(portal: PortalState, now: number): boolean {
  return portal.searchLimiter.take(now) >= 0;
}

/** Search supports EQ / NEQ / HAS_PROPERTY filters, ANDed within a group and ORed across groups. */
export function search(
  portal: PortalState,
  objects: Iterable<CrmObject>,
  body: Body,
  lagMs = 0,
  now = Date.now(),
): { status: number; body: unknown } {
  const groups = (Array.isArray(body.filterGroups) ? body.filterGroups : []) as { filters?: Filter[] }[];
  const requested = Number(body.limit ?? 10) || 10;
  if (requested > SEARCH_PAGE_MAX) throw validation(`limit must be at most ${SEARCH_PAGE_MAX}`);
  const limit = Math.max(1, requested);
  const after = Number(body.after ?? 0) || 0;
  if (after + limit > SEARCH_RESULTS_MAX) {
    throw validation(`Paging past ${SEARCH_RESULTS_MAX} results is not supported`);
  }
  const properties = Array.isArray(body.properties) ? body.properties.map(String) : undefined;
  const matches = (object: CrmObject, filter: Filter) => {
    const value = object.properties[filter.propertyName] ?? (filter.propertyName === 'hs_object_id' ? object.id : null);
    if (filter.operator === 'EQ') return value !== null && value.toLowerCase() === String(filter.value).toLowerCase();
    if (filter.operator === 'NEQ') return value !== String(filter.value);
    if (filter.operator === 'HAS_PROPERTY') return value !== null && value !== '';
    throw validation(`Unsupported filter operator ${filter.operator}`);
  };
  const query = typeof body.query === 'string' ? body.query.trim().toLowerCase() : '';
  const matchesQuery = (object: CrmObject) =>
    query === '' || QUERY_PROPERTIES.some((name) => (object.properties[name] ?? '').toLowerCase().includes(query));
  const indexed = (object: CrmObject) => (portal.indexedAt.get(object.id) ?? 0) <= now - lagMs;
  const all = [...objects].filter(
    (object) =>
      indexed(object) &&
      matchesQuery(object) &&
      (groups.length === 0 || groups.some((group) => (group.filters ?? []).every((f) => matches(object, f)))),
  );
  const page = all.slice(after, after + limit);
  const next = after + limit < all.length ? { paging: { next: { after: String(after + limit) } } } : {};
  return { status: 200, body: { total: all.length, results: page.map((o) => view(o, properties)), ...next } };
}

function view(object: CrmObject, properties?: string[]): Record<string, unknown> {
  const picked: Record<string, string | null> = {};
  for (const name of properties ?? Object.keys(object.properties)) picked[name] = object.properties[name] ?? null;
  picked.hs_object_id = object.id;
  return {
    id: object.id,
    properties: picked,
    createdAt: object.createdAt,
    updatedAt: object.updatedAt,
    archived: false,
  };
}
