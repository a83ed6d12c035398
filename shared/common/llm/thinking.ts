/**
 * Thinking models (Qwen3 and DeepSeek-R1 distils) write their reasoning between `<think>` and `</think>` before the
 * answer. Drafts must never show it: the engines switch thinking off where they can and strip it where they cannot.
 */

/** Whether a model id names a model that thinks by default. */
export const isThinkingModel = (modelId: string) => /qwen3|deepseek-r1|qwq/i.test(modelId);

/**
 * A streaming filter: push text pieces as they arrive, get back what may be shown. Text inside a think block is
 * dropped, also when a tag is split across pieces; the blank lines after `</think>` are dropped too.
 */
export function stripThinking() {
  let buffer = '';
  let inside = false;
  let afterClose = false;
  return {
    push(piece: string): string {
      buffer += piece;
      let out = '';
      for (;;) {
        if (inside) {
          const end = buffer.indexOf('</think>');
          if (end < 0) {
            // Keep a possible partial closing tag.
            buffer = buffer.slice(Math.max(0, buffer.length - '</think>'.length + 1));
            return out;
          }
          buffer = buffer.slice(end + '</think>'.length);
          inside = false;
          afterClose = true;
          continue;
        }
        if (afterClose) {
          buffer = buffer.replace(/^\s+/, '');
          if (buffer === '') return out;
          afterClose = false;
        }
        const start = buffer.indexOf('<think>');
        if (start >= 0) {
          out += buffer.slice(0, start);
          buffer = buffer.slice(start + '<think>'.length);
          inside = true;
          continue;
        }
        // Hold back a tail that could be the start of "<think>".
        const lt = buffer.lastIndexOf('<');
        const hold = lt >= 0 && '<think>'.startsWith(buffer.slice(lt)) ? buffer.length - lt : 0;
        out += buffer.slice(0, buffer.length - hold);
        buffer = buffer.slice(buffer.length - hold);
        return out;
      }
    },
    /** What is left at the end of the stream (a held-back "<" that started no tag); nothing of an open think block. */
    flush(): string {
      const rest = inside ? '' : buffer;
      buffer = '';
      return rest;
    },
  };
}
