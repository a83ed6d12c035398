/**
 * Reads where the user is in HubSpot from the URL alone: HubSpot's class names are generated and change with every
 * release, while its routes are public and stable (they are what people bookmark and share).
 */

/** HubSpot's object type id for contacts. */
export const CONTACT_OBJECT_TYPE = '0-1';

export type HubspotView =
  | { kind: 'record'; portalId: string; objectTypeId: string; recordId: string }
  | { kind: 'list'; portalId: string; objectTypeId: string; viewId: string | null }
  | { kind: 'other'; portalId: string | null };

const HOST = 'app.hubspot.com';
export const HUBSPOT_ORIGIN = `https://${HOST}`;
const DIGITS = /^\d{1,20}$/;
/** Object type ids: `0-1` (contacts), `0-2` (companies), custom `2-123`; older routes use names. */
const OBJECT_TYPE = /^\d{1,3}-\d{1,12}$/;
const OBJECT_NAMES: Record<string, string> = { contact: '0-1', contacts: '0-1', company: '0-2', companies: '0-2' };

const objectTypeOf = (segment: string | undefined): string | null => {
  if (!segment) return null;
  if (OBJECT_TYPE.test(segment)) return segment;
  return OBJECT_NAMES[segment.toLowerCase()] ?? null;
};

/**
 * Parses a HubSpot app URL. Recognised routes (each may carry `/view/…`, `/activity`, a query or a hash after it):
 * - record: `/contacts/{portal}/record/0-1/{id}`, `/contacts/{portal}/contact/{id}` (older),
 *   `/record/{portal}/0-1/{id}` and `/contacts/{portal}/objects/0-1/{id}` (newer object routes);
 * - list: `/contacts/{portal}/objects/0-1/views/{viewId}/list`, `/contacts/{portal}/objects/0-1` and the older
 *   `/contacts/{portal}/contacts/list/view/{viewId}`.
 * Anything else on the host is `other`, with the portal when the path names one.
 */
export function parseHubspotUrl(raw: string): HubspotView | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.hostname !== HOST) return null;
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [app, portal, a, b, c, d] = parts;
  const portalId = portal && DIGITS.test(portal) ? portal : null;

  // Newer record route: /record/{portal}/{type}/{id}
  if (app === 'record' && portalId && objectTypeOf(a) && b && DIGITS.test(b))
    return { kind: 'record', portalId, objectTypeId: objectTypeOf(a) as string, recordId: b };

  if (app === 'contacts' && portalId) {
    // /contacts/{portal}/record/{type}/{id}
    if (a === 'record' && objectTypeOf(b) && c && DIGITS.test(c))
      return { kind: 'record', portalId, objectTypeId: objectTypeOf(b) as string, recordId: c };
    // /contacts/{portal}/contact/{id} and /contacts/{portal}/company/{id} (older)
    if ((a === 'contact' || a === 'company') && b && DIGITS.test(b))
      return { kind: 'record', portalId, objectTypeId: objectTypeOf(a) as string, recordId: b };
    if (a === 'objects' && objectTypeOf(b)) {
      const objectTypeId = objectTypeOf(b) as string;
      // /contacts/{portal}/objects/{type}/{id}
      if (c && DIGITS.test(c)) return { kind: 'record', portalId, objectTypeId, recordId: c };
      // /contacts/{portal}/objects/{type}[/views/{viewId}/list]
      if (c === undefined || c === 'views')
        return { kind: 'list', portalId, objectTypeId, viewId: c === 'views' && d ? d : null };
    }
    // /contacts/{portal}/contacts[/list/view/{viewId}] (older list route)
    if (a === 'contacts' || a === 'companies') {
      const viewId = b === 'list' && c === 'view' && d ? d : null;
      return { kind: 'list', portalId, objectTypeId: objectTypeOf(a) as string, viewId };
    }
  }
  return { kind: 'other', portalId };
}

/** The canonical record URL of a contact, for links and for reading ids back out of list views. */
export const contactRecordUrl = (portalId: string, contactId: string) =>
  `https://${HOST}/contacts/${portalId}/record/${CONTACT_OBJECT_TYPE}/${contactId}`;
