import type { z } from 'zod';

/** A request/response method: its params and its result, each checked by zod on receipt. */
export interface MethodSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  params: P;
  result: R;
}

/** A streaming method: its params, each chunk and the final summary. */
export interface StreamSpec<
  P extends z.ZodType = z.ZodType,
  C extends z.ZodType = z.ZodType,
  E extends z.ZodType = z.ZodType,
> {
  params: P;
  chunk: C;
  end: E;
}

export type MethodMap = Record<string, MethodSpec>;
export type StreamMap = Record<string, StreamSpec>;

export type ParamsOf<M extends MethodMap, K extends keyof M> = z.input<M[K]['params']>;
export type ResultOf<M extends MethodMap, K extends keyof M> = z.output<M[K]['result']>;
export type StreamParamsOf<S extends StreamMap, K extends keyof S> = z.input<S[K]['params']>;
export type ChunkOf<S extends StreamMap, K extends keyof S> = z.output<S[K]['chunk']>;
export type EndOf<S extends StreamMap, K extends keyof S> = z.output<S[K]['end']>;
