import { useEffect, useState } from 'react';
import { request } from '../messaging/client';
import type { ResultOf } from '../../shared/common/protocol/define';
import type { Methods } from '../messaging/methods';

export type Capabilities = ResultOf<Methods, 'host.capabilities'>;

/** What this device can run and which generator the host picked (null while asking; an Error if it failed). */
export function useCapabilities(preferredModel: string | null): Capabilities | Error | null {
  const [caps, setCaps] = useState<Capabilities | Error | null>(null);
  useEffect(() => {
    let live = true;
    request('host.capabilities', { preferredModel }, { timeoutMs: 20_000 }).then(
      (c) => live && setCaps(c),
      (err: unknown) => live && setCaps(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      live = false;
    };
  }, [preferredModel]);
  return caps;
}
