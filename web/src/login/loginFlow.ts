// The demo log-in as a pure state machine: choose a person → start an order
// → poll ("collect") while pending → complete, failed or timed out. The hook
// in useLoginFlow.ts does the fetching and the timers; this file only says
// what each answer means. Time comes in with the events, never from a clock.

import type { MessageKey } from '../i18n';
import type { DemoPerson, OrderStatus, StartedOrder } from './demoApi';

/** How often a pending order is collected. */
export const POLL_INTERVAL_MS = 750;
/** Give up on an order that is still pending after this long (the server should have expired it). */
export const ORDER_TIMEOUT_MS = 3 * 60_000;
/** Network or server failures in a row that end polling. */
export const MAX_COLLECT_ERRORS = 3;

export type FailReason = 'expired' | 'cancelled' | 'failed' | 'timeout' | 'error' | 'noSession';

export type FlowState =
  | { step: 'choose'; cancelled: boolean; lastPersonId: string | null }
  | { step: 'starting'; person: DemoPerson }
  | {
      step: 'pending';
      person: DemoPerson;
      orderRef: string;
      hint: string | null;
      startedAt: number;
      /** Collect failures in a row. */
      errors: number;
    }
  | { step: 'complete'; person: DemoPerson }
  | { step: 'failed'; person: DemoPerson; reason: FailReason; orderRef: string | null };

export type FlowEvent =
  | { type: 'choose'; person: DemoPerson }
  | { type: 'started'; order: StartedOrder; now: number }
  | { type: 'startFailed' }
  | { type: 'collected'; orderRef: string; result: OrderStatus; now: number }
  | { type: 'collectFailed'; orderRef: string; retryable: boolean; now: number }
  | { type: 'cancel' }
  | { type: 'back' }
  | { type: 'finishFailed'; reason: 'noSession' | 'error' };

export const initialFlow: FlowState = { step: 'choose', cancelled: false, lastPersonId: null };

function failReason(hint: string | null): FailReason {
  return hint === 'expired' || hint === 'cancelled' ? hint : 'failed';
}

/** Applies an order status from start or collect to a pending order. */
function applyStatus(state: Extract<FlowState, { step: 'pending' }>, result: OrderStatus, now: number): FlowState {
  switch (result.status) {
    case 'complete':
      return { step: 'complete', person: state.person };
    case 'failed':
      return { step: 'failed', person: state.person, reason: failReason(result.hint), orderRef: null };
    case 'pending':
      if (now - state.startedAt >= ORDER_TIMEOUT_MS) {
        return { step: 'failed', person: state.person, reason: 'timeout', orderRef: state.orderRef };
      }
      return { ...state, hint: result.hint ?? state.hint, errors: 0 };
  }
}

export function flowReducer(state: FlowState, event: FlowEvent): FlowState {
  switch (event.type) {
    case 'choose':
      return state.step === 'choose' || state.step === 'failed' ? { step: 'starting', person: event.person } : state;
    case 'started': {
      if (state.step !== 'starting') return state;
      const pending = {
        step: 'pending' as const,
        person: state.person,
        orderRef: event.order.orderRef,
        hint: event.order.hint,
        startedAt: event.now,
        errors: 0,
      };
      return applyStatus(pending, event.order, event.now);
    }
    case 'startFailed':
      return state.step === 'starting' ? { step: 'failed', person: state.person, reason: 'error', orderRef: null } : state;
    case 'collected':
      // An answer for an order that is no longer ours (cancelled, restarted) is ignored.
      if (state.step !== 'pending' || state.orderRef !== event.orderRef) return state;
      return applyStatus(state, event.result, event.now);
    case 'collectFailed': {
      if (state.step !== 'pending' || state.orderRef !== event.orderRef) return state;
      const errors = state.errors + 1;
      if (!event.retryable || errors >= MAX_COLLECT_ERRORS) {
        return { step: 'failed', person: state.person, reason: 'error', orderRef: state.orderRef };
      }
      if (event.now - state.startedAt >= ORDER_TIMEOUT_MS) {
        return { step: 'failed', person: state.person, reason: 'timeout', orderRef: state.orderRef };
      }
      return { ...state, errors };
    }
    case 'cancel':
      return state.step === 'starting' || state.step === 'pending'
        ? { step: 'choose', cancelled: true, lastPersonId: state.person.id }
        : state;
    case 'back':
      return state.step === 'failed' ? { step: 'choose', cancelled: false, lastPersonId: state.person.id } : state;
    case 'finishFailed':
      return state.step === 'complete' ? { step: 'failed', person: state.person, reason: event.reason, orderRef: null } : state;
  }
}

/**
 * The order the server should be told to cancel when this state is left
 * (the page is closed or the person cancels): a pending one, or one the
 * client gave up on while the server may still think it pending.
 */
export function orderToCancel(state: FlowState): string | null {
  if (state.step === 'pending') return state.orderRef;
  if (state.step === 'failed' && (state.reason === 'timeout' || state.reason === 'error')) return state.orderRef;
  return null;
}

/** The status text for the panel (null while choosing). */
export function statusKey(state: FlowState): MessageKey | null {
  switch (state.step) {
    case 'choose':
      return null;
    case 'starting':
      return 'login.status.starting';
    case 'pending':
      if (state.hint === 'start_app') return 'login.status.startApp';
      if (state.hint === 'user_sign') return 'login.status.userSign';
      return 'login.status.pending';
    case 'complete':
      return 'login.status.complete';
    case 'failed':
      return `login.failed.${state.reason}`;
  }
}

/** Whether the flow is still waiting for something (spinner, cancel button). */
export function isWaiting(state: FlowState): boolean {
  return state.step === 'starting' || state.step === 'pending' || state.step === 'complete';
}
