// The demo e-ID (BankID-like) calls and the parsing of their answers. The
// parsing is pure; the calls take an AbortSignal.

import { ApiError, type ApiClient } from '../api';

export interface DemoPerson {
  id: string;
  kind: 'patient' | 'staff';
  name: string;
  identifier: string;
  /** Swedish text from the server, e.g. "Vårdnadshavare till Ella (född 2016)". */
  description: string;
}

/** Where an order stands, as the server says (collect, start, cancel). */
export interface OrderStatus {
  status: 'pending' | 'complete' | 'failed';
  /** start_app | user_sign while pending; expired | cancelled when failed; null when none was given. */
  hint: string | null;
}

export interface StartedOrder extends OrderStatus {
  orderRef: string;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function parsePerson(v: unknown): DemoPerson | null {
  if (!isObject(v)) return null;
  const id = str(v.id);
  const name = str(v.name);
  if (!id || !name || (v.kind !== 'patient' && v.kind !== 'staff')) return null;
  return { id, kind: v.kind, name, identifier: str(v.identifier) ?? '', description: str(v.description) ?? '' };
}

/** Parses the people list; entries that cannot be used are left out. */
export function parsePeople(v: unknown): DemoPerson[] {
  if (!isObject(v) || !Array.isArray(v.items)) throw new ApiError('invalid', 200, 'people list lacks items');
  return v.items.map(parsePerson).filter((p): p is DemoPerson => p !== null);
}

/** Patients ("Invånare") and staff ("Personal"), each in the server's order. */
export function groupPeople(people: readonly DemoPerson[]): { patients: DemoPerson[]; staff: DemoPerson[] } {
  return { patients: people.filter((p) => p.kind === 'patient'), staff: people.filter((p) => p.kind === 'staff') };
}

export function parseOrderStatus(v: unknown): OrderStatus {
  if (!isObject(v) || (v.status !== 'pending' && v.status !== 'complete' && v.status !== 'failed')) {
    throw new ApiError('invalid', 200, 'order status missing or unknown');
  }
  return { status: v.status, hint: str(v.hint) };
}

export function parseStartedOrder(v: unknown): StartedOrder {
  const status = parseOrderStatus(v);
  const orderRef = isObject(v) ? str(v.order_ref) : null;
  if (!orderRef) throw new ApiError('invalid', 200, 'order lacks order_ref');
  return { ...status, orderRef };
}

const BASE = '/api/v1/auth/demo';

/** The demo people; rejects with a 404 ApiError when the server is not in demo mode. */
export async function listDemoPeople(api: ApiClient, signal: AbortSignal): Promise<DemoPerson[]> {
  return parsePeople(await api.get(`${BASE}/people`, signal));
}

export async function startOrder(api: ApiClient, personId: string, signal: AbortSignal): Promise<StartedOrder> {
  return parseStartedOrder(await api.post(`${BASE}/start`, { person_id: personId }, signal));
}

/** Asks how the order stands; on "complete" the answer has set the session cookie. */
export async function collectOrder(api: ApiClient, orderRef: string, signal: AbortSignal): Promise<OrderStatus> {
  return parseOrderStatus(await api.post(`${BASE}/collect`, { order_ref: orderRef }, signal));
}

export async function cancelOrder(api: ApiClient, orderRef: string, signal: AbortSignal): Promise<OrderStatus> {
  return parseOrderStatus(await api.post(`${BASE}/cancel`, { order_ref: orderRef }, signal));
}
