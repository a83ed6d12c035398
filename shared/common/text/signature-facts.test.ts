import { describe, expect, it } from 'vitest';
import { signatureFacts } from './signature-facts';

describe('signatureFacts', () => {
  it('reads title, company and phone from a multi-line signature, skipping the name', () => {
    expect(
      signatureFacts('Jordan Lee\nHead of Sales Operations\nNorthwind Example Ltd.\n+44 20 7946 0958', 'Jordan Lee'),
    ).toEqual({ title: 'Head of Sales Operations', company: 'Northwind Example Ltd.', phone: '+44 20 7946 0958' });
  });

  it('splits one-line signatures at "|" or ","', () => {
    expect(signatureFacts('Priya Shah | Finance Manager | Northwind Example Ltd.', 'Priya Shah')).toEqual({
      title: 'Finance Manager',
      company: 'Northwind Example Ltd.',
      phone: null,
    });
    expect(signatureFacts('Sam Rivera\nAccount Executive, Closer Demo Co.\n+1 555 0100')).toEqual({
      title: 'Account Executive',
      company: 'Closer Demo Co.',
      phone: '+1 555 0100',
    });
  });

  it('states nothing it cannot see: links, addresses and plain words are not facts', () => {
    expect(signatureFacts('Cheers\nhttps://example.com\njordan@example.net')).toEqual({
      title: null,
      company: null,
      phone: null,
    });
  });
});
