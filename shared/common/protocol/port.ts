/**
 * The part of `chrome.runtime.Port` the protocol needs. Declared here so the protocol code stays free of `chrome.*`
 * and can be tested with in-memory ports.
 */
export interface PortLike {
  readonly name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}
