import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { BrandVoiceSchema, DEFAULT_BRAND_VOICE } from '../../../shared/common/studio';

/**
 * The content studio's settings: the brand voice and the team's product facts (the grounding of every piece). A
 * separate versioned item rather than a field of the main settings, so it evolves without touching theirs.
 */
export const StudioSettingsSchema = z.strictObject({
  voice: BrandVoiceSchema,
  facts: z.array(z.string().trim().min(1).max(2_000)).max(50),
});
export type StudioSettings = z.infer<typeof StudioSettingsSchema>;

export const DEFAULT_STUDIO_SETTINGS: StudioSettings = { voice: DEFAULT_BRAND_VOICE, facts: [] };

export const studioSettingsItem = storage.defineItem<StudioSettings>('local:studioSettings', {
  fallback: DEFAULT_STUDIO_SETTINGS,
  version: 1,
});

/** The stored settings, or the defaults when what is stored does not validate (edited by hand, or corrupted). */
export async function loadStudioSettings(): Promise<StudioSettings> {
  const parsed = StudioSettingsSchema.safeParse(await studioSettingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_STUDIO_SETTINGS;
}
