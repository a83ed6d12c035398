/**
 * The HubSpot app credentials of local development: what the backend presents when no HUBSPOT_CLIENT_ID and
 * HUBSPOT_CLIENT_SECRET are set, and what the local HubSpot sandbox (crm-app/sandbox) accepts by default. One
 * definition for both, so `npm start` (sandbox + backend without credentials) signs in instead of being answered
 * "unknown client_id". A production backend refuses to start on them (app-config.ts).
 */
export const DEV_HUBSPOT_CLIENT = { id: 'sandbox-client-id', secret: 'sandbox-client-secret' } as const;
