/**
 * OAuth install: /oauth/install sends the user to HubSpot's authorize page with a one-time `state`; /oauth/callback
 * checks it, exchanges the code, stores the tokens encrypted and sets the portal up (idempotently).
 */
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../app-config';
import type { Queryable } from '../db/database';
import { messagePage, pickLang } from '../device/connect-page';
import { approveDeviceCode, denyDeviceCode } from '../device/device-codes';
import { setupPortal } from '../hubspot/portal-setup';
import { TokenRateLimit } from '../extension/token-rate-limit';
import { HttpError } from '../http/errors';
import type { JsonResponse, Route } from '../http/router';
import type { AppServices } from '../services';

/** An install flow left unfinished longer than this must start over. */
const STATE_TTL_MINUTES = 10;

// Read at request time: the public URL may be settled after the routes are built (port 0).
const redirectUri = (config: AppConfig) => `${config.publicUrl}/oauth/callback`;

/**
 * Starts HubSpot OAuth: a one-time `state`, bound to a device code when the install was started from /connect (the
 * callback then approves that code), and the redirect to HubSpot's authorize page.
 */
export async function startOAuth(
  db: Queryable,
  config: AppConfig,
  deviceCodeId?: string,
  status: 302 | 303 = 302,
): Promise<JsonResponse> {
  const state = randomBytes(24).toString('base64url');
  await db.query('INSERT INTO oauth_states (state, device_code_id) VALUES ($1, $2)', [state, deviceCodeId ?? null]);
  const target = new URL(config.hubspotAuthorizeUrl);
  target.searchParams.set('client_id', config.clientId);
  target.searchParams.set('redirect_uri', redirectUri(config));
  target.searchParams.set('scope', config.scopes.join(' '));
  if (config.optionalScopes.length > 0) target.searchParams.set('optional_scope', config.optionalScopes.join(' '));
  target.searchParams.set('state', state);
  return { status, body: undefined, headers: { location: target.toString() } };
}

export function oauthRoutes(services: AppServices): Route[] {
  const { db, config } = services;
  // Each install writes an OAuth state row: per address, the same budget as asking for a sign-in code (which also
  // ends at HubSpot's consent page), so nobody can fill the table or use the backend as a redirect pump.
  const installsPerIp = new TokenRateLimit(config.deviceAuthorizePerMinute, 'this address');
  return [
    {
      method: 'GET',
      path: '/oauth/install',
      handler: async (ctx) => {
        installsPerIp.check(ctx.remoteAddress ?? 'unknown');
        // States are single-use and live STATE_TTL_MINUTES; expired ones go here rather than lingering.
        await db.query(`DELETE FROM oauth_states WHERE created_at <= now() - $1 * interval '1 minute'`, [
          STATE_TTL_MINUTES,
        ]);
        return startOAuth(db, config);
      },
    },
    {
      method: 'GET',
      path: '/oauth/callback',
      handler: async ({ url, log, headers }) => {
        const state = url.searchParams.get('state') ?? '';
        const code = url.searchParams.get('code') ?? '';
        const { rows: states } = await db.query<{ device_code_id: string | null }>(
          `DELETE FROM oauth_states WHERE state = $1 AND created_at > now() - $2 * interval '1 minute'
           RETURNING device_code_id`,
          [state, STATE_TTL_MINUTES],
        );
        if (states.length !== 1)
          throw new HttpError(400, 'invalid_state', 'Unknown or expired OAuth state; start the install again');
        const deviceCodeId = states[0]?.device_code_id ?? null;
        const lang = pickLang(null, headers['accept-language']);
        if (deviceCodeId !== null && url.searchParams.get('error')) {
          // The person declined on HubSpot's page: the extension hears access_denied.
          await denyDeviceCode(db, deviceCodeId);
          return messagePage(lang, 200, 'denied');
        }
        if (!code) throw new HttpError(400, 'invalid_request', 'Missing authorization code');
        const grant = await services.tokens.requestToken({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri(config),
        });
        // Which portal, which scopes HubSpot granted (optional ones depend on the account) and which user approved:
        // the access-token info always has hub_id; the token response's hub_id is optional in HubSpot's spec.
        const who = await services.tokens.accessTokenInfo(grant.access_token);
        const portalId = who.hub_id;
        if (grant.hub_id !== undefined && grant.hub_id !== portalId) {
          throw new HttpError(502, 'bad_gateway', 'HubSpot named two different portals');
        }
        await services.tokens.save(portalId, grant, who.scopes);
        const setup = await setupPortal(db, services.hubspot, portalId);
        log.info('oauth.installed', { portalId, setup, scopes: who.scopes });
        if (deviceCodeId === null) return { status: 200, body: { installed: true, portalId, setup } };
        // The extension token is the approving user's, in this portal.
        const approved = await approveDeviceCode(db, deviceCodeId, portalId, String(who.user_id));
        log.info('device.approved', { portalId, approved });
        return approved ? messagePage(lang, 200, 'connected', true) : messagePage(lang, 410, 'expired');
      },
    },
  ];
}
