import { z } from 'zod';
import type { MethodMap } from '../../shared/common/protocol/define';
import {
  CatalogueItemSchema,
  MAX_CATALOGUE_ITEMS,
  PersonaProfileSchema,
  RecommendationSchema,
  RecommendMethodSchema,
} from '../../shared/common/recommend';
import { STUDIO_FORMATS } from '../../shared/common/studio';

/**
 * Methods of the content studio and recommendations, merged into the catalogue in `methods.ts`: the team catalogue
 * (products and content), recommendations for a contact, and the library of generated content.
 */

/** A library item as stored (`library` store, since database v4). */
export const LibraryItemSchema = z.strictObject({
  id: z.string().min(1).max(128),
  format: z.enum(STUDIO_FORMATS),
  segment: z.string().max(200).optional(),
  language: z.enum(['en', 'zh']),
  text: z.string().min(1).max(50_000),
  /** `studio-linkedin-post@1`: which prompt made it, so ratings compare prompt versions. */
  promptVersion: z.string().max(64).optional(),
  score: z.number().min(0).max(100).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  createdAt: z.number().int().nonnegative(),
});
export type LibraryItem = z.infer<typeof LibraryItemSchema>;

export const studioMethods = {
  'catalogue.list': {
    params: z.object({}).strict(),
    result: z.object({ items: z.array(CatalogueItemSchema) }),
  },
  /** Adds or replaces items by id (an import writes all its rows in one transaction). */
  'catalogue.put': {
    params: z.object({ items: z.array(CatalogueItemSchema).min(1).max(MAX_CATALOGUE_ITEMS) }).strict(),
    result: z.object({ count: z.number().int(), total: z.number().int() }),
  },
  'catalogue.delete': {
    params: z.object({ ids: z.array(z.string().min(1).max(128)).min(1).max(MAX_CATALOGUE_ITEMS) }).strict(),
    result: z.object({ deleted: z.number().int() }),
  },
  /**
   * Shares the catalogue with the team through the companion backend: pulls the team's changes (the newer
   * `updatedAt` wins), then pushes edits and deletions made here. `host_unavailable` with `companion.not_connected`
   * when the extension is not connected.
   */
  'catalogue.sync': {
    params: z.object({}).strict(),
    result: z.object({
      received: z.number().int(),
      updatedLocally: z.number().int(),
      pushed: z.number().int(),
      stale: z.number().int(),
      lastSyncAt: z.number(),
    }),
  },
  /** When the catalogue was last synced with the team, and how many local changes wait to be shared. */
  'catalogue.syncStatus': {
    params: z.object({}).strict(),
    result: z.object({ connected: z.boolean(), lastSyncAt: z.number().nullable(), pending: z.number().int() }),
  },
  /**
   * The catalogue items that best fit a contact's persona (looked up by email) or a persona given directly, with
   * the reason for each. `method` says how they were ranked (TF-IDF unless an embedding model is loaded).
   */
  'recommend.forContact': {
    params: z
      .object({
        email: z.email().max(254).optional(),
        persona: PersonaProfileSchema.optional(),
        limit: z.number().int().min(1).max(20).optional(),
      })
      .strict()
      .refine((p) => (p.email === undefined) !== (p.persona === undefined), {
        message: 'Give exactly one of email or persona.',
      }),
    result: z.object({
      method: RecommendMethodSchema,
      /** `none`: no stored persona for that email (so nothing to match on). */
      personaSource: z.enum(['given', 'stored', 'none']),
      persona: PersonaProfileSchema.nullable(),
      catalogueSize: z.number().int(),
      results: z.array(RecommendationSchema),
    }),
  },
  'library.list': {
    params: z.object({}).strict(),
    /** Newest first. */
    result: z.object({ items: z.array(LibraryItemSchema) }),
  },
  'library.put': {
    params: z.object({ item: LibraryItemSchema }).strict(),
    result: z.object({ id: z.string() }),
  },
  'library.rate': {
    params: z.object({ id: z.string().min(1).max(128), rating: z.number().int().min(1).max(5) }).strict(),
    result: z.object({ ok: z.boolean() }),
  },
  'library.delete': {
    params: z.object({ id: z.string().min(1).max(128) }).strict(),
    result: z.object({ deleted: z.boolean() }),
  },
} satisfies MethodMap;
