/**
 * Extension sign-in by device code: `POST /v1/device/authorize` and `POST /v1/device/token` for the extension's
 * options page, the /connect pages a person opens to approve (through HubSpot OAuth), and `GET /v1/me`.
 */
import { z } from 'zod';
import { approvePage, enterCodePage, messagePage, pickLang, type Lang } from '../device/connect-page';
import {
  createDeviceCode,
  denyDeviceCode,
  findByUserCode,
  normalizeUserCode,
  pollDeviceCode,
} from '../device/device-codes';
import { jsonBody } from '../extension/schemas';
import { TokenRateLimit } from '../extension/token-rate-limit';
import { authenticate } from '../extension/tokens';
import { parseRequest } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import type { AppServices } from '../services';
import { startOAuth } from './oauth-routes';

const AuthorizeRequest = z
  .strictObject({ clientName: z.string().trim().min(1).max(100).optional() })
  .optional()
  .transform((v) => v ?? {});
const TokenRequest = z.strictObject({ deviceCode: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a device code') });

export function deviceRoutes(services: AppServices): Route[] {
  const { db, config } = services;
  const perIp = new TokenRateLimit(config.deviceAuthorizePerMinute, 'this address');
  const langOf = (ctx: RequestContext): Lang =>
    pickLang(ctx.url.searchParams.get('lang'), ctx.headers['accept-language']);
  const form = (ctx: RequestContext) => new URLSearchParams(ctx.body.toString('utf8'));

  /** The pending, live code a /connect form names, or the page saying why there is none. */
  const pendingCode = async (ctx: RequestContext, lang: Lang, raw: string | null) => {
    const userCode = normalizeUserCode(raw ?? '');
    if (!userCode) return { page: enterCodePage(lang, raw !== null && raw !== '') };
    const code = await findByUserCode(db, userCode);
    if (!code) return { page: messagePage(lang, 404, 'unknown') };
    if (code.status === 'approved' || code.status === 'redeemed')
      return { page: messagePage(lang, 409, 'alreadyUsed') };
    if (code.status === 'denied') return { page: messagePage(lang, 409, 'denied') };
    if (code.expired) return { page: messagePage(lang, 410, 'expired') };
    return { code };
  };

  return [
    {
      method: 'POST',
      path: '/v1/device/authorize',
      handler: async (ctx) => {
        perIp.check(ctx.remoteAddress ?? 'unknown');
        const { clientName } = parseRequest(AuthorizeRequest, jsonBody(ctx.body), 'device authorization');
        const issued = await createDeviceCode(db, clientName);
        const verificationUri = `${config.publicUrl}/connect`;
        return {
          status: 200,
          body: {
            ...issued,
            verificationUri,
            verificationUriComplete: `${verificationUri}?code=${issued.userCode}`,
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/v1/device/token',
      handler: async (ctx) => {
        const parsed = TokenRequest.safeParse(jsonBody(ctx.body));
        if (!parsed.success) {
          return {
            status: 400,
            body: { error: 'invalid_request', error_description: 'The body must be {"deviceCode": string}' },
          };
        }
        const result = await pollDeviceCode(db, parsed.data.deviceCode);
        if (!result.ok) return { status: 400, body: { error: result.error } };
        ctx.log.info('device.redeemed', { portalId: result.portalId });
        return { status: 200, body: { token: result.token, portalId: result.portalId, userId: result.userId } };
      },
    },
    {
      method: 'GET',
      path: '/v1/me',
      handler: async (ctx) => {
        const header = ctx.headers.authorization;
        const owner = await authenticate(db, Array.isArray(header) ? header[0] : header);
        services.tokenRateLimit.check(owner.tokenId);
        const { rows } = await db.query<{ scopes: string[] }>(
          `SELECT scopes FROM installs WHERE portal_id = $1 AND status = 'active'`,
          [owner.portalId],
        );
        const scopes = rows[0]?.scopes;
        return {
          status: 200,
          body: { portalId: owner.portalId, userId: owner.userId, ...(scopes ? { scopes } : {}) },
        };
      },
    },
    {
      method: 'GET',
      path: '/connect',
      handler: async (ctx) => {
        const lang = langOf(ctx);
        const found = await pendingCode(ctx, lang, ctx.url.searchParams.get('code'));
        if (found.page) return found.page;
        return approvePage(
          lang,
          found.code.userCode,
          found.code.clientName,
          new URL(config.hubspotAuthorizeUrl).origin,
        );
      },
    },
    {
      method: 'POST',
      path: '/connect/approve',
      handler: async (ctx) => {
        const body = form(ctx);
        const lang = pickLang(body.get('lang'), ctx.headers['accept-language']);
        const found = await pendingCode(ctx, lang, body.get('code'));
        if (found.page) return found.page;
        // 303: the browser follows with a GET to HubSpot's authorize page.
        return startOAuth(db, config, found.code.id, 303);
      },
    },
    {
      method: 'POST',
      path: '/connect/deny',
      handler: async (ctx) => {
        const body = form(ctx);
        const lang = pickLang(body.get('lang'), ctx.headers['accept-language']);
        const found = await pendingCode(ctx, lang, body.get('code'));
        if (found.page) return found.page;
        return (await denyDeviceCode(db, found.code.id))
          ? messagePage(lang, 200, 'denied')
          : messagePage(lang, 410, 'expired');
      },
    },
  ];
}
