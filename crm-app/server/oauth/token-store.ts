/**
 * OAuth tokens per portal: exchanged at install, stored encrypted, refreshed before they expire (HubSpot access
 * tokens live 30 minutes). Concurrent callers for one portal share a single refresh.
 */
import { z } from 'zod';
import type { AppConfig } from '../app-config';
import type { Database } from '../db/database';
import { hubspotOAuth, type AccessTokens } from '../hubspot/hubspot-client';
import { encryptToken, openToken, type TokenKeyring } from './token-crypto';

/** Refresh this long before expiry, so a request never leaves with a token about to lapse. */
const REFRESH_EARLY_MS = 5 * 60_000;

const AccessTokenInfo = z.object({
  hub_id: z.number().int().positive(),
  user_id: z.number().int().positive(),
  user: z.string().optional(),
  scopes: z.array(z.string()).optional(),
});
export type AccessTokenInfo = z.infer<typeof AccessTokenInfo>;

export interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  hub_id?: number;
}

export class TokenStore implements AccessTokens {
  private readonly cache = new Map<number, { token: string; expiresAt: number }>();
  private readonly refreshing = new Map<number, Promise<string>>();

  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  private get keyring(): TokenKeyring {
    return { current: this.config.tokenKey, previous: this.config.previousTokenKeys };
  }

  /**
   * Opens a stored token; one sealed with a rotated-out key is sealed again with the current key and stored, so the
   * old key can be retired once every portal has been read.
   */
  private async openStored(portalId: number, column: 'access' | 'refresh', sealed: Uint8Array): Promise<string> {
    const { plaintext, stale } = openToken(this.keyring, sealed);
    if (stale) {
      const target = column === 'access' ? 'access_token_ciphertext' : 'refresh_token_ciphertext';
      await this.db.query(`UPDATE installs SET ${target} = $2 WHERE portal_id = $1`, [
        portalId,
        encryptToken(this.config.tokenKey, plaintext),
      ]);
    }
    return plaintext;
  }

  /** POSTs a form to HubSpot's token endpoint. */
  async requestToken(form: Record<string, string>): Promise<TokenAnswer> {
    const answer = await hubspotOAuth(this.config.hubspotApiUrl, 'POST', '/oauth/v1/token', {
      form: { client_id: this.config.clientId, client_secret: this.config.clientSecret, ...form },
    });
    const body = (answer.body ?? {}) as Partial<TokenAnswer> & { message?: string };
    if (!answer.ok || typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string') {
      throw new Error(`HubSpot token endpoint answered ${answer.status}: ${body.message ?? 'no token'}`);
    }
    return body as TokenAnswer;
  }

  /** `GET /oauth/v1/access-tokens/{token}`: the portal and the HubSpot user a fresh access token belongs to. */
  async accessTokenInfo(accessToken: string): Promise<AccessTokenInfo> {
    const answer = await hubspotOAuth(
      this.config.hubspotApiUrl,
      'GET',
      `/oauth/v1/access-tokens/${encodeURIComponent(accessToken)}`,
      { timeoutMs: 10_000 },
    );
    const parsed = AccessTokenInfo.safeParse(answer.body);
    if (!answer.ok || !parsed.success) {
      throw new Error(`HubSpot access-token info answered ${answer.status} without hub_id and user_id`);
    }
    return parsed.data;
  }

  /**
   * Stores a fresh grant for a portal (creating the portal and its install). `scopes`, what HubSpot says it granted,
   * is known at install; a refresh keeps the stored ones.
   */
  async save(portalId: number, grant: TokenAnswer, scopes?: string[]): Promise<void> {
    const expiresAt = new Date(Date.now() + grant.expires_in * 1000);
    await this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO portals (portal_id) VALUES ($1) ON CONFLICT DO NOTHING', [portalId]);
      await tx.query(
        `INSERT INTO installs (portal_id, scopes, refresh_token_ciphertext, access_token_ciphertext, access_token_expires_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (portal_id) DO UPDATE SET refresh_token_ciphertext = EXCLUDED.refresh_token_ciphertext,
           access_token_ciphertext = EXCLUDED.access_token_ciphertext,
           access_token_expires_at = EXCLUDED.access_token_expires_at, status = 'active', uninstalled_at = NULL,
           scopes = CASE WHEN $6 THEN EXCLUDED.scopes ELSE installs.scopes END`,
        [
          portalId,
          scopes ?? this.config.scopes,
          encryptToken(this.config.tokenKey, grant.refresh_token),
          encryptToken(this.config.tokenKey, grant.access_token),
          expiresAt,
          scopes !== undefined,
        ],
      );
    });
    this.cache.set(portalId, { token: grant.access_token, expiresAt: expiresAt.getTime() });
  }

  /** A valid access token for the portal; refreshes it when it is close to expiry or when `force` is set. */
  async accessToken(portalId: number, force = false): Promise<string> {
    const cached = this.cache.get(portalId);
    if (!force && cached && cached.expiresAt - REFRESH_EARLY_MS > Date.now()) return cached.token;
    if (!force && !cached) {
      const { rows } = await this.db.query<{ a: Uint8Array | null; e: Date | null }>(
        `SELECT access_token_ciphertext AS a, access_token_expires_at AS e FROM installs
          WHERE portal_id = $1 AND status = 'active'`,
        [portalId],
      );
      const row = rows[0];
      if (!row) throw new Error(`portal ${portalId} has no active install`);
      if (row.a && row.e && row.e.getTime() - REFRESH_EARLY_MS > Date.now()) {
        const token = await this.openStored(portalId, 'access', row.a);
        this.cache.set(portalId, { token, expiresAt: row.e.getTime() });
        return token;
      }
    }
    let pending = this.refreshing.get(portalId);
    if (!pending) {
      pending = this.refresh(portalId).finally(() => this.refreshing.delete(portalId));
      this.refreshing.set(portalId, pending);
    }
    return pending;
  }

  private async refresh(portalId: number): Promise<string> {
    const { rows } = await this.db.query<{ r: Uint8Array | null }>(
      `SELECT refresh_token_ciphertext AS r FROM installs WHERE portal_id = $1 AND status = 'active'`,
      [portalId],
    );
    const sealed = rows[0]?.r;
    if (!sealed) throw new Error(`portal ${portalId} has no refresh token`);
    const grant = await this.requestToken({
      grant_type: 'refresh_token',
      refresh_token: await this.openStored(portalId, 'refresh', sealed),
    });
    await this.save(portalId, grant);
    return grant.access_token;
  }
}
