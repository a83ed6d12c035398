/**
 * PGlite in a worker thread of its own, behind the same `Database` interface (and lanes) as in-process PGlite. The
 * server uses this one; tests that share one instance between many schemas use the in-process wrapper.
 */
import { Worker } from 'node:worker_threads';
import type { Database } from './database';
import { lanedDatabase, type SessionConnection } from './laned-database';
import {
  fromThreadError,
  isThreadResponse,
  type PGliteThreadOptions,
  type ThreadRequest,
  type ThreadResponse,
  type ThreadStarted,
} from './pglite-thread-protocol';

type Pending = { resolve: (response: ThreadResponse) => void; reject: (error: Error) => void };
type Outgoing = ThreadRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export async function openPGliteThreadDatabase(options: PGliteThreadOptions = {}): Promise<Database> {
  const worker = new Worker(new URL('./pglite-thread-entry.mjs', import.meta.url), { workerData: options });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | undefined;

  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    const onExit = (code: number) => reject(new Error(`PGlite thread exited with code ${code} while opening`));
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.once('message', (message: ThreadStarted) => {
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (message.started) resolve();
      else reject(fromThreadError(message.error));
    });
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });

  worker.on('message', (message: unknown) => {
    if (!isThreadResponse(message)) {
      failAll(new Error('PGlite thread sent a malformed response'));
      return;
    }
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    waiter?.resolve(message);
  });
  // A thread that dies takes every waiting statement with it: each fails with the reason instead of hanging.
  worker.on('error', (error) => failAll(new Error(`PGlite thread failed: ${error.message}`)));
  worker.on('exit', (code) => failAll(new Error(`PGlite thread exited (code ${code})`)));

  const call = async (request: Outgoing): Promise<ThreadResponse & { ok: true }> => {
    if (failure) throw failure;
    const id = nextId;
    nextId += 1;
    const response = await new Promise<ThreadResponse>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
    if (!response.ok) throw fromThreadError(response.error);
    return response;
  };

  const connection: SessionConnection = {
    query: (sql, params) => call({ op: 'query', sql, ...(params === undefined ? {} : { params }) }),
    exec: async (sql) => {
      await call({ op: 'exec', sql });
    },
    ...(options.procedures === undefined
      ? {}
      : {
          procedure: async (name: string, args: readonly unknown[]) =>
            (await call({ op: 'procedure', name, args: [...args] })).result,
        }),
    close: async () => {
      try {
        if (!failure) await call({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  };
  return lanedDatabase(connection, { kind: 'pglite', ownsConnection: true });
}
