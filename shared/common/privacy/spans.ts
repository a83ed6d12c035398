import type { PiiKind } from './types';

/** A finding on the compacted view, before mapping back to the original. */
export interface ViewSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

/** Which view characters are already part of a finding; earlier (more specific) detectors win. */
export class Taken {
  private readonly marks: Uint8Array;
  constructor(length: number) {
    this.marks = new Uint8Array(length);
  }
  isTaken(index: number): boolean {
    return this.marks[index] === 1;
  }
  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.marks[i]) return false;
    return true;
  }
  claim(out: ViewSpan[], kind: PiiKind, start: number, end: number): boolean {
    if (end <= start || !this.isFree(start, end)) return false;
    this.marks.fill(1, start, end);
    const last = out[out.length - 1];
    // A finding that starts where the previous one of the same kind ended is the same item continued.
    if (last && last.kind === kind && last.end === start) last.end = end;
    else out.push({ kind, start, end });
    return true;
  }
}
