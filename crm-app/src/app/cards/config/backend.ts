/**
 * Where the card reaches the Closer backend (`crm-app/server`).
 *
 * `hubspot.fetch` only accepts HTTPS origins listed in `app-hsmeta.json` `permittedUrls.fetch`; the project test in
 * `crm-app/server/hubspot-project/` fails if this origin is missing there. During `hs project dev`,
 * `src/app/local.json` proxies this origin to the local server.
 */
export const BACKEND_ORIGIN = 'https://api.closer.example';

/**
 * Timeout handed to `hubspot.fetch`. HubSpot allows at most 15 s; a persona lookup is a single indexed read, so 5 s
 * is generous and keeps the user from staring at a spinner.
 */
export const BACKEND_TIMEOUT_MS = 5_000;

/**
 * Extra time we wait past the host's own timeout before giving up ourselves: if the host bridge never answers, the
 * card must still leave its loading state.
 */
export const BACKEND_DEADLINE_GRACE_MS = 1_000;
