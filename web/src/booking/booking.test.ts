import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import {
  addDays,
  bookingErrorKey,
  calendarIcsUrl,
  dayToShow,
  groupByDay,
  isDate,
  needsSuitability,
  parseAppointment,
  parseAppointments,
  parseSlots,
  parseTypes,
  patientActions,
  slotsUrl,
  sortAppointments,
  staffMarks,
  unitAppointmentsUrl,
  type Appointment,
} from './booking';

const raw = {
  id: 'a-1',
  status: 'booked',
  clinic: { id: 'u-1', name: 'Vårdcentralen Björkdalen' },
  practitioner: { id: 's-1', name: 'Karin Ekström' },
  patient: { id: 'p-1', name: 'Erik Sandberg' },
  type: { id: 't-1', name_sv: 'Läkarbesök', name_en: 'Doctor visit' },
  channel: 'in_person',
  profession: 'doctor',
  start: '2026-11-25T07:00:00Z',
  end: '2026-11-25T07:20:00Z',
  source: 'patient',
  case_id: null,
  suitability: null,
  sequence: 0,
  created_at: '2026-11-23T08:00:00Z',
  updated_at: '2026-11-23T08:00:00Z',
};

const appt = (over: Partial<Appointment> = {}): Appointment => ({ ...parseAppointment(raw), ...over });

describe('parsing', () => {
  it('reads an appointment', () => {
    const a = parseAppointment(raw);
    expect(a.type).toEqual({ id: 't-1', nameSv: 'Läkarbesök', nameEn: 'Doctor visit' });
    expect(a.status).toBe('booked');
    expect(a.caseId).toBeNull();
  });
  it('refuses what is not an appointment, and skips broken rows in a list', () => {
    expect(() => parseAppointment({})).toThrow(ApiError);
    expect(parseAppointments({ items: [raw, { id: 3 }] })).toHaveLength(1);
    expect(() => parseAppointments([])).toThrow(ApiError);
  });
  it('reads slots and types', () => {
    const slots = parseSlots({
      items: [
        { id: 's1', care_unit_id: 'u', practitioner: { id: 'k', name: 'K' }, appointment_type_id: 't', start: '2026-11-25T07:00:00Z', end: '2026-11-25T07:20:00Z', status: 'free' },
        { id: 's2', start: '2026-11-25T07:20:00Z', end: '2026-11-25T07:40:00Z', status: 'busy' },
        { nothing: true },
      ],
    });
    expect(slots.map((s) => [s.id, s.free])).toEqual([
      ['s1', true],
      ['s2', false],
    ]);
    const types = parseTypes({ items: [{ id: 't', name_sv: 'Video', minutes: 20, channel: 'video', self_bookable: false }, { id: 'x', channel: 'fax' }] });
    expect(types[0]).toMatchObject({ nameEn: 'Video', channel: 'video', selfBookable: false });
    expect(types[1]!.channel).toBe('in_person');
    expect(parseTypes({ items: [{ id: 't', profession: 'doctor' }, { id: 'u', profession: 'vet' }] }).map((x) => x.profession)).toEqual(['doctor', 'other']);
  });
});

describe('groupByDay', () => {
  it('groups per Stockholm day, in order, across midnight UTC', () => {
    const groups = groupByDay([
      { start: '2026-11-25T08:00:00Z' },
      { start: '2026-11-24T23:30:00Z' }, // 00.30 on the 25th in Stockholm
      { start: '2026-11-24T22:30:00Z' }, // 23.30 on the 24th
      { start: 'nonsense' },
    ]);
    expect(groups.map((g) => [g.day, g.items.map((i) => i.start)])).toEqual([
      ['2026-11-24', ['2026-11-24T22:30:00Z']],
      ['2026-11-25', ['2026-11-24T23:30:00Z', '2026-11-25T08:00:00Z']],
    ]);
  });
  it('gives nothing for nothing', () => {
    expect(groupByDay([])).toEqual([]);
  });
});

describe('what may be done', () => {
  it('lets the patient cancel and rebook until 24 hours before', () => {
    const a = appt();
    expect(patientActions(a, new Date('2026-11-24T07:00:00Z'))).toEqual({ cancel: true, rebook: true, tooLate: false });
    expect(patientActions(a, new Date('2026-11-24T07:00:01Z'))).toEqual({ cancel: false, rebook: false, tooLate: true });
    expect(patientActions(a, new Date('2026-11-25T07:00:00Z'))).toEqual({ cancel: false, rebook: false, tooLate: false });
    expect(patientActions(appt({ status: 'cancelled' }), new Date('2026-11-20T07:00:00Z')).cancel).toBe(false);
  });
  it('gives staff arrived from an hour before, no-show once started, done while booked or arrived', () => {
    const a = appt();
    expect(staffMarks(a, new Date('2026-11-25T05:59:59Z'))).toEqual(['fulfilled']);
    expect(staffMarks(a, new Date('2026-11-25T06:00:00Z'))).toEqual(['arrived', 'fulfilled']);
    expect(staffMarks(a, new Date('2026-11-25T07:00:00Z'))).toEqual(['arrived', 'noshow', 'fulfilled']);
    expect(staffMarks(appt({ status: 'arrived' }), new Date('2026-11-25T07:05:00Z'))).toEqual(['fulfilled']);
    expect(staffMarks(appt({ status: 'cancelled' }), new Date('2026-11-25T07:05:00Z'))).toEqual([]);
    expect(staffMarks(appt({ status: 'fulfilled' }), new Date('2026-11-25T07:05:00Z'))).toEqual([]);
  });
  it('asks suitability for video and phone only', () => {
    expect(needsSuitability('video')).toBe(true);
    expect(needsSuitability('phone')).toBe(true);
    expect(needsSuitability('in_person')).toBe(false);
  });
  it('puts upcoming booked first, soonest first, then the rest latest first', () => {
    const now = new Date('2026-11-23T08:00:00Z');
    const list = [
      appt({ id: 'late', start: '2026-12-01T08:00:00Z', end: '2026-12-01T08:20:00Z' }),
      appt({ id: 'past', start: '2026-11-01T08:00:00Z', end: '2026-11-01T08:20:00Z', status: 'fulfilled' }),
      appt({ id: 'cancelled', start: '2026-11-30T08:00:00Z', end: '2026-11-30T08:20:00Z', status: 'cancelled' }),
      appt({ id: 'soon', start: '2026-11-24T08:00:00Z', end: '2026-11-24T08:20:00Z' }),
    ];
    expect(sortAppointments(list, now).map((a) => a.id)).toEqual(['soon', 'late', 'cancelled', 'past']);
  });
});

describe('bookingErrorKey', () => {
  const http = (status: number, code: string, field?: string) =>
    new ApiError('http', status, 'Konflikt', {
      title: 'Konflikt',
      status,
      ...(code ? { code } : {}),
      ...(field ? { errors: [{ field, message: 'x' }] } : {}),
    });
  it('maps the server’s refusals to plain words by their stable code', () => {
    expect(bookingErrorKey(http(409, 'slot_taken'), 'book')).toBe('booking.error.taken');
    expect(bookingErrorKey(http(409, 'too_late_to_cancel'), 'cancel')).toBe('booking.error.tooLate');
    expect(bookingErrorKey(http(409, 'too_late_to_cancel'), 'rebook')).toBe('booking.error.tooLate');
    expect(bookingErrorKey(http(409, 'maturity_required'), 'book')).toBe('booking.error.maturity');
    expect(bookingErrorKey(http(409, 'slot_in_past'), 'book')).toBe('booking.error.passed');
    expect(bookingErrorKey(http(409, 'not_started'), 'mark')).toBe('booking.error.notNow');
    expect(bookingErrorKey(http(409, 'not_booked'), 'cancel')).toBe('booking.error.notBooked');
    expect(bookingErrorKey(http(422, 'suitability_required', '/suitability_confirmed'), 'book')).toBe('booking.error.suitability');
    expect(bookingErrorKey(http(422, '', '/slot_id'), 'book')).toBe('booking.error.invalid');
    expect(bookingErrorKey(http(404, 'slot_not_found'), 'book')).toBe('booking.error.taken');
    expect(bookingErrorKey(http(404, 'appointment_not_found'), 'cancel')).toBe('booking.error.notFound');
    expect(bookingErrorKey(http(403, 'not_allowed'), 'book')).toBe('booking.error.forbidden');
    expect(bookingErrorKey(http(500, ''), 'book')).toBe('booking.error.other');
    expect(bookingErrorKey(new ApiError('network', 0, 'down'), 'book')).toBe('booking.error.network');
    expect(bookingErrorKey(new Error('x'), 'book')).toBe('booking.error.network');
  });
  it('tells the patient look-up’s refusals apart', () => {
    expect(bookingErrorKey(http(404, 'patient_not_found'), 'lookup')).toBe('booking.error.patientNotFound');
    expect(bookingErrorKey(http(422, 'bad_personal_id', '/personal_id'), 'lookup')).toBe('booking.error.badPersonalId');
    expect(bookingErrorKey(http(422, '', '/personal_id'), 'lookup')).toBe('booking.error.badPersonalId');
    expect(bookingErrorKey(http(403, 'not_allowed'), 'lookup')).toBe('booking.error.lookupForbidden');
  });
  it('says who may schedule what', () => {
    expect(bookingErrorKey(http(403, 'not_allowed'), 'addType')).toBe('schedule.error.typeForbidden');
    expect(bookingErrorKey(http(403, 'not_allowed'), 'addHours')).toBe('schedule.error.othersForbidden');
    expect(bookingErrorKey(http(403, 'not_allowed'), 'addAbsence')).toBe('schedule.error.othersForbidden');
    expect(bookingErrorKey(http(422, 'self_booking_in_person', '/self_bookable'), 'addType')).toBe('schedule.error.selfBookable');
    expect(bookingErrorKey(http(422, 'bad_hours', '/'), 'addType')).toBe('schedule.error.minutes');
    expect(bookingErrorKey(http(422, 'bad_hours', '/'), 'addHours')).toBe('schedule.error.badHours');
    expect(bookingErrorKey(http(422, 'type_not_found', '/appointment_type_id'), 'addHours')).toBe('schedule.error.typeNotFound');
    expect(bookingErrorKey(http(422, '', '/minutes'), 'addType')).toBe('schedule.error.invalid');
  });
});

describe('dayToShow', () => {
  it('moves the calendar to the day booked, unless it is shown', () => {
    // 00.30 on 26 November in Stockholm.
    expect(dayToShow('2026-11-25T23:30:00Z', '2026-11-25', 1)).toBe('2026-11-26');
    expect(dayToShow('2026-11-25T23:30:00Z', '2026-11-26', 1)).toBeNull();
    expect(dayToShow('2026-11-28T08:00:00Z', '2026-11-23', 7)).toBeNull();
    expect(dayToShow('2026-11-30T08:00:00Z', '2026-11-23', 7)).toBe('2026-11-30');
    expect(dayToShow('2026-11-20T08:00:00Z', '2026-11-23', 7)).toBe('2026-11-20');
    expect(dayToShow('nonsense', '2026-11-23', 1)).toBeNull();
  });
});

describe('addresses and dates', () => {
  it('builds the API addresses', () => {
    expect(slotsUrl('u 1', { from: '2026-11-25', to: '2026-11-27', typeId: 't', limit: 500 })).toBe(
      '/api/v1/units/u%201/slots?from=2026-11-25&to=2026-11-27&appointment_type_id=t&limit=500',
    );
    expect(slotsUrl('u', { from: 'a', to: 'b' })).toBe('/api/v1/units/u/slots?from=a&to=b');
    expect(unitAppointmentsUrl('u', '2026-11-25T23:00:00Z', 'x')).toBe('/api/v1/units/u/appointments?from=2026-11-25T23%3A00%3A00Z&to=x');
    expect(calendarIcsUrl('a/1')).toBe('/api/v1/appointments/a%2F1/calendar.ics');
  });
  it('adds days and checks dates', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('20261101')).toBe(false);
  });
});
