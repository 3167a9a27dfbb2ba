import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import {
  adminsError,
  imageTypeLabel,
  offerBody,
  offerUrl,
  offStatus,
  ownFormErrors,
  parseAdministration,
  parseEntryOrThrow,
  routineBody,
  routineInput,
  statusKey,
  withEntry,
} from './catalogue';

const json = {
  catalogue: [
    { code: 'book_appointment', category: 'basic', name_sv: 'Boka tid', name_en: 'Book an appointment', status: 'on', reason: null, own: false },
    { code: 'renew_assistive_device', category: 'recommended', name_sv: 'Förnya hjälpmedel', name_en: 'Renew', status: 'off', reason: null, own: false },
    { code: 'own-1', category: 'custom', name_sv: 'Diabetes', name_en: 'Diabetes', status: 'on', reason: null, own: true },
    { nope: true },
  ],
  published: true,
  image_routine: { enabled: true, types: ['image/jpeg', 'image/png'], max_bytes: 1000000, retention_days: 30 },
  admins: [{ id: 's-202', name: 'Anna Nilsson' }],
  staff: [
    { id: 's-201', name: 'Karin Ekström' },
    { id: 's-202', name: 'Anna Nilsson' },
  ],
};

describe('catalogue administration', () => {
  it('reads the catalogue, publication, image routine and people', () => {
    const a = parseAdministration(json);
    expect(a.catalogue.map((e) => [e.code, e.category, e.status, e.own])).toEqual([
      ['book_appointment', 'basic', 'on', false],
      ['renew_assistive_device', 'recommended', 'off', false],
      ['own-1', 'custom', 'on', true],
    ]);
    expect(a.catalogue[0]!.name).toEqual({ sv: 'Boka tid', en: 'Book an appointment' });
    expect(a.published).toBe(true);
    expect(a.imageRoutine).toEqual({ enabled: true, types: ['image/jpeg', 'image/png'], maxBytes: 1000000, retentionDays: 30 });
    expect(a.admins).toEqual([{ id: 's-202', name: 'Anna Nilsson' }]);
    expect(a.staff).toHaveLength(2);
    expect(() => parseAdministration({})).toThrow();
    expect(() => parseEntryOrThrow({})).toThrow();
  });

  it('replaces a changed entry and adds a new one at the end', () => {
    const a = parseAdministration(json);
    const changed = { ...a.catalogue[0]!, status: 'not_applicable' as const, reason: 'Inga tider' };
    expect(withEntry(a.catalogue, changed)[0]).toBe(changed);
    const added = parseEntryOrThrow({ code: 'own-2', category: 'custom', name_sv: 'Ny', name_en: 'New', status: 'on', own: true });
    expect(withEntry(a.catalogue, added).map((e) => e.code)).toEqual(['book_appointment', 'renew_assistive_device', 'own-1', 'own-2']);
  });

  it('needs a reason of five characters to mark a basic e-service not applicable', () => {
    expect(offerBody('basic', false, '')).toEqual({ error: 'reasonRequired' });
    expect(offerBody('basic', false, ' abcd ')).toEqual({ error: 'reasonRequired' });
    expect(offerBody('basic', false, ' Vi har ingen läkare ')).toEqual({ body: { status: 'not_applicable', reason: 'Vi har ingen läkare' } });
    // Characters, not bytes: "åäö" is three, "Ingen läkare" twelve.
    expect(offerBody('basic', false, 'åäö')).toEqual({ error: 'reasonRequired' });
    expect(offerBody('basic', false, 'Ingen läkare')).toEqual({
      body: { status: 'not_applicable', reason: 'Ingen läkare' },
    });
    expect(offerBody('basic', true, '')).toEqual({ body: { status: 'on' } });
    expect(offerBody('recommended', false, '')).toEqual({ body: { status: 'off' } });
    expect(offerBody('custom', true, '')).toEqual({ body: { status: 'on' } });
    expect(offStatus('basic')).toBe('not_applicable');
    expect(offStatus('custom')).toBe('off');
  });

  it('words every status', () => {
    expect(translate('sv', statusKey('on'))).toBe('Erbjuds');
    expect(translate('sv', statusKey('not_applicable'))).toBe('Inte tillämplig');
    expect(translate('en', statusKey('off'))).toBe('Not offered');
  });

  it('allows one or two administrators', () => {
    expect(adminsError([])).toBe('none');
    expect(adminsError(['a'])).toBeNull();
    expect(adminsError(['a', 'b'])).toBeNull();
    expect(adminsError(['a', 'a'])).toBeNull();
    expect(adminsError(['a', 'b', 'c'])).toBe('tooMany');
  });

  it('needs both names of an own form', () => {
    expect(ownFormErrors({ nameSv: ' ', nameEn: 'x' })).toEqual({ nameSv: 'required' });
    expect(ownFormErrors({ nameSv: 'x'.repeat(101), nameEn: '' })).toEqual({ nameSv: 'tooLong', nameEn: 'required' });
    expect(ownFormErrors({ nameSv: 'Kontakta barnmorskan', nameEn: 'Contact the midwife' })).toEqual({});
  });

  it('turns the image routine into kilobytes and back, within the limits', () => {
    const input = routineInput(parseAdministration(json).imageRoutine);
    expect(input).toEqual({ enabled: true, types: ['image/jpeg', 'image/png'], maxKb: '1000', retentionDays: '30' });
    expect(routineBody(input)).toEqual({ body: { enabled: true, types: ['image/jpeg', 'image/png'], max_bytes: 1000000, retention_days: 30 } });
    expect(routineBody({ ...input, maxKb: '1048' })).toEqual({ body: { enabled: true, types: ['image/jpeg', 'image/png'], max_bytes: 1048000, retention_days: 30 } });
    expect(routineBody({ ...input, types: [], maxKb: '5000', retentionDays: '0' })).toEqual({ errors: ['types', 'maxKb', 'retentionDays'] });
    expect(routineBody({ ...input, maxKb: '1,5' })).toEqual({ errors: ['maxKb'] });
    // Switched off, no type needs to be ticked; the defaults are kept.
    expect(routineBody({ ...input, enabled: false, types: [] })).toEqual({ body: { enabled: false, types: ['image/jpeg', 'image/png'], max_bytes: 1000000, retention_days: 30 } });
    expect(imageTypeLabel('image/jpeg')).toBe('JPEG');
  });

  it('builds the addresses', () => {
    expect(offerUrl('u-11', 'book_appointment')).toBe('/api/v1/clinics/u-11/eservices/book_appointment');
  });
});
