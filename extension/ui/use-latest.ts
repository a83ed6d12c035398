import { useRef } from 'react';

/**
 * A ref holding what the latest render saw. For effects that deliberately re-run on a narrower key than everything
 * they read (a thread's message ids rather than each new page-state object): they read the rest through this ref, at
 * the moment they run, so the key stays the one trigger and the dependency lint still checks every other value.
 * React's `useEffectEvent` does this job, but the hooks lint of ESLint 9 (eslint-plugin-react-hooks 5) does not know
 * it yet. Effects list the ref itself, which never changes.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
