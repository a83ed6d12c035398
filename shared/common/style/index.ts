/** The rep's writing style: learned from sent messages on the device, applied to drafts (issue #20). */
export { greetingOf, parseMessage, signOffKey, type ParsedMessage } from './parse';
export {
  FORMALITY_BANDS,
  MIN_STYLE_SAMPLES,
  usableStyle,
  StyleProfileSchema,
  bandOf,
  formalityScore,
  learnStyle,
  relearn,
  type EditableStyleField,
  type FormalityBand,
  type StyleProfile,
} from './profile';
export {
  applyGreetingAndSignOff,
  fillGreeting,
  greetedName,
  styleForLanguage,
  styleInstruction,
  withStyle,
} from './apply';
