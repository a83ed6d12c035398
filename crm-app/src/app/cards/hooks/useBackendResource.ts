import { logger } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { BackendError, type BackendErrorKind, fetchFromBackend } from '../utils/fetchFromBackend.ts';

export type ResourceState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; kind: BackendErrorKind | 'no-record' };

/**
 * Loads one backend resource; `path` undefined means there is nothing to load (no record open). `reload` starts over;
 * an answer that arrives after the path changed or the component unmounted is dropped.
 */
export function useBackendResource<S extends z.ZodType>(
  path: string | undefined,
  schema: S,
): { state: ResourceState<z.output<S>>; reload: () => void } {
  const [state, setState] = useState<ResourceState<z.output<S>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (path === undefined) {
      setState({ status: 'error', kind: 'no-record' });
      return;
    }
    let current = true;
    setState({ status: 'loading' });
    fetchFromBackend(path, schema)
      .then((data) => {
        if (current) setState({ status: 'ready', data });
      })
      .catch((error: unknown) => {
        logger.error(`Closer request failed (${path}): ${String(error)}`);
        if (current) setState({ status: 'error', kind: error instanceof BackendError ? error.kind : 'network' });
      });
    return () => {
      current = false;
    };
    // The schema is a module constant: the path and the retry counter alone decide when to load.
  }, [path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
