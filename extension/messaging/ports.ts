/**
 * Names of the long-lived ports between contexts. They sit with the contracts, not with either end, so a client
 * (panel, content script, service worker) names a port without importing the code that serves it.
 */

/** Port name clients (panel, content scripts) use for streams. */
export const STREAM_PORT_NAME = 'closer/stream';

/** Port name the service worker uses to reach the AI host. */
export const HOST_PORT_NAME = 'closer/host';
