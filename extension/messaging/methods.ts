import { z } from 'zod';
import type { MethodMap, StreamMap } from '../../shared/common/protocol/define';
import { FeatureCheckSchema, PageStateSchema, SendRecordSchema } from './page-state';
import { contentMethods } from './content-methods';
import { ExpectationSchema } from '../../shared/common/llm/expectation';
import { companionMethods } from './companion-methods';
import { personaMethods } from './persona-methods';
import { styleMethods } from './style-methods';
import { campaignMethods } from './campaign-methods';
import { studioMethods } from './studio-methods';
import { SALES_INTENTS } from '../../shared/common/ml/naive-bayes/presets';
import {
  CatalogueEntrySchema,
  ChatRequestSchema,
  DeviceReportSchema,
  EngineChoiceSchema,
  LoadProgressSchema,
  ReasonSchema,
} from '../../shared/common/llm/schemas';

export { ExpectationSchema, type Expectation } from '../../shared/common/llm/expectation';

export const HostStatusSchema = z.object({
  hostId: z.string(),
  startedAt: z.number(),
  loaded: z.object({ engine: z.string(), model: z.string() }).nullable(),
  loads: z.number().int(),
  activeStreams: z.number().int(),
  lastFailure: z
    .object({ kind: z.string(), message: z.string(), at: z.number(), recoveredWith: z.string() })
    .nullable(),
});
export type HostStatus = z.infer<typeof HostStatusSchema>;

export const DraftSchema = z.object({
  id: z.string().min(1).max(128),
  threadId: z.string().max(256).optional(),
  body: z.string().max(200_000),
  createdAt: z.number(),
  promptVersion: z.string().max(64).optional(),
  /** The rep's rating, kept with the prompt version so ratings can be compared per prompt. */
  rating: z
    .object({ thumb: z.enum(['up', 'down']).optional(), stars: z.number().int().min(1).max(5).optional() })
    .optional(),
});
export type Draft = z.infer<typeof DraftSchema>;

const MAX_PROMPT_CHARS = 100_000;

export const SalesIntentSchema = z.enum(SALES_INTENTS);

/** Grounding strings one draft check may carry (the panel trims a long thread to fit). */
export const MAX_SCORE_GROUNDING = 200;

/** Request/response methods. `host.*` runs in the AI host; the rest in the service worker. */
export const methods = {
  'sw.ping': {
    params: z.object({}).strict(),
    result: z.object({ workerStartedAt: z.number(), now: z.number() }),
  },
  /**
   * The team's own model host for web-llm (weights and libraries). Only the options page may set it; https only;
   * the change is written to the privacy ledger. Host requests naming another base URL are refused.
   */
  'engine.setModelBaseUrl': {
    params: z
      .object({
        url: z
          .string()
          .url()
          .max(500)
          .refine((u) => u.startsWith('https://'), 'must be an https URL')
          .nullable(),
      })
      .strict(),
    result: z.object({ url: z.string().nullable() }),
  },
  'host.status': {
    params: z.object({}).strict(),
    result: HostStatusSchema,
  },
  'host.echo': {
    params: z.object({ text: z.string().max(MAX_PROMPT_CHARS), expect: ExpectationSchema }).strict(),
    result: z.object({ text: z.string(), hostId: z.string(), engine: z.string(), model: z.string() }),
  },
  'host.capabilities': {
    params: z.object({ preferredModel: z.string().max(200).nullable().optional() }).strict(),
    result: z.object({ device: DeviceReportSchema, choice: EngineChoiceSchema }),
  },
  'host.catalogue': {
    params: z.object({ modelBaseUrl: z.string().url().max(500).optional() }).strict(),
    result: z.object({
      entries: z.array(
        CatalogueEntrySchema.extend({
          problem: ReasonSchema.nullable(),
          cached: z.boolean(),
          recommended: z.boolean(),
        }),
      ),
    }),
  },
  'host.deleteModel': {
    params: z
      .object({ model: z.string().min(1).max(200), modelBaseUrl: z.string().url().max(500).optional() })
      .strict(),
    result: z.object({ deleted: z.boolean() }),
  },
  /** Test engine only: scripted replies and one-shot injected faults. */
  'host.testScript': {
    params: z
      .object({
        rules: z.array(z.object({ match: z.string().max(1_000), reply: z.string().max(100_000) })).max(100),
        faults: z
          .array(
            z.object({
              kind: z.enum(['device_lost', 'out_of_memory', 'load_failed', 'unsupported', 'generation_failed']),
              afterTokens: z.number().int().min(0).optional(),
              during: z.enum(['generate', 'load']).optional(),
            }),
          )
          .max(20),
      })
      .strict(),
    result: z.object({ ok: z.literal(true) }),
  },
  /** Benchmark hook: the engine called directly inside the host, without the protocol, for the overhead ratio. */
  'host.benchDirect': {
    params: z.object({ request: ChatRequestSchema, expect: ExpectationSchema }).strict(),
    result: z.object({ ttftMs: z.number(), tokens: z.number().int(), totalMs: z.number(), engine: z.string() }),
  },
  'host.analyze': {
    params: z
      .object({
        messages: z
          .array(
            z.object({
              id: z.string().min(1).max(256),
              text: z.string().max(1_100_000),
              // With both, the host keeps the message's labels (not its text) for the contact's history.
              threadId: z.string().min(1).max(256).optional(),
              from: z.email().max(254).optional(),
            }),
          )
          .max(500),
      })
      .strict(),
    result: z.object({
      results: z.array(
        z.object({
          id: z.string(),
          truncated: z.boolean(),
          sentiment: z
            .object({
              label: z.enum(['negative', 'neutral', 'positive']),
              score: z.number().min(0).max(1),
              language: z.string(),
              sentences: z.array(
                z.object({
                  start: z.number().int(),
                  end: z.number().int(),
                  score: z.number(),
                  label: z.enum(['negative', 'neutral', 'positive']),
                }),
              ),
            })
            .nullable(),
          intent: z
            .object({
              label: z.string(),
              probability: z.number(),
              ranking: z.array(z.object({ label: z.string(), probability: z.number() })),
              features: z.array(z.object({ token: z.string(), weight: z.number() })),
            })
            .nullable(),
        }),
      ),
    }),
  },
  'host.learnIntent': {
    params: z
      .object({
        text: z.string().min(1).max(1_100_000),
        label: SalesIntentSchema,
        previous: SalesIntentSchema.optional(),
      })
      .strict(),
    result: z.object({ ok: z.literal(true), documents: z.number().int() }),
  },
  /** The explainable content score and the fact check of a draft, in one call (it runs on each pause in typing). */
  'host.scoreDraft': {
    params: z
      .object({
        subject: z.string().max(10_000),
        body: z.string().max(1_100_000),
        recipient: z
          .object({
            name: z.string().max(500).optional(),
            company: z.string().max(500).optional(),
            personaFacts: z.array(z.string().max(2_000)).max(50).optional(),
          })
          .optional(),
        keywords: z.array(z.string().max(100)).max(20).optional(),
        language: z.enum(['en', 'zh']).optional(),
        grounding: z.array(z.string().max(200_000)).max(MAX_SCORE_GROUNDING),
      })
      .strict(),
    result: z.object({
      total: z.number(),
      language: z.enum(['en', 'zh']),
      weightsVersion: z.string(),
      criteria: z.array(
        z.object({
          id: z.string(),
          value: z.number(),
          target: z.object({ min: z.number().optional(), max: z.number().optional() }),
          status: z.enum(['pass', 'warn']),
          reason: z.object({ en: z.string(), zh: z.string() }),
          details: z.array(z.string()).optional(),
        }),
      ),
      unsupported: z.array(
        z.object({
          text: z.string(),
          start: z.number().int(),
          end: z.number().int(),
          kind: z.string(),
          reason: z.object({ en: z.string(), zh: z.string() }),
        }),
      ),
      truncated: z.boolean(),
      ms: z.number(),
    }),
  },
  'host.spamProbability': {
    params: z.object({ text: z.string().max(1_100_000) }).strict(),
    result: z.object({ probability: z.number().min(0).max(1) }),
  },
  /** Content script → worker: the page's current state (thread, composes, self-check). */
  'page.publish': {
    params: z.object({ state: PageStateSchema }).strict(),
    result: z.object({ ok: z.literal(true) }),
  },
  /** Content script → worker: a send from a compose, recorded as an event. */
  'page.recordSend': {
    params: z.object({ send: SendRecordSchema }).strict(),
    result: z.object({ eventId: z.string() }),
  },
  /** Panel → its tab's content script, through the worker: the content method's own definition. */
  'page.insertDraft': contentMethods['content.insertDraft'],
  'page.selectText': contentMethods['content.selectText'],
  'page.expandFolded': contentMethods['content.expandFolded'],
  'page.readSelection': contentMethods['content.readSelection'],
  'page.replaceText': contentMethods['content.replaceText'],
  'page.setSubject': contentMethods['content.setSubject'],
  /** Options page: which Gmail features work on the layout the last Gmail tab reported. */
  'page.gmailChecks': {
    params: z.object({}).strict(),
    result: z.object({ url: z.string(), checks: z.array(FeatureCheckSchema) }).nullable(),
  },
  'store.putDraft': {
    params: z.object({ draft: DraftSchema }).strict(),
    result: z.object({ id: z.string() }),
  },
  'store.getDraft': {
    params: z.object({ id: z.string().min(1).max(128) }).strict(),
    result: DraftSchema.nullable(),
  },
  'store.counts': {
    params: z.object({}).strict(),
    result: z.record(z.string(), z.number().int()),
  },
  ...companionMethods,
  ...personaMethods,
  ...campaignMethods,
  ...studioMethods,
  ...styleMethods,
} satisfies MethodMap;
export type Methods = typeof methods;

/** Streaming methods (all served by the AI host). */
export const streams = {
  /** OpenAI-style chat completion, streamed token by token. */
  'host.generate': {
    params: z.object({ request: ChatRequestSchema, expect: ExpectationSchema }).strict(),
    chunk: z.object({ token: z.string() }),
    end: z.object({
      tokens: z.number().int(),
      finishReason: z.enum(['stop', 'length']),
      hostId: z.string(),
      engine: z.string(),
      model: z.string(),
    }),
  },
  /** Loads (downloading if needed) the expected model, reporting progress; cancel aborts the download. */
  'host.loadModel': {
    params: z.object({ expect: ExpectationSchema }).strict(),
    chunk: LoadProgressSchema,
    end: z.object({ engine: z.string(), model: z.string(), ms: z.number() }),
  },
} satisfies StreamMap;
export type Streams = typeof streams;

/** Methods the service worker forwards to the AI host rather than answering itself. */
export const isHostMethod = (method: string) => method.startsWith('host.');
