import { CampaignDefinitionSchema, type CampaignDefinition } from '../../messaging/campaign-methods';
import type { Channel, CampaignGoal } from '../../../shared/common/campaigns';

/** What the campaign form edits: plain strings, so every field is a controlled input. */
export interface VariantDraft {
  id: string;
  name: string;
  kind: 'template' | 'prompt';
  ref: string;
  version: string;
  tone: string;
  channel: Channel;
}
export interface CampaignDraft {
  id: string;
  name: string;
  goal: CampaignGoal;
  segments: string;
  description: string;
  createdAt?: number;
  variants: VariantDraft[];
}

const shortId = () => crypto.randomUUID().slice(0, 8);

export function newVariant(n: number): VariantDraft {
  return {
    id: `v-${shortId()}`,
    name: `Variant ${String.fromCharCode(64 + Math.min(n, 26))}`,
    kind: 'prompt',
    ref: 'reply-draft',
    version: '1',
    tone: 'friendly',
    channel: 'email',
  };
}

export function newCampaign(): CampaignDraft {
  return {
    id: `c-${shortId()}`,
    name: '',
    goal: 'positive_reply',
    segments: 'default',
    description: '',
    variants: [newVariant(1), newVariant(2)],
  };
}

export function toDraft(def: CampaignDefinition): CampaignDraft {
  return {
    id: def.campaign.id,
    name: def.campaign.name,
    goal: def.campaign.goal,
    segments: def.campaign.targetSegments.map((s) => s.id).join(', '),
    description: def.campaign.description ?? '',
    ...(def.campaign.createdAt === undefined ? {} : { createdAt: def.campaign.createdAt }),
    variants: def.variants.map((v) => ({ ...v, version: String(v.version) })),
  };
}

/**
 * Validates the form with the shared schema (the same one the worker checks), keeping labels of known segments.
 * Returns the definition or the first problem, worded with the field path.
 */
export function fromDraft(
  draft: CampaignDraft,
  previous?: CampaignDefinition,
): { ok: true; value: CampaignDefinition } | { ok: false; error: string } {
  const labels = new Map(previous?.campaign.targetSegments.map((s) => [s.id, s.label]));
  const segmentIds = [
    ...new Set(
      draft.segments
        .split(/[,，\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const candidate = {
    campaign: {
      id: draft.id,
      name: draft.name.trim(),
      goal: draft.goal,
      ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
      targetSegments: segmentIds.map((id) => {
        const label = labels.get(id);
        return label ? { id, label } : { id };
      }),
      ...(draft.createdAt === undefined ? {} : { createdAt: draft.createdAt }),
    },
    variants: draft.variants.map((v) => ({
      id: v.id,
      campaignId: draft.id,
      name: v.name.trim(),
      kind: v.kind,
      ref: v.ref.trim(),
      version: /^\d+$/.test(v.version.trim()) ? Number(v.version.trim()) : v.version.trim(),
      tone: v.tone.trim(),
      channel: v.channel,
    })),
  };
  const parsed = CampaignDefinitionSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid' };
}
