// GET /api/v1/auth/methods: which ways to log in this installation offers. Pure parsing.

import { ApiError } from '../api';

export interface OidcProvider {
  id: string;
  audience: 'patient' | 'staff';
  start: string;
}

export interface AuthMethods {
  oidc: OidcProvider[];
  demo: boolean;
  staffPassword: boolean;
}

export const AUTH_METHODS_URL = '/api/v1/auth/methods';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseAuthMethods(v: unknown): AuthMethods {
  if (!isObject(v)) throw new ApiError('invalid', 200, 'auth methods is not an object');
  const oidc = Array.isArray(v.oidc)
    ? v.oidc.flatMap((p: unknown): OidcProvider[] => {
        if (!isObject(p) || typeof p.id !== 'string' || typeof p.start !== 'string') return [];
        if (p.audience !== 'patient' && p.audience !== 'staff') return [];
        // Only same-origin API paths: the link is followed with a full page load.
        if (!p.start.startsWith('/api/') || p.start.startsWith('//')) return [];
        return [{ id: p.id, audience: p.audience, start: p.start }];
      })
    : [];
  return { oidc, demo: v.demo === true, staffPassword: v.staff_password === true };
}

/** The link that starts an OIDC log-in and comes back to `returnTo`. */
export function oidcStartHref(provider: OidcProvider, returnTo: string): string {
  const sep = provider.start.includes('?') ? '&' : '?';
  return `${provider.start}${sep}return_to=${encodeURIComponent(returnTo)}`;
}
