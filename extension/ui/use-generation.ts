import { useCallback, useRef, useState } from 'react';
import { stream } from '../messaging/client';
import { ProtocolError } from '../../shared/common/protocol/errors';
import type { Expectation } from '../messaging/methods';
import type { ChatRequest } from '../../shared/common/llm/engine';

export type GenerationState =
  | { kind: 'idle' }
  | { kind: 'streaming'; text: string; tokens: number }
  | { kind: 'done'; text: string; tokens: number }
  | { kind: 'cancelled'; text: string; tokens: number }
  | { kind: 'error'; text: string; message: string };

/** Streams a generation from the AI host; keeps what arrived even when it fails or is stopped. */
export function useGeneration(expect: Expectation) {
  const [state, setState] = useState<GenerationState>({ kind: 'idle' });
  const abortRef = useRef<AbortController | null>(null);

  const start = useCallback(
    (request: ChatRequest, finish: (raw: string) => string = (raw) => raw) => {
      abortRef.current?.abort();
      const controller = new AbortController();
      abortRef.current = controller;
      let text = '';
      let tokens = 0;
      setState({ kind: 'streaming', text, tokens });
      stream(
        'host.generate',
        { request, expect },
        {
          signal: controller.signal,
          onChunk: ({ token }) => {
            text += token;
            tokens += 1;
            setState({ kind: 'streaming', text, tokens });
          },
        },
      ).then(
        (end) => setState({ kind: 'done', text: finish(text), tokens: end.tokens }),
        (err: unknown) => {
          if (err instanceof ProtocolError && err.code === 'cancelled') setState({ kind: 'cancelled', text, tokens });
          else setState({ kind: 'error', text, message: err instanceof Error ? err.message : String(err) });
        },
      );
    },
    [expect],
  );

  const cancel = useCallback(() => abortRef.current?.abort(), []);
  return { state, start, cancel };
}
