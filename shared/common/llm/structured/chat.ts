/**
 * The chat request types are the engines' own (`../engine`), so a PromptRequest can be passed straight to
 * `TextEngine.generate`. Re-exported here so structured-output callers need one import.
 */
import type { ChatMessage } from '../engine';

export type { ChatMessage, ChatRequest, ResponseFormat } from '../engine';
export type ChatRole = ChatMessage['role'];
