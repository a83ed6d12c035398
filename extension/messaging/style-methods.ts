import { z } from 'zod';
import type { MethodMap } from '../../shared/common/protocol/define';
import { FORMALITY_BANDS, StyleProfileSchema } from '../../shared/common/style';

/**
 * The rep's style profile and the follow-ups due (issue #20), merged into the catalogue in `methods.ts`. Extension
 * pages only: content scripts cannot reach any of these (see `sender-policy.ts`).
 */

/** Most sent messages kept to learn from; the oldest go first. */
export const MAX_STYLE_SAMPLES = 200;

const SampleSchema = z.strictObject({
  id: z.string().min(1).max(256),
  text: z.string().min(1).max(20_000),
  at: z.number().int().nonnegative(),
});

const StyleStateSchema = z.strictObject({
  profile: StyleProfileSchema.nullable(),
  enabled: z.boolean(),
});

export const StyleEditSchema = z
  .strictObject({
    greeting: z.string().max(80).nullable(),
    signOff: z.string().max(80).nullable(),
    formality: z.enum(FORMALITY_BANDS),
    medianWords: z.number().int().min(0).max(5_000),
    phrases: z.array(z.string().trim().min(1).max(80)).max(6),
  })
  .partial();

export const FollowUpItemSchema = z.strictObject({
  threadId: z.string(),
  contactId: z.string(),
  /** The contact's name from an approved persona, when there is one. */
  name: z.string().nullable(),
  subject: z.string().nullable(),
  firstSentAt: z.number(),
  dueAt: z.number(),
  /** The first message as the panel drafted it (local draft), when known. */
  firstMessage: z.string().nullable(),
  /** One goal or pain point from the approved persona, for the follow-up to speak to. */
  focus: z.string().nullable(),
  personaTone: z.string().nullable(),
});
export type FollowUpItem = z.infer<typeof FollowUpItemSchema>;

export const styleMethods = {
  'style.get': { params: z.strictObject({}), result: StyleStateSchema.extend({ samples: z.number().int() }) },
  /**
   * Sent messages the panel saw in a thread (the rep's own): kept on this device and the profile learned again
   * (fields the rep edited stay as edited).
   */
  'style.observe': {
    params: z.strictObject({ messages: z.array(SampleSchema).min(1).max(50) }),
    result: z.strictObject({ added: z.number().int(), profile: StyleProfileSchema.nullable() }),
  },
  /** The rep's own edits on the options page; each edited field is kept when the profile is learned again. */
  'style.update': {
    params: z.strictObject({ edit: StyleEditSchema.optional(), enabled: z.boolean().optional() }),
    result: StyleStateSchema,
  },
  /** The profile as a JSON document the rep can save (the messages it was learned from are not included). */
  'style.export': {
    params: z.strictObject({}),
    result: z
      .strictObject({ kind: z.literal('closer-style-profile'), exportedAt: z.string(), profile: StyleProfileSchema })
      .nullable(),
  },
  /** Deletes the profile and every message kept to learn it. */
  'style.delete': { params: z.strictObject({}), result: z.strictObject({ deleted: z.number().int() }) },
  /** Tagged sends without an answer for the set number of business days, at `now` (the caller's clock). */
  'followups.list': {
    params: z.strictObject({
      now: z.number().int().nonnegative(),
      /** The rep's UTC offset in minutes and locale, for the calendar day and holidays. */
      offsetMinutes: z.number().int().min(-840).max(840),
      locale: z.string().max(35),
    }),
    result: z.strictObject({ items: z.array(FollowUpItemSchema), businessDays: z.number().int() }),
  },
  'followups.dismiss': {
    params: z.strictObject({ threadId: z.string().min(1).max(256) }),
    result: z.strictObject({ ok: z.literal(true) }),
  },
  /**
   * Opens the thread in Gmail (an open Gmail tab, else a new one) with the reviewed follow-up waiting for the
   * panel to insert into the reply. Nothing is sent.
   */
  'followups.open': {
    params: z.strictObject({ threadId: z.string().min(1).max(256), text: z.string().trim().min(1).max(20_000) }),
    result: z.strictObject({ tabId: z.number().int(), opened: z.enum(['existing', 'new']) }),
  },
  /** The follow-up waiting for this thread, if any (the Gmail panel asks when it shows a thread). */
  'followups.pending': {
    params: z.strictObject({ threadId: z.string().min(1).max(256) }),
    result: z.strictObject({ text: z.string() }).nullable(),
  },
  'followups.inserted': {
    params: z.strictObject({ threadId: z.string().min(1).max(256) }),
    result: z.strictObject({ ok: z.literal(true) }),
  },
  'followups.getSettings': {
    params: z.strictObject({}),
    result: z.strictObject({ businessDays: z.number().int() }),
  },
  'followups.setSettings': {
    params: z.strictObject({ businessDays: z.number().int().min(1).max(30) }),
    result: z.strictObject({ businessDays: z.number().int() }),
  },
} satisfies MethodMap;
