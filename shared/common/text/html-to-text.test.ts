import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('element grammar: tags and whole comments become spaces, addresses in angle brackets stay', () => {
    expect(htmlToText('<p>Hi <b>Ann</b></p><!-- a > b --><john@acme.com> <https://x.y>')).toBe(
      ' Hi  Ann   <john@acme.com> <https://x.y>',
    );
  });

  it('markup grammar: anything tag-like is a tag, doctypes and processing instructions included', () => {
    expect(htmlToText('<!DOCTYPE html><?xml v?>a<john@acme.com>b', { grammar: 'markup', tag: 'remove' })).toBe('ab');
  });

  it('mask keeps every offset', () => {
    const html = 'Call <b>me</b> at 3';
    const masked = htmlToText(html, { grammar: 'markup', tag: 'mask', entities: 'none' });
    expect(masked).toBe('Call    me     at 3');
    expect(masked).toHaveLength(html.length);
  });

  it('break tags become line breaks', () => {
    const breakTags = /^<\/?(?:br|p)\b/i;
    expect(htmlToText('<p>One</p><p>Two<br/>Three</p>', { grammar: 'markup', breakTags })).toBe(
      '\nOne\n\nTwo\nThree\n',
    );
  });

  it('decodes entities after the tags are gone, so an escaped tag stays text', () => {
    expect(htmlToText('&lt;b&gt;bold&lt;/b&gt; &amp;amp;')).toBe('<b>bold</b> &amp;');
  });

  it('leaves runs longer than a tag can be as text, and stays linear on hostile input', () => {
    const long = `<a ${'x'.repeat(2_100)}>`;
    expect(htmlToText(long, { grammar: 'markup' })).toBe(long);
    const hostile = '<a'.repeat(200_000) + '<!--'.repeat(100_000);
    const started = performance.now();
    htmlToText(hostile);
    htmlToText(hostile, { grammar: 'markup', tag: 'mask' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('decodeEntities', () => {
  it('common: lower-case names and &#39; only', () => {
    expect(decodeEntities('&amp; &AMP; &#39; &#65; &apos;', 'common')).toBe("& &AMP; ' &#65; '");
  });

  it('all: any case, every numeric reference; invalid code points become a space', () => {
    expect(decodeEntities('&AMP; &#65;&#x42; &#xD800;', 'all')).toBe('& AB  ');
  });

  it('none: unchanged', () => {
    expect(decodeEntities('&amp;', 'none')).toBe('&amp;');
  });
});
