// The case calls. Every call takes an AbortSignal (see api.ts).

import type { ApiClient } from '../api';
import { isObject, parseCaseList, parseCaseView, parseForm, type CaseForm, type CaseSummary, type CaseView, type Outcome } from './model';

const CASES = '/api/v1/cases';
export const MY_CASES_URL = '/api/v1/me/cases';

export const caseUrl = (id: string) => `${CASES}/${encodeURIComponent(id)}`;
export const formUrl = (clinicId: string, code: string) =>
  `/api/v1/clinics/${encodeURIComponent(clinicId)}/eservices/${encodeURIComponent(code)}/form`;
export const attachmentUrl = (caseId: string, attachmentId: string) => `${caseUrl(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;
export const summaryTextUrl = (caseId: string) => `${caseUrl(caseId)}/summary?format=text`;

export async function getForm(api: ApiClient, clinicId: string, code: string, signal: AbortSignal): Promise<CaseForm> {
  return parseForm(await api.get(formUrl(clinicId, code), signal));
}

export async function submitCase(api: ApiClient, body: unknown, signal: AbortSignal): Promise<CaseView> {
  return parseCaseView(await api.post(CASES, body, signal));
}

export async function myCases(api: ApiClient, signal: AbortSignal): Promise<CaseSummary[]> {
  return parseCaseList(await api.get(MY_CASES_URL, signal));
}

export async function getCase(api: ApiClient, id: string, signal: AbortSignal): Promise<CaseView> {
  return parseCaseView(await api.get(caseUrl(id), signal));
}

/** A patient's message (no kind), or staff's reply or question. */
export async function postMessage(
  api: ApiClient,
  id: string,
  body: string,
  kind: 'reply' | 'question' | null,
  signal: AbortSignal,
): Promise<CaseView> {
  return parseCaseView(await api.post(`${caseUrl(id)}/messages`, kind ? { kind, body } : { body }, signal));
}

export async function attachImage(api: ApiClient, id: string, image: Blob, type: string, signal: AbortSignal): Promise<void> {
  await api.postBytes(`${caseUrl(id)}/attachments`, image, type, signal);
}

export async function claimCase(api: ApiClient, id: string, signal: AbortSignal): Promise<CaseView> {
  return parseCaseView(await api.post(`${caseUrl(id)}/claim`, {}, signal));
}

export async function setAssignee(api: ApiClient, id: string, staffId: string | null, signal: AbortSignal): Promise<CaseView> {
  return parseCaseView(await api.put(`${caseUrl(id)}/assignee`, { staff_id: staffId }, signal));
}

export async function closeCase(api: ApiClient, id: string, outcome: Outcome, signal: AbortSignal): Promise<CaseView> {
  return parseCaseView(await api.post(`${caseUrl(id)}/close`, { outcome }, signal));
}

export interface SummaryDraft {
  contactDay: string;
  text: string;
}

export async function getSummary(api: ApiClient, id: string, signal: AbortSignal): Promise<SummaryDraft> {
  const v = await api.get(`${caseUrl(id)}/summary`, signal);
  const o = isObject(v) ? v : {};
  return { contactDay: typeof o.contact_day === 'string' ? o.contact_day : '', text: typeof o.text === 'string' ? o.text : '' };
}

export async function markDocumented(api: ApiClient, id: string, signal: AbortSignal): Promise<CaseView> {
  return parseCaseView(await api.post(`${caseUrl(id)}/documented`, {}, signal));
}
