import { learnStyle, relearn, StyleProfileSchema, type StyleProfile } from '../../shared/common/style';
import { followUpsDue, regionOfLocale, type DueFollowUp, type ThreadEvent } from '../../shared/common/followups';
import type { CloserDb } from '../storage/db';
import type { FollowUpItem } from '../messaging/style-methods';
import { MAX_STYLE_SAMPLES, type StyleEditSchema } from '../messaging/style-methods';
import type { z } from 'zod';

/**
 * The style profile and follow-up state in IndexedDB (stores `style`, `styleSamples`, `followups`, since v5). The
 * profile is learned here, in the service worker, from the samples kept on this device; nothing of it is synced.
 */

export interface StyleState {
  profile: StyleProfile | null;
  enabled: boolean;
}

/** The stored profile; a record that no longer validates (an older or damaged one) reads as none. */
export async function readStyle(db: CloserDb): Promise<StyleState> {
  const record = await db.get('style', 'profile');
  const parsed = StyleProfileSchema.safeParse(record?.profile);
  return { profile: parsed.success ? parsed.data : null, enabled: record?.enabled ?? true };
}

/** Keeps new sent messages (the newest `MAX_STYLE_SAMPLES`) and learns the profile again from all of them. */
export async function observeSamples(
  db: CloserDb,
  messages: ReadonlyArray<{ id: string; text: string; at: number }>,
  now: number,
): Promise<{ added: number; profile: StyleProfile | null }> {
  const tx = db.transaction(['styleSamples', 'style'], 'readwrite');
  const samples = tx.objectStore('styleSamples');
  let added = 0;
  for (const m of messages) {
    if (await samples.get(m.id)) continue;
    await samples.put({ id: m.id, text: m.text, at: m.at });
    added++;
  }
  const store = tx.objectStore('style');
  const record = await store.get('profile');
  const previous = StyleProfileSchema.safeParse(record?.profile);
  if (added === 0) {
    await tx.done;
    return { added, profile: previous.success ? previous.data : null };
  }
  // The oldest go first once there are more than the cap.
  let excess = (await samples.count()) - MAX_STYLE_SAMPLES;
  let cursor = excess > 0 ? await samples.index('by-at').openCursor() : null;
  while (cursor && excess > 0) {
    await cursor.delete();
    excess--;
    cursor = await cursor.continue();
  }
  const texts = (await samples.getAll()).map((s) => s.text);
  const profile = relearn(previous.success ? previous.data : null, learnStyle(texts, now));
  await store.put({ id: 'profile', profile, enabled: record?.enabled ?? true });
  await tx.done;
  return { added, profile };
}

/** The rep's edits: each edited field is marked so learning leaves it alone. */
export async function editStyle(
  db: CloserDb,
  edit: z.infer<typeof StyleEditSchema> | undefined,
  enabled: boolean | undefined,
  now: number,
): Promise<StyleState> {
  const current = await readStyle(db);
  let profile = current.profile;
  if (edit && Object.keys(edit).length) {
    const base: StyleProfile = profile ?? { ...learnStyle([], now) };
    const fields = Object.keys(edit) as Array<keyof typeof edit>;
    profile = StyleProfileSchema.parse({
      ...base,
      ...edit,
      edited: [...new Set([...base.edited, ...fields])],
      updatedAt: now,
    });
  }
  const next = { profile, enabled: enabled ?? current.enabled };
  await db.put('style', { id: 'profile', profile: next.profile, enabled: next.enabled });
  return next;
}

/** Deletes the profile and every kept message; returns how many records went. */
export async function deleteStyle(db: CloserDb): Promise<number> {
  const tx = db.transaction(['style', 'styleSamples'], 'readwrite');
  const n = (await tx.objectStore('style').count()) + (await tx.objectStore('styleSamples').count());
  await tx.objectStore('style').clear();
  await tx.objectStore('styleSamples').clear();
  await tx.done;
  return n;
}

const PERSONA_FOCUS_FIELDS = ['painPoints', 'goals', 'interests'] as const;

/** The approved persona of a contact address (name, one focus, preferred tone), if any. */
async function personaFor(db: CloserDb, email: string) {
  const all = await db.getAll('personas');
  const p = all.find((r) => r.email === email.toLowerCase() && r.status === 'approved');
  if (!p) return { name: null, focus: null, tone: null };
  const approved = (k: string) => (p.fields[k]?.approved ? p.fields[k].value.split('; ')[0]!.trim() || null : null);
  const focus = PERSONA_FOCUS_FIELDS.map(approved).find(Boolean) ?? null;
  return { name: p.name?.split(/\s+/)[0] ?? null, focus, tone: approved('preferredTone') };
}

/** The follow-ups due at `now`, each with what its draft needs (first message, persona focus). */
export async function listFollowUps(
  db: CloserDb,
  options: { now: number; offsetMinutes: number; locale: string; businessDays: number },
): Promise<FollowUpItem[]> {
  const events = (await db.getAll('events')) as ThreadEvent[];
  const state = await db.getAll('followups');
  const dismissed = new Map(
    state.filter((s) => s.dismissedSendAt !== undefined).map((s) => [s.threadId, s.dismissedSendAt!]),
  );
  const due: DueFollowUp[] = followUpsDue(events, {
    now: options.now,
    businessDays: options.businessDays,
    region: regionOfLocale(options.locale),
    offsetMinutes: options.offsetMinutes,
    dismissed,
  });
  const items: FollowUpItem[] = [];
  for (const d of due) {
    const draft = d.draftId ? await db.get('drafts', d.draftId) : undefined;
    const persona = await personaFor(db, d.contactId);
    items.push({
      threadId: d.threadId,
      contactId: d.contactId,
      name: persona.name,
      subject: d.subject ?? null,
      firstSentAt: d.firstSentAt,
      dueAt: d.dueAt,
      firstMessage: draft?.body ?? null,
      focus: persona.focus,
      personaTone: persona.tone,
    });
  }
  return items;
}

/** Takes a thread off the list until the rep sends in it again. */
export async function dismissFollowUp(db: CloserDb, threadId: string, now: number): Promise<void> {
  const sends = (await db.getAllFromIndex('events', 'by-thread', threadId)).filter((e) => e.type === 'sent');
  const last = sends.reduce((m, e) => Math.max(m, e.at), 0);
  const prev = await db.get('followups', threadId);
  await db.put('followups', { ...prev, threadId, dismissedSendAt: last, updatedAt: now });
}

export async function setPendingFollowUp(db: CloserDb, threadId: string, text: string, now: number): Promise<void> {
  const prev = await db.get('followups', threadId);
  await db.put('followups', { ...prev, threadId, pendingText: text, updatedAt: now });
}

export async function takePendingFollowUp(db: CloserDb, threadId: string, now: number): Promise<void> {
  const prev = await db.get('followups', threadId);
  if (!prev) return;
  const { pendingText: _inserted, ...rest } = prev;
  await db.put('followups', { ...rest, insertedAt: now, updatedAt: now });
}
