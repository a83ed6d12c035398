import { browser } from 'wxt/browser';
import type { PortLike } from '../../shared/common/protocol/port';
import { createHostService } from './host-service';
import { HOST_PORT_NAME, serveHostPort } from './serve-port';

/**
 * Starts the AI host in the offscreen document. The service worker connects to it (again after each restart of
 * the worker); the host's state, the loaded engine, outlives those restarts.
 */
export function startAiHost(): void {
  const service = createHostService();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== HOST_PORT_NAME || port.sender?.id !== browser.runtime.id) return;
    serveHostPort(port as unknown as PortLike, service);
  });
}
