import { CompanionError, type CompanionClient } from './client';
import { sameBackend, type ConnectionState, type PendingSignIn } from './connection-store';
import { newPkcePair } from './pkce';

/** What the options page shows: connected to portal N as user U, a sign-in waiting for approval, or neither. */
export interface CompanionStatus {
  backendUrl: string;
  state: 'connected' | 'pending' | 'not_connected';
  portalId: number | null;
  userId: string | null;
  /** While a sign-in waits: the code to compare and the page opened for it. */
  pending: { userCode: string; verificationUri: string; expiresAt: number } | null;
  lastError: string | null;
}

export interface AuthDeps {
  client: Pick<CompanionClient, 'deviceAuthorize' | 'deviceToken' | 'revoke'>;
  getState: () => Promise<ConnectionState>;
  setState: (state: ConnectionState) => Promise<void>;
  /** The backend URL from the settings now. */
  backendUrl: () => Promise<string>;
  openTab: (url: string) => Promise<void>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called once a sign-in completes (the outbox starts delivering) and after a disconnect (it stops). */
  onConnected?: () => void;
  onDisconnected?: () => void;
}

/** RFC 8628: on `slow_down` the client adds 5 seconds to its polling interval. */
const SLOW_DOWN_STEP_MS = 5_000;
const MIN_INTERVAL_MS = 1_000;

export function toStatus(state: ConnectionState, backendUrl: string): CompanionStatus {
  const c = state.connection && sameBackend(state.connection.backendUrl, backendUrl) ? state.connection : null;
  const p = state.pendingSignIn;
  return {
    backendUrl,
    state: c ? 'connected' : p ? 'pending' : 'not_connected',
    portalId: c?.portalId ?? null,
    userId: c?.userId ?? null,
    pending: p
      ? {
          userCode: p.userCode,
          verificationUri: p.verificationUri,
          expiresAt: p.expiresAt,
        }
      : null,
    lastError: state.lastError,
  };
}

/**
 * Sign-in to the companion backend with the device authorization grant: the backend hands out a code, the user
 * approves it on the backend's page (which runs HubSpot's OAuth), and the extension polls for a token scoped to that
 * portal and user. The polling state is stored, so a restarted service worker picks it up again.
 */
export function createAuth(deps: AuthDeps) {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let polling: Promise<void> | null = null;

  const update = async (change: (s: ConnectionState) => ConnectionState) =>
    deps.setState(change(await deps.getState()));

  /** Polls until the pending sign-in is granted, refused or expired (or replaced by another one). */
  async function poll(pending: PendingSignIn): Promise<void> {
    let interval = pending.intervalMs;
    for (;;) {
      await sleep(interval);
      const current = (await deps.getState()).pendingSignIn;
      if (current?.deviceCode !== pending.deviceCode) return; // cancelled or restarted meanwhile
      if (now() >= pending.expiresAt) {
        await update((s) => ({ ...s, pendingSignIn: null, lastError: 'The sign-in code expired. Connect again.' }));
        return;
      }
      let result;
      try {
        result = await deps.client.deviceToken(pending.deviceCode, pending.codeVerifier);
      } catch (err) {
        // Offline or a hiccup on the server: keep polling until the code expires.
        if (err instanceof CompanionError && err.retryable) continue;
        await update((s) => ({ ...s, pendingSignIn: null, lastError: messageOf(err) }));
        return;
      }
      if (result.state === 'authorization_pending') continue;
      if (result.state === 'slow_down') {
        interval += SLOW_DOWN_STEP_MS;
        continue;
      }
      if (result.state === 'granted') {
        await deps.setState({
          connection: {
            backendUrl: pending.backendUrl,
            token: result.token,
            portalId: result.portalId,
            userId: result.userId,
            connectedAt: now(),
          },
          pendingSignIn: null,
          lastError: null,
        });
        deps.onConnected?.();
        return;
      }
      const why =
        result.state === 'access_denied'
          ? 'The sign-in was refused on the approval page.'
          : 'The sign-in code expired. Connect again.';
      await update((s) => ({ ...s, pendingSignIn: null, lastError: why }));
      return;
    }
  }

  function ensurePolling(pending: PendingSignIn): void {
    polling ??= poll(pending).finally(() => {
      polling = null;
    });
  }

  return {
    async status(): Promise<CompanionStatus> {
      const state = await deps.getState();
      // After Chrome restarted the worker, the stored sign-in is still waiting: resume polling.
      if (state.pendingSignIn && !polling) ensurePolling(state.pendingSignIn);
      return toStatus(state, await deps.backendUrl());
    },
    /**
     * Starts a sign-in: asks the backend for a code and opens its approval page in a new tab, where the person types
     * the code shown on the options page (the link carries no code, so nobody else's code can ride along).
     */
    async start(): Promise<CompanionStatus> {
      const backendUrl = await deps.backendUrl();
      const { codeVerifier, codeChallenge } = await newPkcePair();
      let auth;
      try {
        auth = await deps.client.deviceAuthorize('Closer for Chrome', codeChallenge);
      } catch (err) {
        await update((s) => ({ ...s, lastError: messageOf(err) }));
        throw err;
      }
      const pending: PendingSignIn = {
        backendUrl,
        deviceCode: auth.deviceCode,
        userCode: auth.userCode,
        verificationUri: auth.verificationUri,
        codeVerifier,
        intervalMs: Math.max(MIN_INTERVAL_MS, auth.interval * 1000),
        expiresAt: now() + auth.expiresIn * 1000,
        startedAt: now(),
      };
      await update((s) => ({ ...s, pendingSignIn: pending, lastError: null }));
      await deps.openTab(auth.verificationUri);
      // A new sign-in replaces an older one: the old loop sees another device code and ends.
      await polling;
      ensurePolling(pending);
      return toStatus(await deps.getState(), backendUrl);
    },
    /** Revokes the token on the server (best effort: offline still disconnects), then forgets it locally. */
    async disconnect(): Promise<CompanionStatus> {
      const state = await deps.getState();
      let lastError: string | null = null;
      if (state.connection) {
        try {
          await deps.client.revoke();
        } catch (err) {
          if (!(err instanceof CompanionError && err.code === 'unauthorized'))
            lastError = `Disconnected here; the server could not revoke the token (${messageOf(err)}).`;
        }
      }
      await deps.setState({ connection: null, pendingSignIn: null, lastError });
      deps.onDisconnected?.();
      return toStatus(await deps.getState(), await deps.backendUrl());
    },
    /** The server refused the token (revoked or expired): forget it; queued items stay for the next sign-in. */
    async signedOut(message: string): Promise<void> {
      await update((s) => ({ ...s, connection: null, lastError: `Signed out by the server: ${message}` }));
      deps.onDisconnected?.();
    },
    /** For tests and the E2E: waits for the current polling loop to end. */
    settled: () => polling ?? Promise.resolve(),
  };
}
export type Auth = ReturnType<typeof createAuth>;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
