import { VariantPriorSchema, type VariantPrior } from '../../../shared/common/campaigns';
import { request } from '../../messaging/client';

/**
 * The team's per-variant results from the companion app, used as the bandit's discounted prior. Offline, signed
 * out or not configured, the choice still works from this device's outcomes: the failure is reported, not thrown.
 */
export async function fetchTeamPriors(campaignId: string): Promise<{ priors: VariantPrior[]; offline: boolean }> {
  try {
    const res = await request('companion.variantPriors', { campaignId }, { timeoutMs: 5_000 });
    const parsed = VariantPriorSchema.array().safeParse(res.priors);
    return parsed.success ? { priors: parsed.data, offline: false } : { priors: [], offline: true };
  } catch {
    return { priors: [], offline: true };
  }
}
