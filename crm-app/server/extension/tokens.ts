/**
 * Bearer tokens for the extension, one per portal and user. Only their SHA-256 is stored; revoking sets revoked_at.
 *
 * Lifetime: a token is refused 30 days after it was issued. The extension renews it (a new token for the same portal
 * and user) once a day while it is in use, so only a token left idle for 30 days expires; a copied token stops
 * working within a day of the extension's next use, when the renewal retires it. A renewed token keeps working for
 * RENEW_GRACE_MS, in case the answer carrying its successor was lost.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import { HttpError } from '../http/errors';

export interface TokenOwner {
  tokenId: string;
  portalId: number;
  userId: string;
}

const hash = (token: string) => createHash('sha256').update(token).digest();

/**
 * Verified tokens are remembered briefly so a busy extension costs one query per token every few seconds, not one per
 * request. Revocation through this process clears the entry at once; another process sees it within CACHE_MS.
 */
const CACHE_MS = 5_000;
/** Days after issue when a token is refused (the extension renews long before: see RENEW_AFTER_MS on its side). */
export const TOKEN_LIFETIME_DAYS = 30;
/** How long a renewed token is still accepted: the answer with its successor may not have arrived. */
export const RENEW_GRACE_MS = 5 * 60_000;
const cache = new Map<string, { owner: TokenOwner; until: number }>();

export async function issueExtensionToken(db: Database, portalId: number, userId: string): Promise<string> {
  return db.transaction((tx) => insertExtensionToken(tx, portalId, userId));
}

/** Issues a token inside the caller's transaction (the device flow redeems its code in the same one). */
export async function insertExtensionToken(tx: Queryable, portalId: number, userId: string): Promise<string> {
  const token = `clx_${randomBytes(32).toString('base64url')}`;
  await tx.query('INSERT INTO portals (portal_id) VALUES ($1) ON CONFLICT DO NOTHING', [portalId]);
  await tx.query('INSERT INTO extension_tokens (portal_id, user_id, token_hash) VALUES ($1, $2, $3)', [
    portalId,
    userId,
    hash(token),
  ]);
  return token;
}

/** The owner of the request's bearer token; 401 when it is missing, unknown or revoked. */
export async function authenticate(db: Database, authorization: string | undefined): Promise<TokenOwner> {
  const match = /^Bearer (clx_[A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '');
  if (!match?.[1]) throw unauthorized();
  const digest = hash(match[1]);
  const key = digest.toString('hex');
  const cached = cache.get(key);
  if (cached && cached.until > Date.now()) return cached.owner;
  const { rows } = await db.query<{ id: string; portal_id: string; user_id: string; expired: boolean }>(
    `SELECT id, portal_id, user_id, created_at < now() - make_interval(days => $2) AS expired
       FROM extension_tokens WHERE token_hash = $1 AND (revoked_at IS NULL OR revoked_at > now())`,
    [digest, TOKEN_LIFETIME_DAYS],
  );
  const row = rows[0];
  if (!row) throw unauthorized();
  if (row.expired) throw unauthorized(`The token expired (unused for ${TOKEN_LIFETIME_DAYS} days): sign in again`);
  const owner = { tokenId: row.id, portalId: Number(row.portal_id), userId: row.user_id };
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { owner, until: Date.now() + CACHE_MS });
  return owner;
}

/**
 * A new token for the same portal and user; the presented one keeps working for RENEW_GRACE_MS only. A token already
 * renewed cannot be renewed again (a copy of it must not outlive its grace).
 */
export async function renewToken(db: Database, owner: TokenOwner): Promise<{ token: string; expiresAt: string }> {
  const token = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `UPDATE extension_tokens SET revoked_at = now() + make_interval(secs => $2)
        WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [owner.tokenId, RENEW_GRACE_MS / 1000],
    );
    if (!rows[0]) throw new HttpError(409, 'already_renewed', 'This token was already renewed');
    return insertExtensionToken(tx, owner.portalId, owner.userId);
  });
  for (const [key, entry] of cache) if (entry.owner.tokenId === owner.tokenId) cache.delete(key);
  return { token, expiresAt: new Date(Date.now() + TOKEN_LIFETIME_DAYS * 86_400_000).toISOString() };
}

export async function revokeToken(db: Database, tokenId: string): Promise<void> {
  await db.query('UPDATE extension_tokens SET revoked_at = now() WHERE id = $1', [tokenId]);
  for (const [key, entry] of cache) if (entry.owner.tokenId === tokenId) cache.delete(key);
}

function unauthorized(message = 'A valid bearer token is required'): HttpError {
  return new HttpError(401, 'unauthorized', message, { 'www-authenticate': 'Bearer' });
}
