/** The project's webhooks component subscribes to exactly the events the backend's webhook route acts on. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HANDLED_SUBSCRIPTIONS } from '../routes/hubspot-routes';
import { WebhooksConfigSchema } from './hsmeta-schemas';

const file = new URL('../../src/app/webhooks/webhooks-hsmeta.json', import.meta.url);

describe('webhooks component', () => {
  it('is valid and subscribes to contact deletion, privacy deletion and merge, at the backend route', () => {
    const component = JSON.parse(readFileSync(file, 'utf8')) as { type: string; config: unknown };
    expect(component.type).toBe('webhooks');
    const config = WebhooksConfigSchema.parse(component.config);
    expect(new URL(config.settings.targetUrl).pathname).toBe('/webhooks/hubspot');
    const subscribed = [
      ...(config.subscriptions.legacyCrmObjects ?? []),
      ...(config.subscriptions.crmObjects ?? []),
    ].filter((s) => s.active);
    expect(subscribed.map((s) => s.subscriptionType).sort()).toEqual([...HANDLED_SUBSCRIPTIONS].sort());
  });
});
