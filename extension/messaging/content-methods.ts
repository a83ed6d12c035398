import { z } from 'zod';
import type { MethodMap } from '../../shared/common/protocol/define';

/** Requests the service worker sends to a tab's content script (on the panel's behalf). */
export const contentMethods = {
  'content.republish': { params: z.object({}).strict(), result: z.object({ ok: z.literal(true) }) },
  'content.insertDraft': {
    params: z
      .object({
        composeIndex: z.number().int().min(0).max(50),
        text: z.string().min(1).max(50_000),
        replaceSelection: z.boolean(),
        /** The panel's draft id: a send from this compose is recorded against it (campaign tags, ratings). */
        draftId: z.string().min(1).max(128).optional(),
      })
      .strict(),
    result: z.object({ ok: z.boolean(), reason: z.string().max(200).optional() }),
  },
  /** Clicks Gmail's own "N older messages" bubble once, at the rep's request (never on its own). */
  'content.expandFolded': { params: z.object({}).strict(), result: z.object({ ok: z.boolean() }) },
  'content.selectText': {
    params: z.object({ composeIndex: z.number().int().min(0).max(50), text: z.string().min(1).max(5_000) }).strict(),
    result: z.object({ ok: z.boolean() }),
  },
  /** The text a rewrite would replace in a compose (the rep's selection, else their whole draft); kept by the page. */
  'content.readSelection': {
    params: z.object({ composeIndex: z.number().int().min(0).max(50) }).strict(),
    result: z.object({ ok: z.boolean(), text: z.string().max(6_000).optional(), whole: z.boolean().optional() }),
  },
  /** Replaces what `content.readSelection` last returned, through the editor's undoable text insertion. */
  'content.replaceText': {
    params: z.object({ composeIndex: z.number().int().min(0).max(50), text: z.string().min(1).max(20_000) }).strict(),
    result: z.object({ ok: z.boolean(), reason: z.string().max(200).optional() }),
  },
  'content.setSubject': {
    params: z.object({ composeIndex: z.number().int().min(0).max(50), subject: z.string().min(1).max(300) }).strict(),
    result: z.object({ ok: z.boolean() }),
  },
} satisfies MethodMap;
export type ContentMethods = typeof contentMethods;
