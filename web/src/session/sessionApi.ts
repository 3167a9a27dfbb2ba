// The calls about the logged-in person. Every call takes an AbortSignal.

import { isUnauthenticated, type ApiClient } from '../api';
import { parseMe, type Me } from './me';

export const ME_URL = '/api/v1/me';
export const ACTING_FOR_URL = '/api/v1/me/acting-for';
export const LOGOUT_URL = '/api/v1/auth/logout';
export const LOGOUT_EVERYWHERE_URL = '/api/v1/auth/logout-everywhere';

/** The logged-in person, or null when nobody is (401). Other failures reject. */
export async function fetchMe(api: ApiClient, signal: AbortSignal): Promise<Me | null> {
  try {
    return parseMe(await api.get(ME_URL, signal));
  } catch (err) {
    if (isUnauthenticated(err)) return null;
    throw err;
  }
}

/** Ends this session, or with `everywhere` every session of this person. */
export async function logout(api: ApiClient, everywhere: boolean, signal: AbortSignal): Promise<void> {
  await api.post(everywhere ? LOGOUT_EVERYWHERE_URL : LOGOUT_URL, undefined, signal);
}

/** Acts for a child (its patient id) or, with null, for oneself again. */
export async function putActingFor(api: ApiClient, patientId: string | null, signal: AbortSignal): Promise<Me> {
  return parseMe(await api.put(ACTING_FOR_URL, { patient_id: patientId }, signal));
}
