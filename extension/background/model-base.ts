import { ProtocolError } from '../../shared/common/protocol/errors';
import type { Handlers } from '../../shared/common/protocol/router';
import type { Ledger } from '../companion/ledger';
import { getPrivate, setPrivate } from '../companion/private-store';
import type { Methods } from '../messaging/methods';
import { isOptionsPage } from '../messaging/sender-policy';
import type { SenderContext } from './page-handlers';

/**
 * The trusted model host: web-llm downloads weights and code-bearing libraries from it, so whoever sets it chooses
 * what runs in the AI host. It lives in the extension origin's IndexedDB (content scripts can write
 * `chrome.storage.local`, where the other settings are) and is set only through the options page.
 */
const KEY = 'engine.modelBaseUrl';

export async function trustedModelBase(): Promise<string | null> {
  return (await getPrivate<string>(KEY)) ?? null;
}

export async function setTrustedModelBase(url: string | null): Promise<void> {
  await setPrivate(KEY, url);
}

const baseIn = (params: unknown): unknown[] => {
  if (typeof params !== 'object' || params === null) return [];
  const p = params as { modelBaseUrl?: unknown; expect?: { modelBaseUrl?: unknown } };
  return [p.modelBaseUrl, p.expect?.modelBaseUrl].filter((v) => v !== undefined);
};

/**
 * Refuses a host request or stream that names a model base URL other than the trusted one (a settings value a
 * content script rewrote would otherwise reach the model loader).
 */
export function checkModelBase(method: string, params: unknown, trusted: string | null): void {
  for (const base of baseIn(params)) {
    if (base !== trusted) {
      throw new ProtocolError(
        'bad_request',
        `${method}: the model host ${String(base)} is not the one set on the options page`,
      );
    }
  }
}

/** `engine.setModelBaseUrl`: options page only; the change is written to the privacy ledger. */
export function createModelBaseHandlers(deps: {
  ledger: Pick<Ledger, 'record'>;
  extensionId: string;
}): Handlers<Pick<Methods, 'engine.setModelBaseUrl'>, SenderContext> {
  return {
    'engine.setModelBaseUrl': async ({ url }, ctx) => {
      const sender = ctx?.senderUrl ? { id: deps.extensionId, url: ctx.senderUrl } : undefined;
      if (!ctx?.fromExtensionPage || !isOptionsPage(sender, deps.extensionId))
        throw new ProtocolError('bad_request', 'The model host can be set only on the options page');
      await setTrustedModelBase(url);
      await deps.ledger.record({
        method: 'SET',
        url: url ?? '(built-in model list)',
        purpose: 'model.base_url',
        fields: [],
        bytesOut: 0,
      });
      return { url };
    },
  };
}
