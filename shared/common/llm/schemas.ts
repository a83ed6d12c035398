import { z } from 'zod';

const PromptApiAvailability = z.enum(['available', 'downloadable', 'downloading', 'unavailable', 'absent']);
const Tier = z.enum(['none', 'small', 'large']);

/** zod schemas for what the AI host reports about devices, engines and models (validated on receipt). */
export const ReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('no_webgpu'), detail: z.string() }),
  z.object({ code: z.literal('software_adapter'), adapter: z.string() }),
  z.object({ code: z.literal('no_shader_f16') }),
  z.object({ code: z.literal('gpu_limits'), limit: z.string(), needed: z.number(), actual: z.number() }),
  z.object({ code: z.literal('small_gpu'), maxStorageBufferMB: z.number() }),
  z.object({ code: z.literal('large_gpu'), maxStorageBufferMB: z.number() }),
  z.object({ code: z.literal('prompt_api'), availability: PromptApiAvailability }),
  z.object({ code: z.literal('no_generator') }),
  z.object({ code: z.literal('model_needs_f16'), model: z.string() }),
  z.object({ code: z.literal('model_buffer_too_big'), model: z.string(), neededMB: z.number(), limitMB: z.number() }),
  z.object({ code: z.literal('model_vram_high'), model: z.string(), vramMB: z.number(), tier: Tier }),
  z.object({ code: z.literal('model_not_low_resource'), model: z.string() }),
  z.object({
    code: z.literal('model_context_short'),
    model: z.string(),
    contextWindow: z.number(),
    needed: z.number(),
  }),
]);

export const DeviceReportSchema = z.object({
  webgpu: z.boolean(),
  webgpuProblem: z.enum(['no_navigator_gpu', 'no_adapter', 'request_failed']).optional(),
  adapter: z
    .object({ vendor: z.string(), architecture: z.string(), description: z.string(), isFallbackAdapter: z.boolean() })
    .optional(),
  shaderF16: z.boolean(),
  maxBufferSize: z.number(),
  maxStorageBufferBindingSize: z.number(),
  maxStorageBuffersPerShaderStage: z.number().optional(),
  maxComputeWorkgroupStorageSize: z.number().optional(),
  deviceMemoryGB: z.number().nullable(),
  promptApi: PromptApiAvailability,
});

export const EngineChoiceSchema = z.object({
  engine: z.enum(['webllm', 'prompt-api', 'none']),
  model: z.string().nullable(),
  tier: Tier,
  reasons: z.array(ReasonSchema),
});

export const CatalogueEntrySchema = z.object({
  id: z.string(),
  family: z.string(),
  paramsB: z.number().nullable(),
  quantization: z.string(),
  needsShaderF16: z.boolean(),
  vramMB: z.number().nullable(),
  lowResource: z.boolean(),
  contextWindow: z.number().nullable(),
  downloadMBEstimate: z.number().nullable(),
  bufferBytesRequired: z.number().nullable(),
});

export const ChatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(200_000),
});

export const ChatRequestSchema = z.object({
  messages: z.array(ChatMessageSchema).min(1).max(200),
  maxTokens: z.number().int().min(1).max(8_192),
  temperature: z.number().min(0).max(2).optional(),
  stop: z.array(z.string().max(64)).max(8).optional(),
  responseFormat: z.object({ type: z.literal('json_object'), schema: z.string().max(100_000).optional() }).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
});

export const LoadProgressSchema = z.object({
  progress: z.number().min(0).max(1),
  text: z.string(),
  loadedBytes: z.number().optional(),
  totalBytes: z.number().optional(),
  etaSeconds: z.number().nullable().optional(),
});
