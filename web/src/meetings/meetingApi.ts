// The meeting calls. Every call takes an AbortSignal (see api.ts). A guest's
// client carries X-Meeting-Token (ApiClient.withHeaders) instead of a session.

import type { ApiClient } from '../api';
import {
  ACCEPT_URL,
  approvalUrl,
  hostingRecordsUrl,
  meetingApiUrl,
  openMeetingUrl,
  parseAccepted,
  parseEnded,
  parseHostingRecords,
  parseIceServers,
  parseInvitation,
  parseMeetingGrant,
  parseMeetingView,
  parseOpened,
  participantUrl,
  trainingUrl,
  type AcceptedInvitation,
  type HostingRecord,
  type IceServer,
  type Invitation,
  type Location,
  type MeetingEnded,
  type MeetingView,
  type OpenedMeeting,
} from './meeting';
import type { SignalPayload } from './mesh';

/** The meeting of a video appointment (created at the first ask). */
export async function openMeeting(api: ApiClient, appointmentId: string, signal: AbortSignal): Promise<OpenedMeeting> {
  return parseOpened(await api.post(openMeetingUrl(appointmentId), {}, signal));
}

export async function meetingView(api: ApiClient, id: string, signal: AbortSignal): Promise<MeetingView> {
  return parseMeetingView(await api.get(meetingApiUrl(id), signal));
}

export async function joinMeeting(api: ApiClient, id: string, signal: AbortSignal): Promise<MeetingView> {
  return parseMeetingView(await api.post(`${meetingApiUrl(id)}/join`, {}, signal));
}

/**
 * Out of the meeting, so the host's roster drops the person: from the leave
 * button, from leaving the page inside the app, and from pagehide (the tab
 * closed or left). Sent with fetch keepalive and never aborted, so it goes out
 * even as the page goes.
 */
export async function leaveMeeting(api: ApiClient, id: string, participantId?: string): Promise<void> {
  await api.postKeepalive(`${meetingApiUrl(id)}/leave`, participantId ? { participant_id: participantId } : {});
}

export async function recordReadiness(
  api: ApiClient,
  id: string,
  body: { location: Location; checklist_confirmed: boolean; equipment_tested: boolean },
  signal: AbortSignal,
): Promise<void> {
  await api.post(`${meetingApiUrl(id)}/readiness`, body, signal);
}

export async function admit(api: ApiClient, id: string, participantId: string, admitted: boolean, signal: AbortSignal): Promise<void> {
  await api.post(`${participantUrl(id, participantId)}/admission`, { admitted }, signal);
}

export async function markIdentified(api: ApiClient, id: string, participantId: string, signal: AbortSignal): Promise<void> {
  await api.post(`${participantUrl(id, participantId)}/identified`, {}, signal);
}

export async function assessConfidentiality(api: ApiClient, id: string, note: string, signal: AbortSignal): Promise<void> {
  await api.put(`${meetingApiUrl(id)}/confidentiality`, { note }, signal);
}

export async function invite(
  api: ApiClient,
  id: string,
  body: { name: string; organisation: string; title?: string },
  signal: AbortSignal,
): Promise<Invitation> {
  return parseInvitation(await api.post(`${meetingApiUrl(id)}/invitations`, body, signal));
}

/** A guest uses their link (once). */
export async function acceptInvitation(api: ApiClient, token: string, signal: AbortSignal): Promise<AcceptedInvitation> {
  return parseAccepted(await api.post(ACCEPT_URL, { token }, signal));
}

export async function sendSignal(api: ApiClient, id: string, to: string, payload: SignalPayload, signal: AbortSignal): Promise<void> {
  await api.post(`${meetingApiUrl(id)}/signals`, { to, payload }, signal);
}

export async function sendChat(api: ApiClient, id: string, text: string, signal: AbortSignal): Promise<void> {
  await api.post(`${meetingApiUrl(id)}/chat`, { text }, signal);
}

export async function iceServers(api: ApiClient, id: string, signal: AbortSignal): Promise<IceServer[]> {
  return parseIceServers(await api.get(`${meetingApiUrl(id)}/ice-servers`, signal));
}

export async function meetingGrant(api: ApiClient, id: string, signal: AbortSignal): Promise<{ topic: string; grant: string }[]> {
  const g = parseMeetingGrant(await api.post(`${meetingApiUrl(id)}/grant`, {}, signal));
  return g ? [g] : [];
}

/** The host goes on by phone; resolves with when. */
export async function switchToPhone(api: ApiClient, id: string, signal: AbortSignal): Promise<string | null> {
  const v = await api.post(`${meetingApiUrl(id)}/phone-fallback`, {}, signal);
  return typeof v === 'object' && v !== null && typeof (v as { phone_fallback_at?: unknown }).phone_fallback_at === 'string'
    ? (v as { phone_fallback_at: string }).phone_fallback_at
    : null;
}

/** The host ends the meeting for everyone (W3): all still there are out, and nobody can join again. */
export async function endMeeting(api: ApiClient, id: string, signal: AbortSignal): Promise<MeetingEnded> {
  return parseEnded(await api.post(`${meetingApiUrl(id)}/end`, {}, signal));
}

export async function recordTraining(api: ApiClient, unitId: string, staffId: string, completedOn: string, signal: AbortSignal): Promise<void> {
  await api.put(trainingUrl(unitId, staffId), { completed_on: completedOn }, signal);
}

export async function approveRemoteWork(api: ApiClient, unitId: string, staffId: string, insuranceProofSeen: boolean, signal: AbortSignal): Promise<void> {
  await api.put(approvalUrl(unitId, staffId), { insurance_proof_seen: insuranceProofSeen }, signal);
}

/** For the unit manager: the unit's staff with their training, approval of meetings from home and meetings hosted. */
export async function hostingRecords(api: ApiClient, unitId: string, signal: AbortSignal): Promise<HostingRecord[]> {
  return parseHostingRecords(await api.get(hostingRecordsUrl(unitId), signal));
}

export async function withdrawTraining(api: ApiClient, unitId: string, staffId: string, signal: AbortSignal): Promise<void> {
  await api.delete(trainingUrl(unitId, staffId), signal);
}

export async function withdrawRemoteWork(api: ApiClient, unitId: string, staffId: string, signal: AbortSignal): Promise<void> {
  await api.delete(approvalUrl(unitId, staffId), signal);
}
