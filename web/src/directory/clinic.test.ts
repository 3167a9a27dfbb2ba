import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { parseClinic, parseClinicPage } from './clinic';

const bjorkdalen = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  hsa_id: 'SE2321000131-E000000000101',
  name: 'Vårdcentralen Björkdalen',
  kind: 'primary_care',
  administration: { id: 'adm-1', name: 'Närhälsan' },
  address: { street: 'Björkvägen 4', postal_code: '412 58', city: 'Göteborg' },
  phone: '010-000 00 01',
  email: 'bjorkdalen@example.se',
  opening_hours: 'Mån–fre 08–17',
  description: 'En vårdcentral.',
  eservices: [
    { code: 'book_appointment', category: 'basic', name: { sv: 'Boka tid', en: 'Book an appointment' }, status: 'on', reason: null },
    {
      code: 'video_visit',
      category: 'recommended',
      name: { sv: 'Videobesök', en: 'Video visit' },
      status: 'not_applicable',
      reason: 'Erbjuds via annan mottagning',
    },
  ],
};

describe('parseClinic', () => {
  it('maps the API fields', () => {
    const c = parseClinic(bjorkdalen);
    expect(c).toMatchObject({
      id: bjorkdalen.id,
      hsaId: 'SE2321000131-E000000000101',
      name: 'Vårdcentralen Björkdalen',
      kind: 'primary_care',
      administration: { id: 'adm-1', name: 'Närhälsan' },
      address: { street: 'Björkvägen 4', postalCode: '412 58', city: 'Göteborg' },
      phone: '010-000 00 01',
      email: 'bjorkdalen@example.se',
      openingHours: 'Mån–fre 08–17',
      description: 'En vårdcentral.',
    });
    expect(c.eservices).toEqual([
      { code: 'book_appointment', category: 'basic', name: { sv: 'Boka tid', en: 'Book an appointment' }, offered: true, reason: null },
      {
        code: 'video_visit',
        category: 'recommended',
        name: { sv: 'Videobesök', en: 'Video visit' },
        offered: false,
        reason: { sv: 'Erbjuds via annan mottagning', en: null },
      },
    ]);
  });

  it('accepts a reason given in both languages', () => {
    const c = parseClinic({
      ...bjorkdalen,
      eservices: [{ code: 'x', category: 'basic', name: { sv: 'X' }, status: 'not_applicable', reason: { sv: 'Nej', en: 'No' } }],
    });
    expect(c.eservices[0]?.reason).toEqual({ sv: 'Nej', en: 'No' });
    expect(c.eservices[0]?.name).toEqual({ sv: 'X', en: null });
  });

  it('fills in what is missing instead of failing', () => {
    const c = parseClinic({ id: 'a', name: 'B' });
    expect(c).toEqual({
      id: 'a',
      hsaId: null,
      name: 'B',
      kind: 'other',
      administration: null,
      address: null,
      phone: null,
      email: null,
      openingHours: null,
      description: null,
      eservices: [],
    });
  });

  it('drops malformed e-services and files unknown categories as custom', () => {
    const c = parseClinic({
      id: 'a',
      name: 'B',
      eservices: [null, { name: 'no code' }, { code: 'odd', category: 'weird', status: 'maybe' }],
    });
    expect(c.eservices).toEqual([
      { code: 'odd', category: 'custom', name: { sv: 'odd', en: null }, offered: false, reason: null },
    ]);
  });

  it('rejects a clinic without id or name', () => {
    expect(() => parseClinic({ name: 'x' })).toThrow(ApiError);
    expect(() => parseClinic({ id: 'x', name: '  ' })).toThrow(ApiError);
    expect(() => parseClinic('x')).toThrow(ApiError);
  });
});

describe('parseClinicPage', () => {
  it('reads items and the cursor', () => {
    const page = parseClinicPage({ items: [bjorkdalen], next_cursor: 'abc' });
    expect(page.items.map((c) => c.name)).toEqual(['Vårdcentralen Björkdalen']);
    expect(page.nextCursor).toBe('abc');
  });

  it('treats a null or missing cursor as the last page', () => {
    expect(parseClinicPage({ items: [], next_cursor: null }).nextCursor).toBeNull();
    expect(parseClinicPage({ items: [] }).nextCursor).toBeNull();
  });

  it('skips broken entries but keeps the good ones', () => {
    const page = parseClinicPage({ items: [{ id: 1 }, bjorkdalen], next_cursor: null });
    expect(page.items).toHaveLength(1);
  });

  it('rejects a body without items', () => {
    expect(() => parseClinicPage({ next_cursor: null })).toThrow(ApiError);
    expect(() => parseClinicPage([])).toThrow(ApiError);
  });
});
