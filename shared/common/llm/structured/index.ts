/** Structured output from small local models: JSON extraction, zod validation, one repair retry, typed errors. */
export type { ChatMessage, ChatRequest, ChatRole, ResponseFormat } from './chat';
export { MAX_ERROR_OUTPUT_CHARS, StructuredOutputError, type StructuredErrorKind } from './errors';
export { extractJsonObject, removeTrailingCommas, MAX_SCAN_CHARS, type JsonExtraction } from './extract-json';
export { formatIssues, parseStructured, MAX_REPORTED_ISSUES, type StructuredParse } from './validate';
export { buildRepairMessages, MAX_ECHOED_OUTPUT_CHARS, type RepairProblem } from './repair';
export {
  engineGenerate,
  runStructured,
  type Generate,
  type GenerationOutput,
  type StructuredResult,
} from './run-structured';
export {
  findProtectedAttributes,
  mentionsProtectedAttribute,
  PROTECTED_CATEGORIES,
  type ProtectedCategory,
  type ProtectedMatch,
} from './protected-attributes';
export {
  BUYING_STAGES,
  MAX_PERSONA_LIST_ITEMS,
  PERSONA_FIELD_NAMES,
  PersonaDraftSchema,
  PersonaFieldSchema,
  PersonaSourceSchema,
  personaJsonSchema,
  PREFERRED_CHANNELS,
  PREFERRED_TONES,
  SENIORITY_LEVELS,
  type PersonaDraft,
  type PersonaField,
  type PersonaFieldName,
  type PersonaSource,
} from './persona-schema';
