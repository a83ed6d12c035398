import { randomUUID } from 'node:crypto';

/** An error answered in HubSpot's shape: `{status:'error', message, correlationId, category, ...}`. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return {
      status: 'error',
      message: this.message,
      correlationId: randomUUID(),
      category: this.category,
      ...this.extra,
    };
  }
}

export const validation = (message: string, extra: Record<string, unknown> = {}) =>
  new SandboxError(400, 'VALIDATION_ERROR', message, extra);
