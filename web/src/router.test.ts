import { describe, expect, it } from 'vitest';
import { isAppHref, isPlainClick, loginHref, matchRoute, normalizePath, paths, safeReturnTo, sectionOf } from './router';

const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };

describe('router', () => {
  it('matches every fixed page', () => {
    expect(matchRoute('/')).toEqual({ name: 'start' });
    expect(matchRoute('/mottagningar')).toEqual({ name: 'directory' });
    expect(matchRoute('/patient')).toEqual({ name: 'patient' });
    expect(matchRoute('/patient/logg')).toEqual({ name: 'patientLog' });
    expect(matchRoute('/personal/granskning/')).toEqual({ name: 'audit' });
    expect(matchRoute('/personal')).toEqual({ name: 'staff' });
    expect(matchRoute('/admin')).toEqual({ name: 'admin' });
    expect(matchRoute('/tillganglighet')).toEqual({ name: 'accessibility' });
  });

  it('matches the meeting pages, the guest link before a meeting id', () => {
    expect(matchRoute('/mote/gast')).toEqual({ name: 'meetingGuest' });
    expect(matchRoute(paths.meetingGuest)).toEqual({ name: 'meetingGuest' });
    expect(matchRoute('/mote/0190a-1')).toEqual({ name: 'meeting', id: '0190a-1' });
    expect(matchRoute(paths.meeting('m 1'))).toEqual({ name: 'meeting', id: 'm 1' });
    expect(matchRoute('/mote')).toEqual({ name: 'notFound' });
    expect(matchRoute('/mote/a/b')).toEqual({ name: 'notFound' });
    expect(sectionOf({ name: 'meeting', id: 'm' })).toBeNull();
  });

  it('ignores trailing slashes', () => {
    expect(normalizePath('/mottagningar/')).toBe('/mottagningar');
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('')).toBe('/');
    expect(matchRoute('/admin/')).toEqual({ name: 'admin' });
  });

  it('reads the clinic id and decodes it', () => {
    expect(matchRoute('/mottagningar/0190a1b2-7c3d')).toEqual({ name: 'clinic', id: '0190a1b2-7c3d' });
    expect(matchRoute(paths.clinic('a b/c'))).toEqual({ name: 'clinic', id: 'a b/c' });
  });

  it('matches the e-service pages of patients and staff', () => {
    expect(matchRoute('/patient/arenden')).toEqual({ name: 'patientCases' });
    expect(matchRoute('/patient/arenden/ny')).toEqual({ name: 'newCase' });
    expect(matchRoute('/patient/arenden/ny/')).toEqual({ name: 'newCase' });
    expect(matchRoute('/patient/arenden/01a2-3b')).toEqual({ name: 'patientCase', id: '01a2-3b' });
    expect(matchRoute(paths.patientCase('a/b'))).toEqual({ name: 'patientCase', id: 'a/b' });
    expect(matchRoute('/personal/inkorg')).toEqual({ name: 'inbox' });
    expect(matchRoute('/personal/arenden/c-1')).toEqual({ name: 'staffCase', id: 'c-1' });
    expect(matchRoute('/patient/tider')).toEqual({ name: 'appointments' });
    expect(matchRoute('/patient/tider/boka')).toEqual({ name: 'bookAppointment' });
    expect(paths.bookAppointment('u 1')).toBe('/patient/tider/boka?mottagning=u+1');
    expect(matchRoute('/personal/kalender/')).toEqual({ name: 'calendar' });
    expect(sectionOf({ name: 'appointments' })).toBe('patient');
    expect(sectionOf({ name: 'calendar' })).toBe('staff');
    expect(matchRoute('/personal/schema')).toEqual({ name: 'schedule' });
    expect(matchRoute(paths.schedule)).toEqual({ name: 'schedule' });
    expect(sectionOf({ name: 'schedule' })).toBe('staff');
    expect(matchRoute(paths.staffCase('c 2'))).toEqual({ name: 'staffCase', id: 'c 2' });
    expect(matchRoute('/personal/odokumenterade')).toEqual({ name: 'undocumented' });
    expect(matchRoute('/personal/e-tjanster')).toEqual({ name: 'catalogue' });
    expect(matchRoute('/personal/uppfoljning/')).toEqual({ name: 'report' });
    expect(matchRoute('/patient/aviseringar')).toEqual({ name: 'patientNotifications' });
    expect(matchRoute('/personal/aviseringar/')).toEqual({ name: 'staffNotifications' });
    expect(matchRoute(paths.outbox)).toEqual({ name: 'outbox' });
    expect(sectionOf({ name: 'patientNotifications' })).toBe('patient');
    expect(sectionOf({ name: 'staffNotifications' })).toBe('staff');
    expect(sectionOf({ name: 'outbox' })).toBe('staff');
    expect(matchRoute('/personal/arenden')).toEqual({ name: 'notFound' });
    expect(matchRoute('/personal/arenden/a/b')).toEqual({ name: 'notFound' });
    expect(matchRoute('/patient/arenden/%E0%A4%A')).toEqual({ name: 'notFound' });
    expect(matchRoute('/patient/arenden/%20')).toEqual({ name: 'notFound' });
  });

  it('links to a new case with the clinic and the service in the query', () => {
    expect(paths.newCase('u-11', 'send_message')).toBe('/patient/arenden/ny?mottagning=u-11&tjanst=send_message');
    expect(paths.newCase('a&b', 'x y')).toBe('/patient/arenden/ny?mottagning=a%26b&tjanst=x+y');
    expect(matchRoute(paths.newCase('u', 's').split('?')[0]!)).toEqual({ name: 'newCase' });
  });

  it('treats unknown and malformed paths as not found', () => {
    expect(matchRoute('/finns-inte')).toEqual({ name: 'notFound' });
    expect(matchRoute('/mottagningar/a/b')).toEqual({ name: 'notFound' });
    expect(matchRoute('/mottagningar/%E0%A4%A')).toEqual({ name: 'notFound' });
    expect(matchRoute('/mottagningar/%20')).toEqual({ name: 'notFound' });
  });

  it('maps routes to the navigation section they belong to', () => {
    expect(sectionOf({ name: 'clinic', id: 'x' })).toBe('directory');
    expect(sectionOf({ name: 'directory' })).toBe('directory');
    expect(sectionOf({ name: 'staff' })).toBe('staff');
    expect(sectionOf({ name: 'audit' })).toBe('staff');
    expect(sectionOf({ name: 'patientLog' })).toBe('patient');
    expect(sectionOf({ name: 'patientCases' })).toBe('patient');
    expect(sectionOf({ name: 'newCase' })).toBe('patient');
    expect(sectionOf({ name: 'patientCase', id: 'x' })).toBe('patient');
    for (const name of ['inbox', 'undocumented', 'catalogue', 'report'] as const) expect(sectionOf({ name })).toBe('staff');
    expect(sectionOf({ name: 'staffCase', id: 'x' })).toBe('staff');
    expect(sectionOf({ name: 'start' })).toBeNull();
    expect(sectionOf({ name: 'accessibility' })).toBeNull();
  });

  it('leaves modified clicks to the browser', () => {
    expect(isPlainClick(click)).toBe(true);
    expect(isPlainClick({ ...click, ctrlKey: true })).toBe(false);
    expect(isPlainClick({ ...click, metaKey: true })).toBe(false);
    expect(isPlainClick({ ...click, button: 1 })).toBe(false);
    expect(isPlainClick({ ...click, defaultPrevented: true })).toBe(false);
  });

  it('only routes app paths on the client', () => {
    expect(isAppHref('/mottagningar')).toBe(true);
    expect(isAppHref('//evil.example/')).toBe(false);
    expect(isAppHref('/api/v1/clinics')).toBe(false);
    expect(isAppHref('https://www.digg.se/')).toBe(false);
    expect(isAppHref('mailto:a@example.se')).toBe(false);
  });

  it('has a log-in page that belongs to no menu section', () => {
    expect(matchRoute('/logga-in')).toEqual({ name: 'login' });
    expect(matchRoute('/logga-in/')).toEqual({ name: 'login' });
    expect(sectionOf({ name: 'login' })).toBeNull();
  });

  it('links to the log-in page with a page to come back to', () => {
    expect(loginHref()).toBe('/logga-in');
    expect(loginHref('/admin')).toBe('/logga-in?return_to=%2Fadmin');
  });

  it('accepts only same-origin app paths as return_to', () => {
    expect(safeReturnTo('/admin')).toBe('/admin');
    expect(safeReturnTo('/mottagningar?q=Ekbacken')).toBe('/mottagningar?q=Ekbacken');
    expect(safeReturnTo('/mottagningar/a%2Fb')).toBe('/mottagningar/a%2Fb');
    expect(safeReturnTo('/a/../patient')).toBe('/patient');
    for (const bad of [
      '',
      'admin',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '/\tevil',
      '/\nevil',
      'javascript:alert(1)',
      '/api/v1/auth/logout',
      '/logga-in',
      '/logga-in/?return_to=/x',
      '/' + 'x'.repeat(1000),
    ]) {
      expect(safeReturnTo(bad), bad).toBeNull();
    }
  });
});
