/**
 * The Gmail site adapter: reads the open thread and composes, inserts drafts, and watches sends and navigation.
 * Content-script code: plain DOM, every function takes its document or root so tests can pass their own.
 */
export { gmailSelectors, gmailSite, gmailEvidence } from './selectors';
export { readThread, findThreadSubject, expandFolded, type ReadThreadOptions } from './thread';
export { readSelfEmail, type SelfEmail } from './self-email';
export { findComposes } from './compose';
export { findSendButton } from './send-button';
export { insertDraft, type InsertOptions } from './insert-draft';
export { watchSends } from './watch-sends';
export { watchNavigation } from './watch-navigation';
export { selfCheck } from './self-check';
export { parseGmailDate } from './date';
export { extractText, normaliseText } from './text';
export type * from './types';
