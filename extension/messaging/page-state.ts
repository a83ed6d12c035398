import { z } from 'zod';

/**
 * What a content script reports about its page, validated in the service worker before anything else sees it:
 * the page is not ours, and neither is its DOM.
 */
const Person = z.object({ name: z.string().max(500), email: z.string().max(500) });

export const GmailMessageSchema = z.object({
  id: z.string().max(256),
  from: Person,
  date: z.string().max(64).nullable(),
  dateText: z.string().max(200),
  bodyText: z.string().max(200_000),
  quotedText: z.string().max(200_000),
  signatureText: z.string().max(2_000),
  snippet: z.string().max(2_000),
  truncated: z.boolean(),
  collapsed: z.boolean(),
});

export const GmailThreadSchema = z.object({
  threadId: z.string().max(256),
  subject: z.string().max(2_000),
  messages: z.array(GmailMessageSchema).max(500),
  folded: z.number().int().min(0).max(10_000),
  selfEmail: z.string().max(500).nullable(),
});

export const ComposeSnapshotSchema = z.object({
  index: z.number().int().min(0).max(50),
  kind: z.enum(['new', 'reply', 'inline', 'popout']),
  to: z.array(z.string().max(500)).max(200),
  subject: z.string().max(2_000),
  bodyText: z.string().max(200_000),
});

export const FeatureCheckSchema = z.object({
  feature: z.enum([
    'thread',
    'collapsed',
    'quotedHistory',
    'signature',
    'compose',
    'insert',
    'sendDetection',
    'selfEmail',
  ]),
  ok: z.boolean(),
  detail: z.string().max(1_000),
  idle: z.boolean().optional(),
});

export const PageStateSchema = z.discriminatedUnion('site', [
  z.object({
    site: z.literal('gmail'),
    url: z.string().max(4_000),
    thread: GmailThreadSchema.nullable(),
    composes: z.array(ComposeSnapshotSchema).max(50),
    checks: z.array(FeatureCheckSchema).max(20),
    /** Gmail's own theme, so the panel can match it. */
    theme: z.enum(['light', 'dark']).optional(),
    /** The rep pressed the rewrite shortcut in a compose: what it would replace; `seq` tells presses apart. */
    rewriteRequest: z
      .object({
        composeIndex: z.number().int().min(0).max(50),
        text: z.string().max(6_000),
        whole: z.boolean(),
        seq: z.number().int().min(0),
      })
      .optional(),
  }),
  z.object({
    site: z.literal('hubspot'),
    url: z.string().max(4_000),
    portalId: z.string().max(32).nullable(),
    objectTypeId: z.string().max(32).nullable(),
    recordId: z.string().max(64).nullable(),
    /** From the URL: a record page, a list (index) view, or anything else. */
    view: z.enum(['record', 'list', 'other']).optional(),
    /** Record pages: the e-mail the record shows, the fallback when the companion backend cannot be asked. */
    recordEmail: z.string().max(254).nullable().optional(),
    /** List views: the contacts the page shows (ids from their record links), for bulk enrichment. */
    contacts: z
      .array(
        z.object({
          contactId: z.string().regex(/^\d{1,20}$/),
          name: z.string().max(200),
          email: z.string().max(254).nullable(),
        }),
      )
      .max(500)
      .optional(),
  }),
]);
export type PageState = z.infer<typeof PageStateSchema>;
export type GmailPageState = Extract<PageState, { site: 'gmail' }>;
export type HubspotPageState = Extract<PageState, { site: 'hubspot' }>;

export const SendRecordSchema = z.object({
  threadId: z.string().max(256).nullable(),
  composeKind: z.enum(['new', 'reply', 'inline', 'popout']),
  to: z.array(z.string().max(500)).max(200),
  subject: z.string().max(2_000),
  at: z.string().max(64),
  via: z.enum(['click', 'keyboard']),
  /** Set when the body carries a draft the panel inserted. */
  draftId: z.string().max(128).nullable(),
});
export type SendRecord = z.infer<typeof SendRecordSchema>;

/** Port name the panel uses to follow its page's state. */
export const PAGE_PORT_NAME = 'closer/page';
