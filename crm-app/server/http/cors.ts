/** CORS for the extension only: its exact `chrome-extension://<id>` origin; any other origin gets no CORS headers. */
export function corsHeaders(allowedOrigin: string | undefined, origin: string | undefined): Record<string, string> {
  if (!allowedOrigin || origin !== allowedOrigin) return {};
  return {
    'access-control-allow-origin': allowedOrigin,
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, x-request-id',
    // The extension's outbox waits as long as a 429/503 asks; without this header it cannot read it.
    'access-control-expose-headers': 'retry-after',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}
