/**
 * OAuth scopes in the sandbox: what a portal can grant (custom objects only on Enterprise; a portal may withhold
 * others, as an account without Sales Hub seats lacks `sales-email-read`), what an install is granted (every required
 * scope, and the optional ones the portal has, as HubSpot does), and which scope each guarded endpoint needs.
 */
import { CUSTOM_UPSERT_PATH } from './crm-handlers';
import { SandboxError } from './errors';
import type { PortalState } from './state';

export const SANDBOX_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.contacts.write',
  'sales-email-read',
  'crm.schemas.custom.read',
  'crm.schemas.custom.write',
  'crm.objects.custom.write',
] as const;

export function availableScopes(portal: PortalState): string[] {
  return SANDBOX_SCOPES.filter(
    (scope) => !portal.withheldScopes.has(scope) && (portal.tier === 'enterprise' || !scope.includes('.custom.')),
  );
}

/** An install's grant; a required scope the portal cannot grant fails the install, as on HubSpot's consent page. */
export function grantScopes(portal: PortalState, required: string[] | undefined, optional: string[]): string[] {
  const available = new Set(availableScopes(portal));
  if (required === undefined) return [...available];
  const missing = required.filter((scope) => !available.has(scope));
  if (missing.length > 0) {
    throw new SandboxError(400, 'INVALID_SCOPE', `This account cannot grant: ${missing.join(', ')}`);
  }
  return [...new Set([...required, ...optional.filter((scope) => available.has(scope))])];
}

const GUARDED: { method: string; pattern: RegExp; scope: string }[] = [
  { method: 'POST', pattern: /^\/crm\/v3\/objects\/emails\/(batch\/read|search)$/, scope: 'sales-email-read' },
  { method: 'GET', pattern: /^\/crm\/v4\/objects\/\w+\/\d+\/associations\/emails$/, scope: 'sales-email-read' },
  { method: 'GET', pattern: /^\/crm(-object-schemas)?\/v3\/schemas$/, scope: 'crm.schemas.custom.read' },
  { method: 'POST', pattern: /^\/crm(-object-schemas)?\/v3\/schemas$/, scope: 'crm.schemas.custom.write' },
  {
    method: 'POST',
    pattern: CUSTOM_UPSERT_PATH,
    scope: 'crm.objects.custom.write',
  },
];

/** 403 in HubSpot's shape when the token lacks the scope an endpoint needs. */
export function requireScope(scopes: readonly string[], method: string, pathname: string): void {
  const guard = GUARDED.find((g) => g.method === method && g.pattern.test(pathname));
  if (!guard || scopes.includes(guard.scope)) return;
  throw new SandboxError(403, 'MISSING_SCOPES', 'This app hasn’t been granted all required scopes to make this call.', {
    errors: [{ message: `One or more of the following scopes are required: ${guard.scope}`, code: 'MISSING_SCOPES' }],
  });
}
