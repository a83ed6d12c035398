/** A call that must give up in time (a HubSpot read the card or the extension waits for, a health probe). */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';

  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** Settles as `promise` does, or rejects with a TimeoutError after `ms`; the timer never outlives the race. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
