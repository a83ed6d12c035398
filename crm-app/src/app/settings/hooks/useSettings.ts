import { logger } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useState } from 'react';
import type { SettingsResponse } from '../types/settings.ts';
import { type LoadErrorKind, loadSettings, SettingsLoadError } from '../utils/loadSettings.ts';

export type SettingsState =
  { status: 'loading' } | { status: 'ready'; settings: SettingsResponse } | { status: 'error'; kind: LoadErrorKind };

/** Loads the settings once; `reload` (the retry and refresh buttons) starts over. A late answer after unmount is dropped. */
export function useSettings(): { state: SettingsState; reload: () => void } {
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    loadSettings()
      .then((settings) => {
        if (current) setState({ status: 'ready', settings });
      })
      .catch((error: unknown) => {
        logger.error(`Closer settings failed to load: ${String(error)}`);
        if (current) setState({ status: 'error', kind: error instanceof SettingsLoadError ? error.kind : 'network' });
      });
    return () => {
      current = false;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
