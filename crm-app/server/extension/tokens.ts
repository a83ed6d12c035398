/**
 * Bearer tokens for the extension, one per portal and user. Only their SHA-256 is stored; revoking sets revoked_at.
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
  const { rows } = await db.query<{ id: string; portal_id: string; user_id: string }>(
    'SELECT id, portal_id, user_id FROM extension_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [digest],
  );
  const row = rows[0];
  if (!row) throw unauthorized();
  const owner = { tokenId: row.id, portalId: Number(row.portal_id), userId: row.user_id };
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { owner, until: Date.now() + CACHE_MS });
  return owner;
}

export async function revokeToken(db: Database, tokenId: string): Promise<void> {
  await db.query('UPDATE extension_tokens SET revoked_at = now() WHERE id = $1', [tokenId]);
  for (const [key, entry] of cache) if (entry.owner.tokenId === tokenId) cache.delete(key);
}

function unauthorized(): HttpError {
  return new HttpError(401, 'unauthorized', 'A valid bearer token is required', { 'www-authenticate': 'Bearer' });
}
