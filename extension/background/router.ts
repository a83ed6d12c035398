import { ProtocolError } from '../../shared/common/protocol/errors';
import { createRouter, type Handlers } from '../../shared/common/protocol/router';
import { methods, isHostMethod, type Methods } from '../messaging/methods';
import type { HostConnection } from './host-connection';
import { storeHandlers } from './store-handlers';
import type { SenderContext } from './page-handlers';
import { checkModelBase } from './model-base';

const workerStartedAt = Date.now();

/**
 * The service worker's request router: `host.*` goes to the AI host (after validation here, at the boundary);
 * everything else is answered in the worker.
 */
export function createBackgroundRouter(
  host: HostConnection,
  local: Handlers<Methods, SenderContext> = storeHandlers as Handlers<Methods, SenderContext>,
  // The strict default allows no model host at all; the worker passes the trusted one (model-base.ts).
  modelBase: () => Promise<string | null> = async () => null,
) {
  const handlers: Handlers<Methods, SenderContext> = {
    ...local,
    'sw.ping': () => ({ workerStartedAt, now: Date.now() }),
  };
  for (const name of Object.keys(methods) as Array<keyof Methods>) {
    if (!isHostMethod(name)) continue;
    handlers[name] = (async (params: unknown) => {
      checkModelBase(name, params, await modelBase());
      try {
        return await host.call(name, params);
      } catch (err) {
        // One retry on a lost host: the worker or the host document may just have been restarted.
        if (err instanceof ProtocolError && err.code === 'host_unavailable') return host.call(name, params);
        throw err;
      }
    }) as never;
  }
  return createRouter<Methods, SenderContext>(methods, handlers);
}
