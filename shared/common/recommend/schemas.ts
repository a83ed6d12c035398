import { z } from 'zod';

/**
 * The shapes recommendations work on. The catalogue item mirrors the extension's `catalogue` store record; the
 * persona profile is the part of a persona that says what someone cares about (no identity fields are needed).
 */

export const CATALOGUE_KINDS = ['product', 'content'] as const;
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];

export const MAX_CATALOGUE_ITEMS = 5_000;
export const MAX_TAGS = 20;

export const CatalogueItemSchema = z.strictObject({
  id: z.string().min(1).max(128),
  kind: z.enum(CATALOGUE_KINDS),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5_000),
  tags: z.array(z.string().trim().min(1).max(60)).max(MAX_TAGS),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2_000)
    .optional(),
  updatedAt: z.number().int().nonnegative(),
});
export type CatalogueItem = z.infer<typeof CatalogueItemSchema>;

const listOf = (max: number) => z.array(z.string().trim().min(1).max(300)).max(max);

/** The persona fields a recommendation matches on; every one optional. */
export const PersonaProfileSchema = z.strictObject({
  interests: listOf(12).optional(),
  painPoints: listOf(12).optional(),
  goals: listOf(12).optional(),
  buyingStage: z.string().trim().max(60).optional(),
  segment: z.string().trim().max(200).optional(),
  role: z.string().trim().max(200).optional(),
});
export type PersonaProfile = z.infer<typeof PersonaProfileSchema>;

/** The persona fields in the order reasons are listed when they weigh the same. */
export const PROFILE_FIELDS = ['painPoints', 'interests', 'goals', 'buyingStage', 'segment', 'role'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const MatchReasonSchema = z.object({
  field: z.enum(PROFILE_FIELDS),
  /** The persona's value that matched, e.g. the pain point "slow CRM data entry". */
  value: z.string(),
  /** The shared terms, heaviest first (English words or Chinese character bigrams). */
  terms: z.array(z.string()),
  /** Share of the item's similarity this value accounts for, 0–1. */
  weight: z.number().min(0).max(1),
});
export type MatchReason = z.infer<typeof MatchReasonSchema>;

export const RecommendationSchema = z.object({
  item: CatalogueItemSchema,
  /** Cosine similarity (TF-IDF, or the blend with embeddings), 0–1. */
  score: z.number().min(0).max(1),
  tfidf: z.number().min(0).max(1),
  embedding: z.number().min(-1).max(1).optional(),
  reasons: z.array(MatchReasonSchema),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** `tfidf`: word overlap only; `blend`: TF-IDF blended with an on-device embedding model. */
export const RecommendMethodSchema = z.enum(['tfidf', 'blend']);
export type RecommendMethod = z.infer<typeof RecommendMethodSchema>;

const LIST_FIELDS = new Set<ProfileField>(['interests', 'painPoints', 'goals']);

/**
 * The profile of a stored persona: its fields as kept on the device (`{ value }` each; list fields joined with
 * "; "). Unknown fields are ignored; values are cut to the profile's limits rather than rejected.
 */
export function profileFromPersonaFields(
  fields: Readonly<Record<string, { value: string } | undefined>>,
): PersonaProfile {
  const out: PersonaProfile = {};
  for (const field of PROFILE_FIELDS) {
    const value = fields[field]?.value?.trim();
    if (!value) continue;
    if (LIST_FIELDS.has(field)) {
      const list = value
        .split(/\s*[;；]\s*/)
        .map((v) => v.slice(0, 300).trim())
        .filter(Boolean)
        .slice(0, 12);
      if (list.length) (out as Record<string, string[]>)[field] = list;
    } else (out as Record<string, string>)[field] = value.slice(0, field === 'buyingStage' ? 60 : 200);
  }
  return out;
}
