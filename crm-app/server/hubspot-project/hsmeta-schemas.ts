/**
 * Our own schemas for the HubSpot project files we use. `@hubspot/project-parsing-lib` validates against schemas it
 * fetches online and, offline, silently drops an `-hsmeta.json` it cannot read; these fill that gap. Field names
 * follow HubSpot's 2026.03 app and card references (see /work/shared/reference/hubspot-platform.md).
 */
import { validateUid } from '@hubspot/project-parsing-lib/uid';
import { z } from 'zod';

export const REQUIRED_PLATFORM_VERSION = '2026.03';

export const HsProjectSchema = z.object({
  name: z.string().min(1),
  srcDir: z.literal('src'),
  platformVersion: z.literal(REQUIRED_PLATFORM_VERSION),
});

const Uid = z.string().superRefine((uid, ctx) => {
  const problem = validateUid(uid);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** The envelope every `-hsmeta.json` shares; the project-parsing lib allows exactly these top-level keys. */
export const HsMetaSchema = z.strictObject({
  uid: Uid,
  type: z.string().min(1),
  config: z.record(z.string(), z.unknown()),
  dependencies: z.record(z.string(), z.unknown()).optional(),
  permissions: z.record(z.string(), z.unknown()).optional(),
});

const isLocalHost = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/** hubspot.fetch, iframes and images only reach public HTTPS origins (the dev proxy in local.json covers localhost). */
export const PublicHttpsUrl = z.string().refine(
  (value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return url.protocol === 'https:' && !isLocalHost(url);
  },
  { message: 'must be a public https:// URL (not localhost)' },
);

const Scope = z.string().regex(/^[a-z][a-z0-9_.-]*$/, 'must be a HubSpot scope name such as crm.objects.contacts.read');

const Scopes = {
  requiredScopes: z.array(Scope).min(1),
  optionalScopes: z.array(Scope).optional(),
  conditionallyRequiredScopes: z.array(Scope).optional(),
};

const AuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('oauth'), redirectUrls: z.array(PublicHttpsUrl).min(1), ...Scopes }),
  z.object({ type: z.literal('static'), ...Scopes }),
]);

export const AppConfigSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    distribution: z.enum(['private', 'marketplace']),
    auth: AuthSchema,
    permittedUrls: z.object({
      fetch: z.array(PublicHttpsUrl),
      iframe: z.array(PublicHttpsUrl).optional(),
      img: z.array(PublicHttpsUrl).optional(),
    }),
    support: z.object({
      supportEmail: z.email(),
      documentationUrl: PublicHttpsUrl.optional(),
      supportUrl: PublicHttpsUrl.optional(),
      supportPhone: z.string().optional(),
    }),
  })
  .refine((config) => config.distribution !== 'marketplace' || config.auth.type === 'oauth', {
    message: 'a marketplace app must use oauth auth',
    path: ['auth', 'type'],
  });
export type AppConfig = z.infer<typeof AppConfigSchema>;

export const CARD_LOCATIONS = ['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar'] as const;

export const CardConfigSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  location: z.enum(CARD_LOCATIONS),
  entrypoint: z
    .string()
    .regex(
      /^\/app\/cards\/[^/].*\.(jsx|tsx)$/,
      'must be a .jsx or .tsx file under /app/cards/, e.g. /app/cards/Card.tsx',
    ),
  objectTypes: z.array(z.string().min(1)).min(1),
});

/** The app's settings page (one per app): a React entrypoint under /app/settings/. */
export const SettingsConfigSchema = z.strictObject({
  entrypoint: z
    .string()
    .regex(
      /^\/app\/settings\/[^/].*\.(jsx|tsx)$/,
      'must be a .jsx or .tsx file under /app/settings/, e.g. /app/settings/Settings.tsx',
    ),
});

/**
 * The webhooks component (`src/app/webhooks/*-hsmeta.json`, layout of HubSpot/hubspot-project-components'
 * public-app template): where HubSpot posts events, and which subscriptions.
 */
const Subscription = z.strictObject({
  subscriptionType: z.string().min(1),
  objectType: z.string().min(1).optional(),
  propertyName: z.string().min(1).optional(),
  active: z.boolean(),
});
export const WebhooksConfigSchema = z.strictObject({
  settings: z.strictObject({
    targetUrl: PublicHttpsUrl,
    maxConcurrentRequests: z.number().int().min(5).max(20).optional(),
  }),
  subscriptions: z.strictObject({
    crmObjects: z.array(Subscription.required({ objectType: true })).optional(),
    legacyCrmObjects: z.array(Subscription.omit({ objectType: true })).optional(),
    hubEvents: z.array(Subscription).optional(),
  }),
});

/** `src/app/local.json`: the `hs project dev` proxy from a permitted HTTPS origin to a local server. */
export const LocalJsonSchema = z.object({
  proxy: z.record(z.string(), z.url()),
});

/**
 * Config schema per component type. A type missing here fails the check: add its schema before using it, so a new
 * component is never shipped unchecked.
 */
export const CONFIG_SCHEMAS: Record<string, z.ZodType> = {
  app: AppConfigSchema,
  card: CardConfigSchema,
  settings: SettingsConfigSchema,
  webhooks: WebhooksConfigSchema,
};
