import { useCallback, useEffect, useState } from 'react';
import { request } from '../messaging/client';
import type { HostStatus } from '../messaging/methods';

export type HostState =
  { kind: 'checking' } | { kind: 'ready'; status: HostStatus } | { kind: 'unavailable'; message: string };

/** Asks the AI host for its status (through the service worker); `refresh` asks again. */
export function useHostStatus(): [HostState, () => void] {
  const [state, setState] = useState<HostState>({ kind: 'checking' });
  const refresh = useCallback(() => {
    request('host.status', {}, { timeoutMs: 15_000 }).then(
      (status) => setState({ kind: 'ready', status }),
      (err: unknown) => setState({ kind: 'unavailable', message: err instanceof Error ? err.message : String(err) }),
    );
  }, []);
  useEffect(refresh, [refresh]);
  return [state, refresh];
}
