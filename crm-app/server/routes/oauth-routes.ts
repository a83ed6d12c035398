/**
 * OAuth install: /oauth/install sends the user to HubSpot's authorize page with a one-time `state`; /oauth/callback
 * checks it, exchanges the code, stores the tokens encrypted and sets the portal up (idempotently).
 */
import { randomBytes } from 'node:crypto';
import { setupPortal } from '../hubspot/portal-setup';
import { HttpError } from '../http/errors';
import type { Route } from '../http/router';
import type { AppServices } from './app-routes';

/** An install flow left unfinished longer than this must start over. */
const STATE_TTL_MINUTES = 10;

export function oauthRoutes(services: AppServices): Route[] {
  const { db, config } = services;
  // Read at request time: the public URL may be settled after the routes are built (port 0).
  const redirectUri = () => `${config.publicUrl}/oauth/callback`;
  return [
    {
      method: 'GET',
      path: '/oauth/install',
      handler: async () => {
        const state = randomBytes(24).toString('base64url');
        await db.query('INSERT INTO oauth_states (state) VALUES ($1)', [state]);
        const target = new URL(config.hubspotAuthorizeUrl);
        target.searchParams.set('client_id', config.clientId);
        target.searchParams.set('redirect_uri', redirectUri());
        target.searchParams.set('scope', config.scopes.join(' '));
        target.searchParams.set('state', state);
        return { status: 302, body: undefined, headers: { location: target.toString() } };
      },
    },
    {
      method: 'GET',
      path: '/oauth/callback',
      handler: async ({ url, log }) => {
        const state = url.searchParams.get('state') ?? '';
        const code = url.searchParams.get('code') ?? '';
        const { rowCount } = await db.query(
          `DELETE FROM oauth_states WHERE state = $1 AND created_at > now() - $2 * interval '1 minute'`,
          [state, STATE_TTL_MINUTES],
        );
        if (rowCount !== 1)
          throw new HttpError(400, 'invalid_state', 'Unknown or expired OAuth state; start the install again');
        if (!code) throw new HttpError(400, 'invalid_request', 'Missing authorization code');
        const grant = await services.tokens.requestToken({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri(),
        });
        const portalId = grant.hub_id;
        if (!portalId) throw new HttpError(502, 'bad_gateway', 'HubSpot did not say which portal installed the app');
        await services.tokens.save(portalId, grant);
        const setup = await setupPortal(db, services.hubspot, portalId);
        log.info('oauth.installed', { portalId, setup });
        return { status: 200, body: { installed: true, portalId, setup } };
      },
    },
  ];
}
