import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ResponseEnvelope } from '../../../shared/common/protocol/envelopes';
import { ProtocolError } from '../../../shared/common/protocol/errors';
import { makeRequest, type Handlers } from '../../../shared/common/protocol/router';
import { CrmEngagementSchema, personaKey, type CrmContact } from '../../../shared/common/persona/crm';
import { methods, type Methods } from '../../messaging/methods';
import { BuildPersonaResultSchema, PersonaViewSchema, viewOf } from '../../messaging/persona-methods';
import { getDb } from '../../storage/db';
import type { PersonaRecord } from '../../storage/schema';
import { settingsItem } from '../../storage/settings';
import { readSignals } from '../../storage/personas';
import type { HostConnection } from '../host-connection';
import { createEnrichRunner } from './enrich-runner';

/** The alarm that keeps bulk enrichment going across worker restarts and browser restarts. */
export const ENRICH_ALARM = 'closer-enrich';
/** Pause survives restarts: it is the user's choice, not the worker's state. */
const pausedItem = storage.defineItem<boolean>('local:enrichPaused', { fallback: false });

/** How far back the campaign history of one contact is looked for. */
const MAX_EVENTS_SCANNED = 5_000;

type PersonaMethodName = Extract<keyof Methods, `persona.${string}` | `enrich.${string}`>;
type Route = (request: unknown) => Promise<ResponseEnvelope>;

/** The companion backend's contact, as the persona needs it (engagements when the backend sends them). */
async function fetchContact(route: Route, portalId: string, contactId: string): Promise<CrmContact | null> {
  const res = await route(makeRequest(crypto.randomUUID(), 'companion.contact', { contactId }));
  if (!res.ok) return null;
  const parsed = methods['companion.contact'].result.safeParse(res.result);
  if (!parsed.success) return null;
  const { properties } = parsed.data;
  const engagements = CrmEngagementSchema.array()
    .max(50)
    .safeParse((parsed.data as { engagements?: unknown }).engagements);
  return {
    portalId,
    contactId,
    email: properties.email ?? null,
    properties,
    engagements: engagements.success ? engagements.data : [],
  };
}

/**
 * The service worker's persona requests (read, save, history) and bulk enrichment (queue, status, pause, review).
 * Creating it registers the enrichment alarm and resumes any work a previous worker left.
 */
export function createPersonaHandlers(
  host: HostConnection,
  route: () => Route,
): Handlers<Pick<Methods, PersonaMethodName>> {
  const runner = createEnrichRunner({
    db: getDb,
    buildPersona: async (params) =>
      BuildPersonaResultSchema.parse(await host.call('host.buildPersona', params, 120_000)),
    fetchContact: (portalId, contactId) => fetchContact(route(), portalId, contactId),
    expect: async () => (await settingsItem.getValue()).engine,
    paused: { get: () => pausedItem.getValue(), set: (p) => pausedItem.setValue(p) },
    alarm: {
      set: async () => void (await browser.alarms.create(ENRICH_ALARM, { periodInMinutes: 0.5 })),
      clear: async () => void (await browser.alarms.clear(ENRICH_ALARM)),
    },
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ENRICH_ALARM) void runner.kick();
  });
  // A worker started after a restart (or by the alarm) picks up where the last one stopped.
  void runner.kick();

  return {
    'persona.byEmail': async ({ email }) => {
      // Personas are keyed by portal and record; a scan is fine at the size of one rep's contacts.
      const wanted = email.toLowerCase();
      let newest: PersonaRecord | undefined;
      let cursor = await (await getDb()).transaction('personas').store.openCursor();
      while (cursor) {
        const r = cursor.value;
        if (r.email === wanted && r.portalId !== undefined && (!newest || r.updatedAt > newest.updatedAt)) newest = r;
        cursor = await cursor.continue();
      }
      return newest ? viewOf(newest) : null;
    },
    'persona.get': async ({ portalId, contactId }) => {
      const record = await (await getDb()).get('personas', personaKey(portalId, contactId));
      return record ? viewOf(record) : null;
    },
    'persona.save': async ({ persona }) => {
      const db = await getDb();
      const key = personaKey(persona.portalId, persona.contactId);
      if (persona.key !== key) throw new ProtocolError('invalid_params', `Persona key ${persona.key} is not ${key}`);
      const existing = await db.get('personas', key);
      const updatedAt = Date.now();
      const record: PersonaRecord & { name?: string } = {
        ...existing,
        contactId: key,
        fields: PersonaViewSchema.shape.fields.parse(persona.fields) as PersonaRecord['fields'],
        updatedAt,
        ...(persona.email ? { email: persona.email.toLowerCase() } : {}),
        portalId: Number(persona.portalId),
        hubspotId: persona.contactId,
        origin: persona.origin,
        status: persona.status,
        ...(persona.name ? { name: persona.name } : {}),
        ...(persona.approvedAt ? { approvedAt: persona.approvedAt } : {}),
        ...(persona.promptVersion ? { promptVersion: persona.promptVersion } : {}),
      };
      await db.put('personas', record);
      return { ok: true as const, updatedAt };
    },
    'persona.history': async ({ email }) => {
      const db = await getDb();
      const address = email.toLowerCase();
      const messages = (await readSignals(db, address)).sort((a, b) => a.at - b.at);
      const events: Array<{ id: string; type: string; at: number; campaignId?: string; variantId?: string }> = [];
      let cursor = await db.transaction('events').store.index('by-at').openCursor(null, 'prev');
      for (let scanned = 0; cursor && scanned < MAX_EVENTS_SCANNED; scanned++) {
        const e = cursor.value;
        if (e.contactId?.toLowerCase() === address || e.to?.some((t) => t.toLowerCase() === address))
          events.push({
            id: e.id,
            type: e.type,
            at: e.at,
            ...(e.campaignId ? { campaignId: e.campaignId } : {}),
            ...(e.variantId ? { variantId: e.variantId } : {}),
          });
        cursor = await cursor.continue();
      }
      return { messages, events };
    },
    'enrich.queue': ({ portalId, contacts }) => runner.queue(portalId, contacts),
    'enrich.status': () => runner.status(),
    'enrich.setPaused': ({ paused }) => runner.setPaused(paused),
    'enrich.retryFailed': () => runner.retryFailed(),
    'enrich.review': ({ limit }) => runner.review(limit),
  };
}
