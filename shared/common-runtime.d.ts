// The few globals every runtime shared/common targets has (service worker, offscreen page, Node 20, card sandbox).
declare function setTimeout(handler: () => void, ms?: number): number;
declare function clearTimeout(id: number | undefined): void;
declare const crypto: { randomUUID(): string };
declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare const performance: { now(): number };
declare class TextEncoder {
  encode(input: string): Uint8Array;
}
