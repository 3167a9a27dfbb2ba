// Client routes. Pure: no DOM, no history — the store and the Link component
// do the navigating; this only says which page a path is.

export type Route =
  | { name: 'start' }
  | { name: 'directory' }
  | { name: 'clinic'; id: string }
  | { name: 'patient' }
  | { name: 'patientLog' }
  | { name: 'patientCases' }
  | { name: 'newCase' }
  | { name: 'patientCase'; id: string }
  | { name: 'appointments' }
  | { name: 'bookAppointment' }
  | { name: 'patientNotifications' }
  | { name: 'calendar' }
  | { name: 'schedule' }
  | { name: 'inbox' }
  | { name: 'staffCase'; id: string }
  | { name: 'undocumented' }
  | { name: 'catalogue' }
  | { name: 'report' }
  | { name: 'audit' }
  | { name: 'staffNotifications' }
  | { name: 'outbox' }
  | { name: 'meeting'; id: string }
  | { name: 'meetingGuest' }
  | { name: 'staff' }
  | { name: 'admin' }
  | { name: 'login' }
  | { name: 'accessibility' }
  | { name: 'notFound' };

export type Section = 'directory' | 'patient' | 'staff' | 'admin';

export const NEW_CASE_CLINIC_PARAM = 'mottagning';
export const NEW_CASE_SERVICE_PARAM = 'tjanst';

export const paths = {
  start: '/',
  directory: '/mottagningar',
  clinic: (id: string) => `/mottagningar/${encodeURIComponent(id)}`,
  patient: '/patient',
  patientLog: '/patient/logg',
  patientCases: '/patient/arenden',
  /** The form of one e-service of one clinic (the query names both). */
  newCase: (clinicId: string, serviceCode: string) =>
    `/patient/arenden/ny?${new URLSearchParams({ [NEW_CASE_CLINIC_PARAM]: clinicId, [NEW_CASE_SERVICE_PARAM]: serviceCode }).toString()}`,
  patientCase: (id: string) => `/patient/arenden/${encodeURIComponent(id)}`,
  appointments: '/patient/tider',
  /** Booking a free time at one clinic. */
  bookAppointment: (clinicId: string) => `/patient/tider/boka?${new URLSearchParams({ [NEW_CASE_CLINIC_PARAM]: clinicId }).toString()}`,
  patientNotifications: '/patient/aviseringar',
  calendar: '/personal/kalender',
  schedule: '/personal/schema',
  inbox: '/personal/inkorg',
  staffCase: (id: string) => `/personal/arenden/${encodeURIComponent(id)}`,
  undocumented: '/personal/odokumenterade',
  catalogue: '/personal/e-tjanster',
  report: '/personal/uppfoljning',
  audit: '/personal/granskning',
  staffNotifications: '/personal/aviseringar',
  outbox: '/personal/utskick',
  /** A video meeting (patients, guardians, staff, and guests once their link is used). */
  meeting: (id: string) => `/mote/${encodeURIComponent(id)}`,
  /** Where a guest's link leads; the link's token is in the fragment. */
  meetingGuest: '/mote/gast',
  staff: '/personal',
  admin: '/admin',
  login: '/logga-in',
  accessibility: '/tillganglighet',
} as const;

const fixed: Record<string, Route> = {
  '/': { name: 'start' },
  '/mottagningar': { name: 'directory' },
  '/patient': { name: 'patient' },
  '/patient/logg': { name: 'patientLog' },
  '/patient/arenden': { name: 'patientCases' },
  '/patient/arenden/ny': { name: 'newCase' },
  '/patient/tider': { name: 'appointments' },
  '/patient/tider/boka': { name: 'bookAppointment' },
  '/patient/aviseringar': { name: 'patientNotifications' },
  '/personal/kalender': { name: 'calendar' },
  '/personal/schema': { name: 'schedule' },
  '/personal/inkorg': { name: 'inbox' },
  '/personal/odokumenterade': { name: 'undocumented' },
  '/personal/e-tjanster': { name: 'catalogue' },
  '/personal/uppfoljning': { name: 'report' },
  '/personal/granskning': { name: 'audit' },
  '/personal/aviseringar': { name: 'staffNotifications' },
  '/personal/utskick': { name: 'outbox' },
  '/mote/gast': { name: 'meetingGuest' },
  '/personal': { name: 'staff' },
  '/admin': { name: 'admin' },
  '/logga-in': { name: 'login' },
  '/tillganglighet': { name: 'accessibility' },
};

/** Removes trailing slashes, except on "/" itself. */
export function normalizePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** The one path segment after `prefix`, decoded; null when absent, blank or malformed. */
function segmentAfter(path: string, prefix: string): string | null {
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  if (rest === '' || rest.includes('/')) return null;
  try {
    const id = decodeURIComponent(rest);
    return id.trim() === '' ? null : id;
  } catch {
    // A malformed %-escape is simply an unknown page.
    return null;
  }
}

export function matchRoute(pathname: string): Route {
  const path = normalizePath(pathname);
  const known = fixed[path];
  if (known) return known;
  const clinic = segmentAfter(path, '/mottagningar/');
  if (clinic !== null) return { name: 'clinic', id: clinic };
  const patientCase = segmentAfter(path, '/patient/arenden/');
  if (patientCase !== null) return { name: 'patientCase', id: patientCase };
  const staffCase = segmentAfter(path, '/personal/arenden/');
  if (staffCase !== null) return { name: 'staffCase', id: staffCase };
  const meeting = segmentAfter(path, '/mote/');
  if (meeting !== null) return { name: 'meeting', id: meeting };
  return { name: 'notFound' };
}

/** Which main-navigation entry a route belongs to, for aria-current. */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'directory':
    case 'clinic':
      return 'directory';
    case 'patient':
    case 'staff':
    case 'admin':
      return route.name;
    case 'patientLog':
    case 'patientCases':
    case 'newCase':
    case 'patientCase':
    case 'appointments':
    case 'bookAppointment':
    case 'patientNotifications':
      return 'patient';
    case 'audit':
    case 'inbox':
    case 'staffCase':
    case 'calendar':
    case 'schedule':
    case 'undocumented':
    case 'catalogue':
    case 'report':
    case 'staffNotifications':
    case 'outbox':
      return 'staff';
    default:
      return null;
  }
}

export interface ClickLike {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/**
 * Whether a click on an internal link should be handled by the client router.
 * Modified clicks (new tab, new window, download) are left to the browser.
 */
export function isPlainClick(e: ClickLike): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.defaultPrevented;
}

/** Whether href is a same-origin, app-internal path (not /api, not a file). */
export function isAppHref(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/api/');
}

export const RETURN_TO_PARAM = 'return_to';

/** The log-in page, with a page to come back to afterwards when given. */
export function loginHref(returnTo?: string): string {
  return returnTo ? `${paths.login}?${RETURN_TO_PARAM}=${encodeURIComponent(returnTo)}` : paths.login;
}

const PROBE_ORIGIN = 'https://app.invalid';

/**
 * A `return_to` value that is safe to go to after log-in: a path of this app
 * on this origin (not /api, not the log-in page itself). Anything else —
 * other origins, "//host", backslashes, control characters — gives null.
 */
export function safeReturnTo(raw: string): string | null {
  if (raw.length === 0 || raw.length > 1000) return null;
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  // Browsers read "\" as "/" and drop tabs and newlines: refuse them outright.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  const path = url.pathname + url.search;
  if (!isAppHref(path) || normalizePath(url.pathname) === paths.login) return null;
  return path;
}
