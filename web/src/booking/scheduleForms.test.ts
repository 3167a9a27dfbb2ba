import { describe, expect, it } from 'vitest';
import { hoursBody, maySelfBook, personalIdInput, typeBody, unitAbsenceBody, type HoursInput, type TypeInput } from './scheduleForms';

describe('a new appointment type', () => {
  const input: TypeInput = { nameSv: ' Hälsosamtal ', nameEn: 'Health talk', minutes: '30', channel: 'in_person', profession: 'other', selfBookable: true };

  it('is sent trimmed, with its length as a number', () => {
    expect(typeBody(input)).toEqual({
      body: { name_sv: 'Hälsosamtal', name_en: 'Health talk', minutes: 30, channel: 'in_person', profession: 'other', self_bookable: true },
    });
  });
  it('may be self-bookable only as a visit at the clinic', () => {
    expect(maySelfBook('in_person')).toBe(true);
    expect(maySelfBook('video')).toBe(false);
    expect(maySelfBook('phone')).toBe(false);
    const phone = typeBody({ ...input, channel: 'phone' });
    expect('body' in phone && phone.body.self_bookable).toBe(false);
  });
  it('needs both names and a length of 5–480 minutes', () => {
    expect(typeBody({ ...input, nameSv: '  ', nameEn: 'x'.repeat(101), minutes: '4' })).toEqual({ errors: ['nameSv', 'nameEn', 'minutes'] });
    expect(typeBody({ ...input, minutes: '481' })).toEqual({ errors: ['minutes'] });
    expect(typeBody({ ...input, minutes: '30 min' })).toEqual({ errors: ['minutes'] });
    expect('body' in typeBody({ ...input, minutes: '5' })).toBe(true);
    expect('body' in typeBody({ ...input, minutes: '480' })).toBe(true);
  });
});

describe('new opening hours', () => {
  const input: HoursInput = { staffId: 's-202', typeId: 't-9', weekday: '6', start: '09:00', end: '10:00', validFrom: '2026-11-23', validTo: '' };

  it('are sent as minutes after midnight, without an end date when none is given', () => {
    expect(hoursBody(input, 15)).toEqual({
      body: { staff_id: 's-202', appointment_type_id: 't-9', weekday: 6, start_minute: 540, end_minute: 600, valid_from: '2026-11-23' },
    });
    const until = hoursBody({ ...input, validTo: '2026-12-31' }, 15);
    expect('body' in until && until.body.valid_to).toBe('2026-12-31');
  });
  it('say what is missing or wrong', () => {
    expect(hoursBody({ ...input, staffId: '', typeId: '', weekday: '0', start: 'x', validFrom: '2026-02-30' }, null)).toEqual({
      errors: ['staff', 'type', 'weekday', 'start', 'validFrom'],
    });
    expect(hoursBody({ ...input, end: '09:00' }, 15)).toEqual({ errors: ['end'] });
    expect(hoursBody({ ...input, validTo: '2026-11-22' }, 15)).toEqual({ errors: ['validTo'] });
    expect(hoursBody({ ...input, validTo: 'snart' }, 15)).toEqual({ errors: ['validTo'] });
  });
  it('must hold at least one appointment of the type', () => {
    expect(hoursBody({ ...input, end: '09:20' }, 30)).toEqual({ errors: ['tooShort'] });
    expect('body' in hoursBody({ ...input, end: '09:30' }, 30)).toBe(true);
    expect('body' in hoursBody({ ...input, start: '23:00', end: '24:00' }, 60)).toBe(true);
  });
});

describe('a new absence', () => {
  const today = '2026-11-23';
  it('asks for the last day away and sends the day after as the exclusive end', () => {
    expect(unitAbsenceBody({ staffId: 's-202', from: '2026-12-05', lastDay: '2026-12-05' }, today)).toEqual({
      body: { staff_id: 's-202', from: '2026-12-05', to: '2026-12-06' },
    });
    expect(unitAbsenceBody({ staffId: 's-202', from: '2026-12-30', lastDay: '2026-12-31' }, today)).toEqual({
      body: { staff_id: 's-202', from: '2026-12-30', to: '2027-01-01' },
    });
  });
  it('refuses a last day before the first, or already past', () => {
    expect(unitAbsenceBody({ staffId: '', from: 'x', lastDay: '2026-12-01' }, today)).toEqual({ errors: ['staff', 'from'] });
    expect(unitAbsenceBody({ staffId: 's', from: '2026-12-05', lastDay: '2026-12-04' }, today)).toEqual({ errors: ['lastDay'] });
    expect(unitAbsenceBody({ staffId: 's', from: '2026-11-01', lastDay: '2026-11-22' }, today)).toEqual({ errors: ['lastDay'] });
  });
});

describe('personnummer', () => {
  it('takes the written forms the server reads, spaces removed', () => {
    expect(personalIdInput('19750611-9812')).toBe('19750611-9812');
    expect(personalIdInput(' 197506119812 ')).toBe('197506119812');
    expect(personalIdInput('750611 - 9812')).toBe('750611-9812');
    expect(personalIdInput('380930+9861')).toBe('380930+9861');
  });
  it('refuses what cannot be one', () => {
    expect(personalIdInput('')).toBeNull();
    expect(personalIdInput('1975-06-11')).toBeNull();
    expect(personalIdInput('19750611-981')).toBeNull();
    expect(personalIdInput('erik')).toBeNull();
  });
});
