// Staff log-in with HSA-id, password and a TOTP code: parsing the server's
// answers and the small text helpers the page uses. Pure.

import { ApiError } from '../api';

export type PasswordAnswer =
  | { status: 'totp_required'; challenge: string }
  | { status: 'totp_enrolment'; challenge: string; otpauthUri: string; secret: string; qrSvg: string };

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/** Reads the answer of POST /api/v1/auth/staff/password; throws ApiError('invalid') on anything else. */
export function parsePasswordAnswer(v: unknown): PasswordAnswer {
  if (isObject(v)) {
    const challenge = str(v.challenge);
    if (challenge && v.status === 'totp_required') return { status: 'totp_required', challenge };
    const secret = str(v.secret);
    const qrSvg = str(v.qr_svg);
    if (challenge && v.status === 'totp_enrolment' && secret && qrSvg) {
      return { status: 'totp_enrolment', challenge, otpauthUri: str(v.otpauth_uri) ?? '', secret, qrSvg };
    }
  }
  throw new ApiError('invalid', 200, 'unexpected answer from staff/password');
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", for typing the secret by hand. */
export function groupSecret(secret: string, size = 4): string {
  const clean = secret.replace(/[\s-]/g, '').toUpperCase();
  const groups: string[] = [];
  for (let i = 0; i < clean.length; i += size) groups.push(clean.slice(i, i + size));
  return groups.join(' ');
}

/** The code as typed, without spaces; null unless it is exactly 6 digits. */
export function normalizeCode(raw: string): string | null {
  const code = raw.replace(/\s/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

/** Seconds to wait after a 429: Retry-After when given (at least 1), else 60. */
export function waitSeconds(retryAfter: number | null): number {
  return retryAfter !== null && Number.isFinite(retryAfter) ? Math.max(1, Math.ceil(retryAfter)) : 60;
}

/** An SVG document as a data: URI for <img src>, base64 of its UTF-8 bytes. */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
