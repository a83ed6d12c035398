import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * The extension's link to the companion backend, in `chrome.storage.local` (the service worker and every extension
 * page read it; content scripts never need it). Version 3. v1 (development builds with hand-made dev tokens) kept
 * the token and ids flat and did not know which backend issued them; v2 sign-ins in progress had no PKCE verifier.
 */
export const ConnectionSchema = z.object({
  /** The backend that issued the token: a token is only sent to the URL it came from. */
  backendUrl: z.string(),
  token: z.string().min(1),
  portalId: z.number().int(),
  userId: z.string(),
  connectedAt: z.number(),
});
export type Connection = z.infer<typeof ConnectionSchema>;

/** A device-code sign-in in progress (kept so polling resumes after Chrome stops the service worker). */
export const PendingSignInSchema = z.object({
  backendUrl: z.string(),
  deviceCode: z.string(),
  userCode: z.string(),
  verificationUri: z.string(),
  /** PKCE verifier sent at every poll; only its hash went to the backend with the request for a code. */
  codeVerifier: z.string().min(43),
  intervalMs: z.number().int().positive(),
  expiresAt: z.number(),
  startedAt: z.number(),
});
export type PendingSignIn = z.infer<typeof PendingSignInSchema>;

export interface ConnectionState {
  connection: Connection | null;
  pendingSignIn: PendingSignIn | null;
  /** Why the last sign-in or request failed (e.g. the token was revoked), shown on the options page. */
  lastError: string | null;
}

export interface ConnectionStateV1 {
  token: string | null;
  portalId: number | null;
  userId: string | null;
}

export const EMPTY_CONNECTION_STATE: ConnectionState = { connection: null, pendingSignIn: null, lastError: null };

/** The URL v1 tokens were issued by: development builds only ever talked to the default local backend. */
export const V1_BACKEND_URL = 'http://127.0.0.1:8787';

/** v1 → v2: a complete v1 token becomes a connection to the default backend; a partial one is dropped. */
export function migrateConnectionV1toV2(old: ConnectionStateV1 | null | undefined): ConnectionState {
  if (!old?.token || old.portalId == null || old.userId == null) return { ...EMPTY_CONNECTION_STATE };
  return {
    connection: {
      backendUrl: V1_BACKEND_URL,
      token: old.token,
      portalId: old.portalId,
      userId: old.userId,
      connectedAt: 0,
    },
    pendingSignIn: null,
    lastError: null,
  };
}

/**
 * v2 → v3: a sign-in in progress is dropped, because the backend now refuses to redeem a code without the verifier
 * it never had; the person sees why and connects again. The connection itself is kept.
 */
export function migrateConnectionV2toV3(old: ConnectionState | null | undefined): ConnectionState {
  if (!old) return { ...EMPTY_CONNECTION_STATE };
  return {
    connection: old.connection,
    pendingSignIn: null,
    lastError: old.pendingSignIn ? 'The sign-in in progress was cancelled by an update. Connect again.' : old.lastError,
  };
}

export const connectionItem = storage.defineItem<ConnectionState>('local:companion', {
  fallback: EMPTY_CONNECTION_STATE,
  version: 3,
  migrations: { 2: migrateConnectionV1toV2, 3: migrateConnectionV2toV3 },
});

/** Same origin and path, ignoring a trailing slash: is `token` valid for the backend now configured? */
export const sameBackend = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
