import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { translate } from '../i18n';
import { assuranceKey, fullName, groupAssignments, homePath, mayAdminister, parseMe, roleKey, type Me } from './me';

const sara = {
  person: { id: 'p-103', kind: 'patient', given_name: 'Sara', family_name: 'Lindqvist' },
  assurance: 'demo',
  csrf_token: 'csrf-abc',
  acting_for: null,
  may_act_for: [{ id: 'p-101', given_name: 'Ella', family_name: 'Lindqvist', birth_date: '2016-05-14', until: '2029-05-13' }],
  assignments: [],
  session: { expires_at: '2026-11-23T12:00:00Z', idle_timeout_seconds: 1800 },
};

describe('parseMe', () => {
  it('maps the API fields', () => {
    expect(parseMe(sara)).toEqual({
      person: { id: 'p-103', kind: 'patient', givenName: 'Sara', familyName: 'Lindqvist' },
      assurance: 'demo',
      csrfToken: 'csrf-abc',
      actingFor: null,
      mayActFor: [{ id: 'p-101', givenName: 'Ella', familyName: 'Lindqvist', birthDate: '2016-05-14', until: '2029-05-13' }],
      assignments: [],
      passwordResetRegistered: null,
      session: { expiresAt: '2026-11-23T12:00:00Z', idleTimeoutSeconds: 1800 },
    });
  });

  it('reads whom a guardian acts for', () => {
    const me = parseMe({ ...sara, acting_for: { id: 'p-101', given_name: 'Ella', family_name: 'Lindqvist', birth_date: '2016-05-14' } });
    expect(me.actingFor).toEqual({ id: 'p-101', givenName: 'Ella', familyName: 'Lindqvist', birthDate: '2016-05-14' });
  });

  it('reads staff assignments, a region-wide one included', () => {
    const me = parseMe({
      ...sara,
      person: { id: 's-1', kind: 'staff', given_name: 'Olof', family_name: 'Strand' },
      may_act_for: [],
      assignments: [
        { care_unit_id: 'u-11', care_unit_name: 'Vårdcentralen Björkdalen', role: 'doctor' },
        { care_unit_id: null, care_unit_name: null, role: 'region_admin' },
        { role: 42 },
      ],
    });
    expect(me.assignments).toEqual([
      { careUnitId: 'u-11', careUnitName: 'Vårdcentralen Björkdalen', role: 'doctor' },
      { careUnitId: null, careUnitName: null, role: 'region_admin' },
    ]);
  });

  it('fills in what is missing and drops proxies without a last day', () => {
    const me = parseMe({
      person: { id: 'p', kind: 'patient' },
      csrf_token: 't',
      may_act_for: [{ id: 'c', until: 'soon' }, null],
      session: { idle_timeout_seconds: -5 },
    });
    expect(me).toEqual({
      person: { id: 'p', kind: 'patient', givenName: '', familyName: '' },
      assurance: 'unknown',
      csrfToken: 't',
      actingFor: null,
      mayActFor: [],
      assignments: [],
      passwordResetRegistered: null,
      session: { expiresAt: null, idleTimeoutSeconds: null },
    });
  });

  it('rejects an answer it cannot act on', () => {
    expect(() => parseMe(null)).toThrow(ApiError);
    expect(() => parseMe({ ...sara, csrf_token: '' })).toThrow(ApiError);
    expect(() => parseMe({ ...sara, person: { ...sara.person, kind: 'robot' } })).toThrow(ApiError);
    expect(() => parseMe({ ...sara, person: { kind: 'patient' } })).toThrow(ApiError);
  });
});

describe('me labels', () => {
  it('names the person', () => {
    expect(fullName({ givenName: 'Ella', familyName: 'Lindqvist' })).toBe('Ella Lindqvist');
    expect(fullName({ givenName: '', familyName: 'Lindqvist' })).toBe('Lindqvist');
  });

  it('sends patients and staff to their own pages', () => {
    expect(homePath('patient')).toBe('/patient');
    expect(homePath('staff')).toBe('/personal');
  });

  it('describes the assurance level in words', () => {
    expect(translate('sv', assuranceKey('demo'))).toBe('Demo-inloggning (fiktiv person)');
    expect(translate('sv', assuranceKey('substantial'))).toBe('E-legitimation (tillitsnivå 3)');
    expect(translate('sv', assuranceKey('staff_verified'))).toBe('Identitet kontrollerad av personal');
    expect(translate('en', assuranceKey('substantial'))).toBe('E-ID (assurance level 3)');
    expect(translate('sv', assuranceKey('password_totp'))).toBe('Lösenord och engångskod');
    expect(assuranceKey('low')).toBe('assurance.unknown');
  });

  it('names every role in Swedish and English', () => {
    expect(translate('sv', roleKey('doctor'))).toBe('Läkare');
    expect(translate('sv', roleKey('clinician'))).toBe('Sjuksköterska/annan vårdpersonal');
    expect(translate('sv', roleKey('unit_manager'))).toBe('Enhetschef');
    expect(translate('sv', roleKey('eservice_admin'))).toBe('E-tjänsteadministratör');
    expect(translate('sv', roleKey('region_admin'))).toBe('Regional administratör');
    expect(translate('en', roleKey('doctor'))).toBe('Doctor');
    expect(roleKey('janitor')).toBe('role.other');
  });

  it('groups roles per care unit', () => {
    expect(
      groupAssignments([
        { careUnitId: 'u1', careUnitName: 'Björkdalen', role: 'clinician' },
        { careUnitId: null, careUnitName: null, role: 'region_admin' },
        { careUnitId: 'u1', careUnitName: 'Björkdalen', role: 'eservice_admin' },
        { careUnitId: 'u1', careUnitName: 'Björkdalen', role: 'clinician' },
      ]),
    ).toEqual([
      { careUnitId: 'u1', careUnitName: 'Björkdalen', roles: ['clinician', 'eservice_admin'] },
      { careUnitId: null, careUnitName: null, roles: ['region_admin'] },
    ]);
  });

  it('lets only staff with an administrator role into administration', () => {
    const staff = (role: string): Me => parseMe({
      person: { id: 's', kind: 'staff' },
      csrf_token: 't',
      assignments: [{ care_unit_id: 'u', care_unit_name: 'U', role }],
    });
    expect(mayAdminister(staff('region_admin'))).toBe(true);
    expect(mayAdminister(staff('eservice_admin'))).toBe(true);
    expect(mayAdminister(staff('doctor'))).toBe(false);
    expect(mayAdminister(parseMe(sara))).toBe(false);
    expect(mayAdminister(null)).toBe(false);
  });
});

describe('password reset flag', () => {
  it('reads password_reset_registered for staff', () => {
    const me = parseMe({ person: { id: 's', kind: 'staff' }, csrf_token: 't', password_reset_registered: false });
    expect(me.passwordResetRegistered).toBe(false);
  });
});
