import { describe, expect, it } from 'vitest';
import { portalMismatch } from './portal-check';

describe('portalMismatch', () => {
  it('flags a page of another portal than the signed-in one', () => {
    expect(portalMismatch('222', { state: 'connected', portalId: 111 })).toEqual({ page: '222', signedIn: '111' });
    expect(portalMismatch('111', { state: 'connected', portalId: 111 })).toBeNull();
    expect(portalMismatch('222', { state: 'not_connected', portalId: null })).toBeNull();
    expect(portalMismatch('222', null)).toBeNull();
  });
});
