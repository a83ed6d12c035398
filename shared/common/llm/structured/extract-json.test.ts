import { describe, expect, it } from 'vitest';
import { extractJsonObject, removeTrailingCommas } from './extract-json';

const value = (text: string) => {
  const result = extractJsonObject(text);
  if (!result.ok) throw new Error(`expected JSON, got ${result.kind}: ${result.message}`);
  return result.value;
};

describe('extractJsonObject', () => {
  it('parses a bare object', () => {
    expect(value('{"a": 1, "b": [true, null]}')).toEqual({ a: 1, b: [true, null] });
  });

  it.each([
    ['a json code fence', '```json\n{"role": "CTO"}\n```'],
    ['a bare code fence', '```\n{"role": "CTO"}\n```'],
    ['leading prose', 'Sure! Here is the persona you asked for:\n{"role": "CTO"}'],
    ['leading prose with braces', 'Use the {name} field. Result: {"role": "CTO"}'],
    ['trailing junk', '{"role": "CTO"}\n\nI hope this helps! {not json'],
    ['Chinese prose around it', '当然，以下是结果：\n```json\n{"role": "CTO"}\n```\n希望对您有帮助。'],
  ])('finds the object behind %s', (_label, text) => {
    expect(value(text)).toEqual({ role: 'CTO' });
  });

  it('ignores braces and escaped quotes inside strings', () => {
    const text = 'Result: {"note": "use {curly} and } braces, \\"quoted\\" too", "nested": {"x": "}"}} trailing }';
    expect(value(text)).toEqual({ note: 'use {curly} and } braces, "quoted" too', nested: { x: '}' } });
  });

  it('does not end a string at an escaped quote', () => {
    expect(value('{"a": "\\"}"}')).toEqual({ a: '"}' });
  });

  it('reports where the object is', () => {
    const text = 'abc {"a": 1} def';
    expect(extractJsonObject(text)).toMatchObject({ ok: true, start: 4, end: 12 });
  });

  it('repairs trailing commas, a common small-model slip', () => {
    expect(value('{"a": [1, 2,], "b": "x, }",}')).toEqual({ a: [1, 2], b: 'x, }' });
  });

  it('reports a cut-off object as truncated, not as a smaller nested object', () => {
    const result = extractJsonObject('{"role": {"value": "CTO", "confidence": 0.9}, "goals": [{"value": "grow');
    expect(result).toMatchObject({ ok: false, kind: 'truncated' });
  });

  it('reports an opening brace at the very end as truncated', () => {
    expect(extractJsonObject('Here is the JSON:\n{')).toMatchObject({ ok: false, kind: 'truncated' });
  });

  it('reports a cut-off string as truncated', () => {
    expect(extractJsonObject('```json\n{"role": "Head of')).toMatchObject({ ok: false, kind: 'truncated' });
  });

  it.each([
    ['empty text', ''],
    ['prose only', 'I cannot build a persona from this thread.'],
    ['an array', '[1, 2, 3]'],
    ['stray braces in prose', 'Use the {name} placeholder { and then } the rest.'],
  ])('reports no_json for %s', (_label, text) => {
    expect(extractJsonObject(text)).toMatchObject({ ok: false, kind: 'no_json' });
  });

  it('says why a JSON-like object is invalid', () => {
    const result = extractJsonObject('{"a": 1 "b": 2}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.kind).toBe('no_json');
      expect(result.message).toMatch(/not valid JSON/);
    }
  });

  it('skips an invalid candidate and takes a later valid object', () => {
    expect(value("{'single': 'quotes'} then {\"a\": 2}")).toEqual({ a: 2 });
  });
});

describe('removeTrailingCommas', () => {
  it('keeps commas inside strings', () => {
    expect(removeTrailingCommas('{"a": ",}", "b": [1,],}')).toBe('{"a": ",}", "b": [1]}');
  });
});
