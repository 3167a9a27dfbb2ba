import { describe, expect, it } from 'vitest';
import { clinicApiUrl, clinicsApiUrl, getParam, normalizeQuery, withParam } from './query';

describe('query strings', () => {
  it('normalises search text', () => {
    expect(normalizeQuery('  Göteborg   ')).toBe('Göteborg');
    expect(normalizeQuery('vård\t central\n')).toBe('vård central');
    expect(normalizeQuery('x'.repeat(150))).toHaveLength(100);
  });

  it('reads parameters, decoding Swedish letters and spaces', () => {
    expect(getParam('?q=%C3%A4lv+stad', 'q')).toBe('älv stad');
    expect(getParam('', 'q')).toBe('');
    expect(getParam('?other=1', 'q')).toBe('');
  });

  it('sets, replaces and removes a parameter while keeping the others', () => {
    expect(withParam('/mottagningar', '', 'q', 'Ekbacken')).toBe('/mottagningar?q=Ekbacken');
    expect(withParam('/mottagningar', '?q=a&x=1', 'q', 'b')).toBe('/mottagningar?q=b&x=1');
    expect(withParam('/mottagningar', '?q=a', 'q', '')).toBe('/mottagningar');
    expect(withParam('/mottagningar', '?q=a&x=1', 'q', '')).toBe('/mottagningar?x=1');
    expect(withParam('/m', '', 'q', 'å ä')).toBe('/m?q=%C3%A5+%C3%A4');
  });

  it('builds the clinic list API URL', () => {
    expect(clinicsApiUrl({})).toBe('/api/v1/clinics');
    expect(clinicsApiUrl({ q: '  ', limit: 20 })).toBe('/api/v1/clinics?limit=20');
    expect(clinicsApiUrl({ q: 'Älv', limit: 20, cursor: 'abc=' })).toBe(
      '/api/v1/clinics?q=%C3%84lv&limit=20&cursor=abc%3D',
    );
    expect(clinicsApiUrl({ limit: 500 })).toBe('/api/v1/clinics?limit=100');
    expect(clinicsApiUrl({ limit: 0 })).toBe('/api/v1/clinics?limit=1');
    expect(clinicsApiUrl({ cursor: null })).toBe('/api/v1/clinics');
  });

  it('escapes the clinic id in the API URL', () => {
    expect(clinicApiUrl('0190a1b2-7c3d')).toBe('/api/v1/clinics/0190a1b2-7c3d');
    expect(clinicApiUrl('../admin')).toBe('/api/v1/clinics/..%2Fadmin');
  });
});
