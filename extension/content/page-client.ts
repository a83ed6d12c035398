import { browser } from 'wxt/browser';
import { PROTOCOL, ResponseEnvelopeSchema } from '../../shared/common/protocol/envelopes';
import { ProtocolError } from '../../shared/common/protocol/errors';
import { createRouter, type Handlers } from '../../shared/common/protocol/router';
import { contentMethods, type ContentMethods } from '../messaging/content-methods';
import type { PageState, SendRecord } from '../messaging/page-state';

/**
 * The content script's two channels: requests to the worker (publish, record a send) and the worker's requests to
 * us (insert a draft, select text), each validated. Kept free of the panel's client so this script stays small.
 */
async function send(method: string, params: unknown): Promise<unknown> {
  const id = crypto.randomUUID();
  const raw = await browser.runtime.sendMessage({ protocol: PROTOCOL, kind: 'request', id, method, params });
  const res = ResponseEnvelopeSchema.safeParse(raw);
  if (!res.success || res.data.id !== id) throw new ProtocolError('invalid_response', `Unreadable answer to ${method}`);
  if (!res.data.ok) throw new ProtocolError(res.data.error.code, res.data.error.message);
  return res.data.result;
}

export const publishPageState = (state: PageState) => send('page.publish', { state });
export const recordSend = (record: SendRecord) => send('page.recordSend', { send: record });

/** Serves the worker's requests to this page; returns a function that stops serving. */
export function serveContentRequests(handlers: Handlers<ContentMethods>): () => void {
  const route = createRouter(contentMethods, handlers);
  const listener = (message: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return false;
    void route(message).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
