/**
 * Extension sign-in by device code (after RFC 8628): the extension asks for a code pair, the person opens /connect,
 * approves through HubSpot OAuth, and the extension's polling redeems the device code — exactly once — for an
 * extension token of that portal and user. Only the device code's SHA-256 is stored.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import { insertExtensionToken } from '../extension/tokens';

export const DEVICE_CODE_TTL_S = 600;
export const POLL_INTERVAL_S = 2;
/** Polls closer together than this (the interval less some network jitter) are told to slow down. */
const MIN_POLL_GAP_MS = POLL_INTERVAL_S * 1000 - 500;
/** Consonants without look-alikes (no vowels, so no words; no I/L/O/0/1 confusion), as RFC 8628 §6.1 suggests. */
const USER_CODE_ALPHABET = 'BCDFGHJKMNPQRSTVWXZ';
/** Polls with a wrong verifier a code survives; the next one denies it. */
export const MAX_FAILED_REDEEMS = 5;
/** Codes are forgotten this long after they expire. */
const PURGE_AFTER = '1 day';

export type DeviceCodeStatus = 'pending' | 'approved' | 'denied' | 'redeemed';

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  expiresIn: number;
  interval: number;
}

export interface DeviceCodeView {
  id: string;
  userCode: string;
  clientName: string | null;
  status: DeviceCodeStatus;
  expired: boolean;
}

export type PollResult =
  | { ok: true; token: string; portalId: number; userId: string }
  | { ok: false; error: 'authorization_pending' | 'slow_down' | 'expired_token' | 'access_denied' | 'invalid_grant' };

export const hashDeviceCode = (code: string) => createHash('sha256').update(code).digest();

/** PKCE S256: base64url(SHA-256(verifier)). */
export const codeChallengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

function sameChallenge(stored: string | null, verifier: string): boolean {
  if (stored === null) return false;
  const a = Buffer.from(stored);
  const b = Buffer.from(codeChallengeOf(verifier));
  return a.length === b.length && timingSafeEqual(a, b);
}

function newUserCode(): string {
  const letters = Array.from({ length: 8 }, () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)]).join('');
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}

/** What a person typed: case, spaces and dashes do not matter. Null when it cannot be a user code. */
export function normalizeUserCode(input: string): string | null {
  const letters = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z]{8}$/.test(letters)) return null;
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}

export async function createDeviceCode(
  db: Database,
  clientName: string | undefined,
  codeChallenge: string,
): Promise<DeviceAuthorization> {
  await db.query(`DELETE FROM device_codes WHERE expires_at < now() - interval '${PURGE_AFTER}'`);
  for (let attempt = 0; ; attempt += 1) {
    const deviceCode = randomBytes(32).toString('base64url');
    const userCode = newUserCode();
    const { rowCount } = await db.query(
      `INSERT INTO device_codes (device_code_hash, user_code, client_name, expires_at, code_challenge)
       VALUES ($1, $2, $3, now() + $4 * interval '1 second', $5) ON CONFLICT (user_code) DO NOTHING`,
      [hashDeviceCode(deviceCode), userCode, clientName ?? null, DEVICE_CODE_TTL_S, codeChallenge],
    );
    if (rowCount === 1) return { deviceCode, userCode, expiresIn: DEVICE_CODE_TTL_S, interval: POLL_INTERVAL_S };
    // A live code already has these letters (about 1 in 10^10 per draw): draw again.
    if (attempt >= 5) throw new Error('could not allocate a unique user code');
  }
}

export async function findByUserCode(db: Queryable, userCode: string): Promise<DeviceCodeView | null> {
  const { rows } = await db.query<{
    id: string;
    user_code: string;
    client_name: string | null;
    status: DeviceCodeStatus;
    expired: boolean;
  }>(
    'SELECT id, user_code, client_name, status, expires_at <= now() AS expired FROM device_codes WHERE user_code = $1',
    [userCode],
  );
  const row = rows[0];
  return row
    ? { id: row.id, userCode: row.user_code, clientName: row.client_name, status: row.status, expired: row.expired }
    : null;
}

/** Denies a pending, live code; false when it was not pending (already decided) or has expired. */
export async function denyDeviceCode(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE device_codes SET status = 'denied', decided_at = now()
      WHERE id = $1 AND status = 'pending' AND expires_at > now()`,
    [id],
  );
  return rowCount === 1;
}

/** Approves a pending, live code for the portal and user HubSpot's OAuth named; false otherwise. */
export async function approveDeviceCode(db: Queryable, id: string, portalId: number, userId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE device_codes SET status = 'approved', portal_id = $2, user_id = $3, decided_at = now()
      WHERE id = $1 AND status = 'pending' AND expires_at > now()`,
    [id, portalId, userId],
  );
  return rowCount === 1;
}

/**
 * One poll of the extension. The row is locked, so two polls racing for an approved code cannot both redeem it:
 * the first marks it redeemed and gets the token, every later one gets `invalid_grant`. A poll whose verifier does
 * not match the challenge given at authorize learns nothing (`invalid_grant`, whatever the state) and counts as a
 * wrong try; the fifth denies the code.
 */
export async function pollDeviceCode(db: Database, deviceCode: string, codeVerifier: string): Promise<PollResult> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      id: string;
      status: DeviceCodeStatus;
      portal_id: string | null;
      user_id: string | null;
      expired: boolean;
      since_ms: number | null;
      code_challenge: string | null;
      failed_redeems: number;
    }>(
      `SELECT id, status, portal_id, user_id, expires_at <= now() AS expired, code_challenge, failed_redeems,
              (extract(epoch FROM now() - last_polled_at) * 1000)::float8 AS since_ms
         FROM device_codes WHERE device_code_hash = $1 FOR UPDATE`,
      [hashDeviceCode(deviceCode)],
    );
    const row = rows[0];
    if (!row || row.status === 'redeemed') return { ok: false, error: 'invalid_grant' };
    if (!sameChallenge(row.code_challenge, codeVerifier)) {
      await tx.query(
        `UPDATE device_codes SET failed_redeems = failed_redeems + 1,
                status = CASE WHEN failed_redeems + 1 >= $2 AND status IN ('pending', 'approved') THEN 'denied' ELSE status END
          WHERE id = $1`,
        [row.id, MAX_FAILED_REDEEMS],
      );
      return { ok: false, error: 'invalid_grant' };
    }
    if (row.expired) return { ok: false, error: 'expired_token' };
    if (row.status === 'denied') return { ok: false, error: 'access_denied' };
    if (row.status === 'approved' && row.portal_id !== null && row.user_id !== null) {
      await tx.query(`UPDATE device_codes SET status = 'redeemed', redeemed_at = now() WHERE id = $1`, [row.id]);
      const portalId = Number(row.portal_id);
      const token = await insertExtensionToken(tx, portalId, row.user_id);
      return { ok: true, token, portalId, userId: row.user_id };
    }
    await tx.query('UPDATE device_codes SET last_polled_at = now() WHERE id = $1', [row.id]);
    if (row.since_ms !== null && row.since_ms < MIN_POLL_GAP_MS) return { ok: false, error: 'slow_down' };
    return { ok: false, error: 'authorization_pending' };
  });
}
