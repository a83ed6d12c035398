/**
 * Campaign statistics that run everywhere (service worker, offscreen page, Node, HubSpot card): domain schemas, a
 * Thompson-sampling bandit for variant / tone / channel choice, honest intervals and winner calls, dashboard
 * aggregation with CSV export, and content-score weight re-fitting from outcomes.
 */
export {
  CAMPAIGN_GOALS,
  CHANNELS,
  OUTCOME_TYPES,
  SENTIMENT_LABELS,
  VARIANT_KINDS,
  CampaignGoalSchema,
  CampaignSchema,
  ChannelSchema,
  LocalizedLabelSchema,
  OutcomeEventSchema,
  OutcomeTypeSchema,
  SegmentSchema,
  SentimentLabelSchema,
  TeamPriorSchema,
  VariantSchema,
  parseOutcomeEvents,
  type Campaign,
  type CampaignGoal,
  type Channel,
  type LocalizedLabel,
  type OutcomeEvent,
  type OutcomeType,
  type ParsedOutcomeEvents,
  type Segment,
  type SentimentLabel,
  type TeamPrior,
  type Variant,
} from './schema';
export { createRng, type Rng } from '../random';
export { sampleBeta, sampleGamma, sampleStandardNormal } from './distributions';
export { betaQuantile, logGamma, normalQuantile, regularizedIncompleteBeta } from './special';
export {
  DEFAULT_LEVEL,
  betaCredibleInterval,
  rateInterval,
  wilsonInterval,
  type BetaIntervalOptions,
  type IntervalMethod,
  type RateInterval,
} from './intervals';
export { DEFAULT_PRIOR_CAP, discountPrior, resolvePriors, type PriorDiscount, type PseudoCounts } from './priors';
export {
  banditFromJSON,
  createBandit,
  type ArmCounts,
  type ArmPosterior,
  type Bandit,
  type BanditOptions,
  type BanditPolicy,
  type BanditRestoreOptions,
  type ArmEvidence,
  type ChooseOptions,
  BUCKET_MS,
  DEFAULT_CHANGE_THRESHOLD,
  detectChange,
} from './bandit';
export {
  DAY_MS,
  DEFAULT_HALF_LIFE_DAYS,
  DEFAULT_REPLY_DELAY,
  replyArrivedShare,
  replyDelayQuantile,
  sampleReplyDelayDays,
  type ReplyDelayModel,
} from './reply-delay';
export {
  BANDIT_FORMAT,
  BANDIT_STATE_VERSION,
  BanditStateError,
  migrateBanditState,
  type BanditState,
  type BanditStateV1,
  type BanditStateV2,
} from './bandit-state';
export { explainChoice, type ChoiceExplanation, type ExplainOptions } from './explain';
export {
  DEFAULT_MIN_SENDS,
  declareWinner,
  type ArmSummary,
  type WinnerDecision,
  type WinnerOptions,
  type WinnerReason,
} from './winner';
export type { LabelInput } from './format';
export {
  DIMENSIONS,
  aggregateOutcomes,
  type AggregateOptions,
  type AggregationResult,
  type Breakdown,
  type Dimension,
  type GroupStats,
  type RateStats,
  type SentimentCounts,
} from './aggregate';
export { AGGREGATION_CSV_COLUMNS, aggregationToCsv } from './aggregate-csv';
export { escapeCsvCell, toCsv, type CsvCell, type CsvOptions } from './csv';
export { logLoss, rocAuc } from './fit-metrics';
export {
  refitWeights,
  type ContentWeights,
  type FitQuality,
  type RefitOptions,
  type RefitResult,
  type WeightSample,
} from './reweight';
export { CampaignResultItemSchema, VariantPriorSchema, type CampaignResultItem, type VariantPrior } from './synced';
export {
  classifyReply,
  isFromRep,
  OUTCOMES_NEEDING_CONFIRMATION,
  speaksForContact,
  type ReplyClassification,
  type ReplyInput,
  type ReplyOutcome,
} from './reply-outcome';
