import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { plural, translate } from '../i18n';
import {
  absenceDays,
  formatMinuteOfDay,
  openingHoursUrl,
  parseOpeningHours,
  parsePatientMatch,
  parseSlotsCreated,
  parseStaff,
  parseTimeOfDay,
  parseUnitAbsences,
  patientLookupUrl,
  schedulableStaff,
  scheduleHref,
  sortOpeningHours,
  unitAbsencesUrl,
  unitStaffUrl,
  weekdayKey,
} from './schedule';

const staff = parseStaff({
  items: [
    { id: 's-201', name: 'Karin Ekström', title: 'Specialist i allmänmedicin' },
    { id: 's-202', name: 'Anna Nilsson' },
    { name: 'no id' },
  ],
});

describe('reading the answers', () => {
  it('reads the unit’s staff', () => {
    expect(staff).toEqual([
      { id: 's-201', name: 'Karin Ekström', title: 'Specialist i allmänmedicin' },
      { id: 's-202', name: 'Anna Nilsson', title: '' },
    ]);
    expect(() => parseStaff({})).toThrow(ApiError);
  });

  it('reads opening hours and skips broken rows', () => {
    const hours = parseOpeningHours({
      items: [
        {
          id: 'h-1',
          staff_id: 's-201',
          appointment_type_id: 't-1',
          weekday: 2,
          start_minute: 480,
          end_minute: 660,
          valid_from: '2026-01-01',
          valid_to: null,
        },
        { id: 'h-2', staff_id: 's-202', appointment_type_id: 't-2', weekday: 6, start_minute: 540, end_minute: 600, valid_from: '2026-11-23', valid_to: '2026-12-31' },
        { id: 'h-3', weekday: 8, start_minute: 0, end_minute: 60 },
        { id: 'h-4', weekday: 1, start_minute: '08:00', end_minute: 60 },
        null,
      ],
    });
    expect(hours).toEqual([
      { id: 'h-1', staffId: 's-201', typeId: 't-1', weekday: 2, startMinute: 480, endMinute: 660, validFrom: '2026-01-01', validTo: null },
      { id: 'h-2', staffId: 's-202', typeId: 't-2', weekday: 6, startMinute: 540, endMinute: 600, validFrom: '2026-11-23', validTo: '2026-12-31' },
    ]);
    expect(() => parseOpeningHours([])).toThrow(ApiError);
  });

  it('reads the absences', () => {
    const list = parseUnitAbsences({
      items: [
        { staff: { id: 's-202', name: 'Anna Nilsson' }, from: '2026-12-04T23:00:00Z', to: '2026-12-06T23:00:00Z' },
        { staff: {}, from: 'x', to: 'y' },
      ],
    });
    expect(list).toEqual([{ staff: { id: 's-202', name: 'Anna Nilsson' }, from: '2026-12-04T23:00:00Z', to: '2026-12-06T23:00:00Z' }]);
  });

  it('reads the patient found, and refuses an answer without one', () => {
    expect(parsePatientMatch({ id: 'p-107', name: 'Erik Sandberg', birth_date: '1975-06-11' })).toEqual({
      id: 'p-107',
      name: 'Erik Sandberg',
      birthDate: '1975-06-11',
    });
    expect(parsePatientMatch({ id: 'p-1' }).birthDate).toBeNull();
    expect(() => parsePatientMatch({ name: 'x' })).toThrow(ApiError);
    expect(() => parsePatientMatch(null)).toThrow(ApiError);
  });

  it('reads how many times were made, and says so', () => {
    expect(parseSlotsCreated({ slots_created: 24 })).toBe(24);
    expect(plural('sv', 'schedule.slotsCreated', 24)).toBe('24 tider skapades.');
    expect(plural('sv', 'schedule.slotsCreated', 1)).toBe('1 tid skapades.');
    expect(plural('en', 'schedule.slotsCreated', 1)).toBe('1 time was created.');
    expect(parseSlotsCreated({ slots_created: -1 })).toBe(0);
    expect(parseSlotsCreated(null)).toBe(0);
  });
});

describe('times of day', () => {
  it('writes minutes of the day as the calendar writes times', () => {
    expect(formatMinuteOfDay(480, 'sv')).toBe('08.00');
    expect(formatMinuteOfDay(13 * 60 + 5, 'en')).toBe('13:05');
    expect(formatMinuteOfDay(1440, 'sv')).toBe('24.00');
  });
  it('reads typed times', () => {
    expect(parseTimeOfDay('08:00')).toBe(480);
    expect(parseTimeOfDay(' 8.30 ')).toBe(510);
    expect(parseTimeOfDay('24:00')).toBe(1440);
    expect(parseTimeOfDay('24:01')).toBeNull();
    expect(parseTimeOfDay('12:60')).toBeNull();
    expect(parseTimeOfDay('0800')).toBeNull();
    expect(parseTimeOfDay('')).toBeNull();
  });
  it('names the weekdays, Monday first', () => {
    expect(translate('sv', weekdayKey(1))).toBe('Måndag');
    expect(translate('sv', weekdayKey(7))).toBe('Söndag');
    expect(translate('en', weekdayKey(6))).toBe('Saturday');
  });
});

describe('lists', () => {
  it('orders opening hours by person, weekday and start', () => {
    const base = { typeId: 't', endMinute: 720, validFrom: '2026-01-01', validTo: null };
    const sorted = sortOpeningHours(
      [
        { ...base, id: 'a', staffId: 's-201', weekday: 3, startMinute: 480 },
        { ...base, id: 'b', staffId: 's-202', weekday: 1, startMinute: 480 },
        { ...base, id: 'c', staffId: 's-201', weekday: 1, startMinute: 600 },
        { ...base, id: 'd', staffId: 's-201', weekday: 1, startMinute: 480 },
      ],
      staff,
    );
    // Anna before Karin, then Monday before Wednesday, then the earlier start.
    expect(sorted.map((h) => h.id)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('lets the unit manager schedule anyone, others only themselves', () => {
    expect(schedulableStaff(staff, 's-201', true)).toHaveLength(2);
    expect(schedulableStaff(staff, 's-201', false)).toEqual([staff[0]]);
    expect(schedulableStaff(staff, 's-999', false)).toEqual([]);
  });

  it('gives an absence’s first and last Stockholm day (its end is exclusive)', () => {
    expect(absenceDays({ staff: { id: 's', name: 'S' }, from: '2026-12-04T23:00:00Z', to: '2026-12-06T23:00:00Z' })).toEqual({
      first: '2026-12-05',
      last: '2026-12-06',
    });
    // Across the change to summer time: 29 March 2026 is 23 hours long.
    expect(absenceDays({ staff: { id: 's', name: 'S' }, from: '2026-03-28T23:00:00Z', to: '2026-03-29T22:00:00Z' })).toEqual({
      first: '2026-03-29',
      last: '2026-03-29',
    });
  });
});

describe('addresses', () => {
  it('never carries a personnummer', () => {
    expect(patientLookupUrl('u 1')).toBe('/api/v1/units/u%201/patient-lookup');
    expect(unitStaffUrl('u')).toBe('/api/v1/units/u/staff');
    expect(openingHoursUrl('u')).toBe('/api/v1/units/u/opening-hours');
    expect(unitAbsencesUrl('u')).toBe('/api/v1/units/u/absences');
  });
  it('links the schedule page of a unit', () => {
    expect(scheduleHref('u 1')).toBe('/personal/schema?enhet=u+1');
  });
});
