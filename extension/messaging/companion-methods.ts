import type { MethodMap } from '../../shared/common/protocol/define';

/**
 * Request/response methods of the companion area, merged into the catalogue in `methods.ts`. One file per area keeps
 * each feature's protocol in one place.
 */
export const companionMethods = {} satisfies MethodMap;

/** Methods of this area only extension pages may call (never a content script). */
export const companionPageOnly: string[] = [];
