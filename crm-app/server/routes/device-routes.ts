/**
 * Extension sign-in by device code: `POST /v1/device/authorize` and `POST /v1/device/token` for the extension's
 * options page, the /connect pages a person opens to approve (through HubSpot OAuth), and `GET /v1/me`.
 */
import { z } from 'zod';
import {
  CONNECT_COOKIE,
  WrongCodeTries,
  cookieValue,
  crossSiteProblem,
  formToken,
  formTokenValid,
  newConnectCookie,
} from '../device/connect-guard';
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

const AuthorizeRequest = z.strictObject({
  clientName: z.string().trim().min(1).max(100).optional(),
  // PKCE S256: base64url(SHA-256(verifier)); the verifier itself comes only at redeem.
  codeChallenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a S256 code challenge'),
  codeChallengeMethod: z.literal('S256').optional(),
});
const TokenRequest = z.strictObject({
  deviceCode: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a device code'),
  codeVerifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/, 'not a code verifier'),
});

export function deviceRoutes(services: AppServices): Route[] {
  const { db, config } = services;
  const perIp = new TokenRateLimit(config.deviceAuthorizePerMinute, 'this address');
  const langOf = (ctx: RequestContext): Lang =>
    pickLang(ctx.url.searchParams.get('lang'), ctx.headers['accept-language']);
  const form = (ctx: RequestContext) => new URLSearchParams(ctx.body.toString('utf8'));
  const wrongCodes = new WrongCodeTries();

  /** The pending, live code a /connect form names, or the page saying why there is none. */
  const pendingCode = async (ctx: RequestContext, lang: Lang, raw: string | null) => {
    const address = ctx.remoteAddress ?? 'unknown';
    if (wrongCodes.locked(address)) return { page: messagePage(lang, 429, 'tooManyTries') };
    const userCode = normalizeUserCode(raw ?? '');
    if (!userCode) return { page: enterCodePage(lang, raw !== null && raw !== '') };
    const code = await findByUserCode(db, userCode);
    if (!code) {
      wrongCodes.record(address);
      return { page: messagePage(lang, 404, 'unknown') };
    }
    if (code.status === 'approved' || code.status === 'redeemed')
      return { page: messagePage(lang, 409, 'alreadyUsed') };
    if (code.status === 'denied') return { page: messagePage(lang, 409, 'denied') };
    if (code.expired) return { page: messagePage(lang, 410, 'expired') };
    return { code };
  };

  /** The refusal page for a POST that did not come from this backend's own page, or null. */
  const sameOriginOnly = (ctx: RequestContext, lang: Lang) => {
    const problem = crossSiteProblem(ctx.headers, config.publicUrl);
    if (!problem) return null;
    ctx.log.warn('connect.cross_site_refused', { reason: problem });
    return messagePage(lang, 403, 'crossSite');
  };

  /** For Approve and Deny: same origin, the code still pending, and the form token of the page that showed it. */
  const decidedCode = async (ctx: RequestContext) => {
    const body = form(ctx);
    const lang = pickLang(body.get('lang'), ctx.headers['accept-language']);
    const refused = sameOriginOnly(ctx, lang);
    if (refused) return { page: refused, lang };
    const found = await pendingCode(ctx, lang, body.get('code'));
    if (found.page) return { page: found.page, lang };
    if (
      !formTokenValid(config.tokenKey, cookieValue(ctx.headers, CONNECT_COOKIE), found.code.id, body.get('formToken'))
    ) {
      ctx.log.warn('connect.form_token_refused', { deviceCodeId: found.code.id });
      return { page: messagePage(lang, 403, 'staleForm'), lang };
    }
    return { code: found.code, lang };
  };

  return [
    {
      method: 'POST',
      path: '/v1/device/authorize',
      handler: async (ctx) => {
        perIp.check(ctx.remoteAddress ?? 'unknown');
        const { clientName, codeChallenge } = parseRequest(
          AuthorizeRequest,
          jsonBody(ctx.body),
          'device authorization',
        );
        const issued = await createDeviceCode(db, clientName, codeChallenge);
        // No verificationUriComplete: the person types the code the extension shows, so a link from someone else
        // cannot carry a code of theirs into the approve page.
        return { status: 200, body: { ...issued, verificationUri: `${config.publicUrl}/connect` } };
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
            body: {
              error: 'invalid_request',
              error_description: 'The body must be {"deviceCode": string, "codeVerifier": string}',
            },
          };
        }
        const result = await pollDeviceCode(db, parsed.data.deviceCode, parsed.data.codeVerifier);
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
      // Always the empty form: a code in the link (someone else's) is never carried into the approve page.
      handler: async (ctx) => enterCodePage(langOf(ctx)),
    },
    {
      method: 'POST',
      path: '/connect/code',
      handler: async (ctx) => {
        const body = form(ctx);
        const lang = pickLang(body.get('lang'), ctx.headers['accept-language']);
        const refused = sameOriginOnly(ctx, lang);
        if (refused) return refused;
        const found = await pendingCode(ctx, lang, body.get('code'));
        if (found.page) return found.page;
        const { nonce, setCookie } = newConnectCookie(config.publicUrl);
        const shown = approvePage(
          lang,
          found.code.userCode,
          found.code.clientName,
          new URL(config.hubspotAuthorizeUrl).origin,
          formToken(config.tokenKey, nonce, found.code.id),
        );
        return { ...shown, headers: { ...shown.headers, 'set-cookie': setCookie, 'cache-control': 'no-store' } };
      },
    },
    {
      method: 'POST',
      path: '/connect/approve',
      handler: async (ctx) => {
        const decided = await decidedCode(ctx);
        if (decided.page) return decided.page;
        // 303: the browser follows with a GET to HubSpot's authorize page.
        return startOAuth(db, config, decided.code.id, 303);
      },
    },
    {
      method: 'POST',
      path: '/connect/deny',
      handler: async (ctx) => {
        const decided = await decidedCode(ctx);
        if (decided.page) return decided.page;
        return (await denyDeviceCode(db, decided.code.id))
          ? messagePage(decided.lang, 200, 'denied')
          : messagePage(decided.lang, 410, 'expired');
      },
    },
  ];
}
