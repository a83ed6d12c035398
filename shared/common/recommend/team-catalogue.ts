import { z } from 'zod';
import { CatalogueItemSchema } from './schemas';

/**
 * The team catalogue as shared through the companion backend (`/v1/team/catalogue`). Products and content are team
 * data, never mail. Conflicts resolve by `updatedAt` (milliseconds, set by the editing device): the newer write wins,
 * an equal or older one changes nothing, so a retried batch is harmless.
 */

/** Most items in one `POST /v1/team/catalogue:batchPut`. */
export const MAX_TEAM_CATALOGUE_BATCH = 200;

/** A deletion: only the id and when it happened travel (deleted content is not kept anywhere). */
export const TeamCatalogueDeletionSchema = z.strictObject({
  id: CatalogueItemSchema.shape.id,
  deleted: z.literal(true),
  updatedAt: CatalogueItemSchema.shape.updatedAt,
});

/** An added or edited item: the catalogue item itself, `deleted: false` optional. */
export const TeamCataloguePutSchema = CatalogueItemSchema.extend({ deleted: z.literal(false).optional() });

export const TeamCatalogueWriteSchema = z.union([TeamCatalogueDeletionSchema, TeamCataloguePutSchema]);
export type TeamCatalogueWrite = z.infer<typeof TeamCatalogueWriteSchema>;

export const TeamCatalogueBatchSchema = z.strictObject({
  items: z.array(TeamCatalogueWriteSchema).min(1).max(MAX_TEAM_CATALOGUE_BATCH),
});

/** `POST …:batchPut` answer: how many writes changed the team catalogue, and how many lost to a newer one. */
export const TeamCatalogueBatchResultSchema = z.looseObject({
  applied: z.number().int().nonnegative(),
  stale: z.number().int().nonnegative(),
});

/** One change as `GET /v1/team/catalogue` lists it: an item, or the deletion of one. */
export const TeamCatalogueChangeSchema = z.union([
  TeamCatalogueDeletionSchema.extend({ updatedBy: z.string() }),
  CatalogueItemSchema.extend({ deleted: z.literal(false), updatedBy: z.string() }),
]);
export type TeamCatalogueChange = z.infer<typeof TeamCatalogueChangeSchema>;

/**
 * `GET /v1/team/catalogue?since=` answer. `cursor` is the `since` of the next call; `more` says a page limit cut
 * this answer short and the next call continues it.
 */
export const TeamCataloguePageSchema = z.looseObject({
  items: z.array(TeamCatalogueChangeSchema),
  cursor: z.iso.datetime({ offset: true }),
  more: z.boolean(),
});
export type TeamCataloguePage = z.infer<typeof TeamCataloguePageSchema>;
