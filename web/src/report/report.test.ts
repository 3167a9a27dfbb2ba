import { describe, expect, it } from 'vitest';
import { administrations, formatHours, parseReport, periodError, reportUrl, shareInTime, totals } from './report';

const json = {
  from: '2026-10-31T23:00:00.000Z',
  to: '2026-11-23T23:00:00.000Z',
  items: [
    {
      clinic: { id: 'u-11', name: 'Vårdcentralen Björkdalen' },
      administration: { id: 'a-2', name: 'Hälso- och sjukvårdsförvaltningen' },
      published: true,
      offers_eservices: true,
      basic_offered: ['book_appointment', 'send_message'],
      basic_not_applicable: ['self_referral'],
      basic_missing_without_reason: [],
      others_offered: ['advice'],
      cases: 9,
      clocks: 4,
      answered_in_time: 3,
      median_answer_working_hours: 2.5,
      services: [
        { code: 'send_message', name_sv: 'Skicka meddelande', name_en: 'Send a message', category: 'basic', status: 'on', reason: '', cases: 9, clocks: 4, answered_in_time: 3, median_answer_working_hours: 2.5 },
        { code: 'self_referral', name_sv: 'Egenremiss', name_en: 'Self-referral', category: 'basic', status: 'not_applicable', reason: 'Ingen remiss', cases: 0, clocks: 0, answered_in_time: 0, median_answer_working_hours: null },
      ],
    },
    {
      clinic: { id: 'u-13', name: 'Ekbacken' },
      administration: { id: 'a-2', name: 'Hälso- och sjukvårdsförvaltningen' },
      published: false,
      offers_eservices: false,
      basic_offered: [],
      basic_not_applicable: [],
      basic_missing_without_reason: ['book_appointment'],
      others_offered: [],
      cases: 0,
      clocks: 1,
      answered_in_time: 0,
      median_answer_working_hours: null,
      services: [],
    },
    { no: 'clinic' },
  ],
};

describe('the follow-up report', () => {
  it('reads clinics and services', () => {
    const r = parseReport(json);
    expect(r.items).toHaveLength(2);
    const b = r.items[0]!;
    expect(b.clinic.name).toBe('Vårdcentralen Björkdalen');
    expect(b.basicNotApplicable).toEqual(['self_referral']);
    expect(b.services[0]).toMatchObject({ code: 'send_message', cases: 9, answeredInTime: 3, medianHours: 2.5, reason: null });
    expect(b.services[1]!.reason).toBe('Ingen remiss');
    expect(r.items[1]!.medianHours).toBeNull();
    expect(() => parseReport({})).toThrow();
  });

  it('computes shares in whole per cent, none without clocks', () => {
    expect(shareInTime(3, 4)).toBe(75);
    expect(shareInTime(2, 3)).toBe(67);
    expect(shareInTime(0, 1)).toBe(0);
    expect(shareInTime(0, 0)).toBeNull();
    expect(shareInTime(5, 4)).toBe(100);
  });

  it('sums the clinics shown', () => {
    expect(totals(parseReport(json).items)).toEqual({ clinics: 2, offering: 1, cases: 9, clocks: 5, answeredInTime: 3, share: 60 });
    expect(totals([])).toEqual({ clinics: 0, offering: 0, cases: 0, clocks: 0, answeredInTime: 0, share: null });
  });

  it('writes hours with one decimal in each language', () => {
    expect(formatHours(2.5, 'sv')).toBe('2,5');
    expect(formatHours(2.5, 'en')).toBe('2.5');
    expect(formatHours(0, 'sv')).toBe('0,0');
    expect(formatHours(null, 'sv')).toBe('–');
  });

  it('includes the last day of the period and asks for CSV when told', () => {
    const f = { careUnitId: 'u-11', administrationId: '', from: '2026-11-01', to: '2026-11-30' };
    expect(reportUrl(f)).toBe('/api/v1/reports/eservices?care_unit_id=u-11&from=2026-11-01&to=2026-12-01');
    expect(reportUrl({ ...f, to: '2026-12-31' }, 'csv')).toBe('/api/v1/reports/eservices?care_unit_id=u-11&from=2026-11-01&to=2027-01-01&format=csv');
    expect(reportUrl({ careUnitId: '', administrationId: 'a 2', from: '', to: '' })).toBe('/api/v1/reports/eservices?administration_id=a+2');
  });

  it('checks the period', () => {
    expect(periodError('2026-11-01', '2026-11-30')).toBeNull();
    expect(periodError('2026-11-01', '2026-11-01')).toBeNull();
    expect(periodError('2026-12-01', '2026-11-30')).toBe('order');
    expect(periodError('', '2026-11-30')).toBe('missing');
  });

  it('lists each administration once', () => {
    expect(
      administrations([
        { administration: { id: 'b', name: 'Vård- och omsorgsförvaltningen' } },
        { administration: { id: 'a', name: 'Hälso- och sjukvårdsförvaltningen' } },
        { administration: { id: 'b', name: 'Vård- och omsorgsförvaltningen' } },
        { administration: null },
      ]),
    ).toEqual([
      { id: 'a', name: 'Hälso- och sjukvårdsförvaltningen' },
      { id: 'b', name: 'Vård- och omsorgsförvaltningen' },
    ]);
  });
});
