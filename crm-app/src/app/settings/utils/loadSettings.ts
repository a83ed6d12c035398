import { hubspot } from '@hubspot/ui-extensions';
import { z } from 'zod';
import { type SettingsResponse, SettingsResponseSchema } from '../types/settings.ts';

/** Must match the card's `BACKEND_ORIGIN` and app-hsmeta.json `permittedUrls.fetch` (the project test checks). */
export const BACKEND_ORIGIN = 'https://api.closer.example';
/** The backend waits up to 4 s for HubSpot's property list; 8 s leaves it room and stays under hubspot.fetch's 15 s. */
export const SETTINGS_TIMEOUT_MS = 8_000;

export type LoadErrorKind = 'timeout' | 'network' | 'http' | 'invalid-response';

export class SettingsLoadError extends Error {
  override readonly name = 'SettingsLoadError';

  constructor(
    readonly kind: LoadErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads the portal's settings through `hubspot.fetch` (which signs the request and adds the portal id). Every failure
 * becomes a `SettingsLoadError` whose kind picks the message the user reads; a host that never answers is cut off by
 * our own deadline a second after its timeout.
 */
export async function loadSettings(timeoutMs = SETTINGS_TIMEOUT_MS): Promise<SettingsResponse> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), timeoutMs + 1_000);
  });
  let response: Response | 'deadline';
  try {
    response = await Promise.race([
      hubspot.fetch(`${BACKEND_ORIGIN}/v1/card/settings`, { method: 'GET', timeout: timeoutMs }),
      deadline,
    ]);
  } catch (error) {
    throw new SettingsLoadError('network', `Settings request failed: ${String(error)}`);
  } finally {
    clearTimeout(timer);
  }
  if (response === 'deadline') throw new SettingsLoadError('timeout', `No answer within ${timeoutMs} ms`);
  if (!response.ok) throw new SettingsLoadError('http', `Backend answered ${response.status}`);
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = SettingsResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new SettingsLoadError('invalid-response', `Unexpected settings answer: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
