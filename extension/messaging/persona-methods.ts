import type { MethodMap } from '../../shared/common/protocol/define';

/**
 * Request/response methods of the persona area, merged into the catalogue in `methods.ts`. One file per area keeps
 * each feature's protocol in one place.
 */
export const personaMethods = {} satisfies MethodMap;

/** Methods of this area only extension pages may call (never a content script). */
export const personaPageOnly: string[] = [];
