/**
 * The PGlite thread: owns the embedded database and runs the statements the server thread sends, one at a time, in
 * arrival order. PGlite executes SQL synchronously in WebAssembly; on the server's own thread every statement
 * stopped HTTP parsing, validation and responses too (bench:api's p99 tail). Here the two run side by side.
 */
import type { PGlite } from '@electric-sql/pglite';
import { parentPort, workerData } from 'node:worker_threads';
import { assertSchemaName, type Database } from './database';
import { createPGlite, wrapPGlite } from './pglite-database';
import {
  isThreadRequest,
  toThreadError,
  type PGliteThreadOptions,
  type ThreadRequest,
  type ThreadResponse,
  type ThreadStarted,
} from './pglite-thread-protocol';

async function open(options: PGliteThreadOptions): Promise<PGlite> {
  const pglite = await createPGlite({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: new Blob([options.loadDataDir]) }),
  });
  if (options.schema !== undefined) {
    assertSchemaName(options.schema);
    await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${options.schema}; SET search_path TO ${options.schema}`);
  }
  return pglite;
}

type ProcedureTable = Record<string, (db: Database, ...args: unknown[]) => Promise<unknown>>;

async function loadProcedures(url: string | undefined): Promise<ProcedureTable> {
  if (url === undefined) return {};
  const loaded = (await import(url)) as { PROCEDURES?: ProcedureTable };
  if (!loaded.PROCEDURES) throw new Error(`${url} exports no PROCEDURES`);
  return loaded.PROCEDURES;
}

async function answer(
  pglite: PGlite,
  local: Database,
  procedures: ProcedureTable,
  request: ThreadRequest,
): Promise<ThreadResponse> {
  try {
    if (request.op === 'procedure') {
      const procedure = procedures[request.name];
      if (!procedure) throw new Error(`Unknown database procedure "${request.name}"`);
      return { id: request.id, ok: true, rows: [], result: await procedure(local, ...request.args) };
    }
    if (request.op === 'query') {
      const result = await pglite.query(request.sql, request.params);
      return {
        id: request.id,
        ok: true,
        rows: result.rows,
        ...(result.affectedRows === undefined ? {} : { affectedRows: result.affectedRows }),
      };
    }
    if (request.op === 'exec') await pglite.exec(request.sql);
    else await pglite.close();
    return { id: request.id, ok: true, rows: [] };
  } catch (error) {
    return { id: request.id, ok: false, error: toThreadError(error) };
  }
}

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('pglite-thread.ts runs only as a worker thread');
  const options = workerData as PGliteThreadOptions;
  let pglite: PGlite;
  let procedures: ProcedureTable;
  try {
    procedures = await loadProcedures(options.procedures);
    pglite = await open(options);
  } catch (error) {
    port.postMessage({ started: false, error: toThreadError(error) } satisfies ThreadStarted);
    return;
  }
  // Procedures see the database through the same interface as everywhere else. Only one request runs at a time here,
  // and the server thread's lanes decide their order, so this wrapper's own lanes never queue anything.
  const local = wrapPGlite(pglite, { ownsInstance: false });
  // Requests are answered strictly in order: the server thread's lanes decide that order, not this thread.
  let chain = Promise.resolve();
  port.on('message', (message: unknown) => {
    if (!isThreadRequest(message)) throw new Error('pglite thread: malformed request');
    chain = chain.then(async () => {
      port.postMessage(await answer(pglite, local, procedures, message));
      if (message.op === 'close') port.close();
    });
  });
  port.postMessage({ started: true } satisfies ThreadStarted);
}

void serve();
