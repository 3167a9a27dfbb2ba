// The two clinic directory calls. Both take an AbortSignal (see api.ts).

import { getJson } from '../api';
import { clinicApiUrl, clinicsApiUrl, type ClinicListQuery } from '../query';
import { parseClinic, parseClinicPage, type Clinic, type ClinicPage } from './clinic';

export async function listClinics(query: ClinicListQuery, signal: AbortSignal): Promise<ClinicPage> {
  return parseClinicPage(await getJson(clinicsApiUrl(query), signal));
}

export async function getClinic(id: string, signal: AbortSignal): Promise<Clinic> {
  return parseClinic(await getJson(clinicApiUrl(id), signal));
}
