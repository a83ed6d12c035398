/**
 * The HubSpot panel works on the page's portal only. Closer's token belongs to one portal; a record id from a page
 * of another portal names a different contact there (or none), so reading or writing with it would touch the wrong
 * person. Null when the page and the sign-in agree, or when not signed in (nothing can be read or written then).
 */
export function portalMismatch(
  pagePortalId: string,
  status: { state: string; portalId: number | null } | null,
): { page: string; signedIn: string } | null {
  if (!status || status.state !== 'connected' || status.portalId === null) return null;
  return String(status.portalId) === pagePortalId ? null : { page: pagePortalId, signedIn: String(status.portalId) };
}
