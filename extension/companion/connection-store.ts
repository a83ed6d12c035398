import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * The extension's link to the companion backend, in `chrome.storage.local` (the service worker and every extension
 * page read it; content scripts never need it). Version 2. v1 (development builds with hand-made dev tokens) kept
 * the token and ids flat and did not know which backend issued them.
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
  verificationUriComplete: z.string(),
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

export const connectionItem = storage.defineItem<ConnectionState>('local:companion', {
  fallback: EMPTY_CONNECTION_STATE,
  version: 2,
  migrations: { 2: migrateConnectionV1toV2 },
});

/** Same origin and path, ignoring a trailing slash: is `token` valid for the backend now configured? */
export const sameBackend = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
