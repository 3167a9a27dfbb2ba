import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { groupSecret, normalizeCode, parsePasswordAnswer, svgDataUri, waitSeconds } from './staffLogin';

describe('staff log-in helpers', () => {
  it('groups a secret in fours', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('abcdefghij')).toBe('ABCD EFGH IJ');
    expect(groupSecret('')).toBe('');
  });

  it('accepts only 6-digit codes, ignoring spaces', () => {
    expect(normalizeCode('123 456')).toBe('123456');
    expect(normalizeCode('12345')).toBeNull();
    expect(normalizeCode('12345a')).toBeNull();
  });

  it('turns Retry-After into a wait message', () => {
    expect(waitSeconds(30)).toBe(30);
    expect(waitSeconds(0)).toBe(1);
    expect(waitSeconds(null)).toBe(60);
    expect(translate('sv', 'staffLogin.tooMany', { seconds: waitSeconds(30) })).toBe(
      'För många misslyckade försök. Vänta 30 sekunder.',
    );
  });

  it('parses both password answers', () => {
    expect(parsePasswordAnswer({ status: 'totp_required', challenge: 'c' })).toEqual({ status: 'totp_required', challenge: 'c' });
    const e = parsePasswordAnswer({ status: 'totp_enrolment', challenge: 'c', otpauth_uri: 'otpauth://x', secret: 'AB', qr_svg: '<svg/>' });
    expect(e).toMatchObject({ status: 'totp_enrolment', secret: 'AB', qrSvg: '<svg/>' });
    expect(() => parsePasswordAnswer({ status: 'complete' })).toThrow();
  });

  it('encodes SVG as base64 data URI, UTF-8 safe', () => {
    expect(svgDataUri('<svg/>')).toBe(`data:image/svg+xml;base64,${btoa('<svg/>')}`);
    expect(svgDataUri('å')).toBe('data:image/svg+xml;base64,w6U=');
  });
});
