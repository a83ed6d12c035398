import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { getPrivate, setPrivate } from './private-store';

/**
 * The extension's link to the companion backend. Version 4 lives in the extension origin's IndexedDB
 * (private-store.ts), out of content scripts' reach. Versions 1 to 3 lived in `chrome.storage.local`, which content
 * scripts can read: v1 (development builds with hand-made dev tokens) kept the token and ids flat and did not know
 * which backend issued them; v2 sign-ins in progress had no PKCE verifier; v3 is moved to IndexedDB once, and the
 * old key is deleted.
 */
export const ConnectionSchema = z.object({
  /** The backend that issued the token: a token is only sent to the URL it came from. */
  backendUrl: z.string(),
  token: z.string().min(1),
  portalId: z.number().int(),
  userId: z.string(),
  connectedAt: z.number(),
  /** When the token was last renewed (optional: none before the first renewal; no version step needed). */
  renewedAt: z.number().optional(),
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

/** Versions 1 to 3, in `chrome.storage.local`: read only to move them to IndexedDB. */
export const legacyConnectionItem = storage.defineItem<ConnectionState>('local:companion', {
  fallback: EMPTY_CONNECTION_STATE,
  version: 3,
  migrations: { 2: migrateConnectionV1toV2, 3: migrateConnectionV2toV3 },
});

/** Same origin and path, ignoring a trailing slash: is `token` valid for the backend now configured? */
export const sameBackend = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

const PRIVATE_KEY = 'companion.connection';
export const CONNECTION_VERSION = 4;

interface StoredConnection {
  version: typeof CONNECTION_VERSION;
  state: ConnectionState;
}

let moved: Promise<void> | null = null;

/**
 * v3 → v4, once per profile: the `chrome.storage.local` value (itself migrated to v3 first) moves to IndexedDB and
 * the old key is deleted. Once v4 exists, a value that appears in `chrome.storage.local` again is deleted unread:
 * a content script could have written it to plant a connection of its choosing.
 */
export function moveConnectionToPrivateStore(): Promise<void> {
  moved ??= (async () => {
    const stored = await getPrivate<StoredConnection>(PRIVATE_KEY);
    if (!stored) {
      await legacyConnectionItem.migrate();
      const legacy = await legacyConnectionItem.getValue();
      await setPrivate(PRIVATE_KEY, { version: CONNECTION_VERSION, state: legacy } satisfies StoredConnection);
    }
    await legacyConnectionItem.removeValue({ removeMeta: true });
  })().catch((err: unknown) => {
    moved = null;
    throw err;
  });
  return moved;
}

/** For tests: run the move again on the next read (a fresh profile). */
export function resetConnectionMoveForTests(): void {
  moved = null;
}

/** The connection state, where the service worker and extension pages read and write it. */
export const connectionItem = {
  async getValue(): Promise<ConnectionState> {
    await moveConnectionToPrivateStore();
    return (await getPrivate<StoredConnection>(PRIVATE_KEY))?.state ?? { ...EMPTY_CONNECTION_STATE };
  },
  async setValue(state: ConnectionState): Promise<void> {
    await moveConnectionToPrivateStore();
    await setPrivate(PRIVATE_KEY, { version: CONNECTION_VERSION, state } satisfies StoredConnection);
  },
};
