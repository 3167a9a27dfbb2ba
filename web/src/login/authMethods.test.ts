import { describe, expect, it } from 'vitest';
import { oidcStartHref, parseAuthMethods } from './authMethods';

describe('auth methods', () => {
  it('keeps well-formed same-origin providers only', () => {
    const m = parseAuthMethods({
      oidc: [
        { id: 'bankid', audience: 'patient', start: '/api/v1/auth/oidc/bankid/start' },
        { id: 'evil', audience: 'patient', start: 'https://evil.example/start' },
        { id: 'x', audience: 'other', start: '/api/v1/auth/oidc/x/start' },
      ],
      demo: true,
      staff_password: true,
    });
    expect(m).toEqual({ oidc: [{ id: 'bankid', audience: 'patient', start: '/api/v1/auth/oidc/bankid/start' }], demo: true, staffPassword: true });
    expect(parseAuthMethods({})).toEqual({ oidc: [], demo: false, staffPassword: false });
  });

  it('adds return_to to the start link', () => {
    expect(oidcStartHref({ id: 'a', audience: 'staff', start: '/api/v1/auth/oidc/a/start' }, '/personal?x=1')).toBe(
      '/api/v1/auth/oidc/a/start?return_to=%2Fpersonal%3Fx%3D1',
    );
  });
});
