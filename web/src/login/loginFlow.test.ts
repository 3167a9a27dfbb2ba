import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import type { DemoPerson } from './demoApi';
import {
  MAX_COLLECT_ERRORS,
  ORDER_TIMEOUT_MS,
  flowReducer,
  initialFlow,
  isWaiting,
  orderToCancel,
  statusKey,
  type FlowEvent,
  type FlowState,
} from './loginFlow';

const erik: DemoPerson = { id: 'p-107', kind: 'patient', name: 'Erik Sandberg', identifier: '750611-9812', description: '' };
const T0 = 1_000_000;

function run(events: FlowEvent[], from: FlowState = initialFlow): FlowState {
  return events.reduce(flowReducer, from);
}

const started: FlowEvent[] = [
  { type: 'choose', person: erik },
  { type: 'started', order: { orderRef: 'o-1', status: 'pending', hint: 'start_app' }, now: T0 },
];
const collected = (status: 'pending' | 'complete' | 'failed', hint: string | null, now = T0 + 750, orderRef = 'o-1'): FlowEvent => ({
  type: 'collected',
  orderRef,
  result: { status, hint },
  now,
});

describe('login flow', () => {
  it('goes choose → starting → pending (start_app) → pending (user_sign) → complete', () => {
    const starting = run([{ type: 'choose', person: erik }]);
    expect(starting).toEqual({ step: 'starting', person: erik });
    expect(statusKey(starting)).toBe('login.status.starting');

    const pending = run(started);
    expect(pending).toMatchObject({ step: 'pending', orderRef: 'o-1', hint: 'start_app', startedAt: T0, errors: 0 });
    expect(statusKey(pending)).toBe('login.status.startApp');

    const signing = flowReducer(pending, collected('pending', 'user_sign'));
    expect(statusKey(signing)).toBe('login.status.userSign');

    const done = flowReducer(signing, collected('complete', null, T0 + 2250));
    expect(done).toEqual({ step: 'complete', person: erik });
    expect(statusKey(done)).toBe('login.status.complete');
    expect(isWaiting(done)).toBe(true);
  });

  it('keeps the last hint when a pending answer has none', () => {
    const s = run([...started, collected('pending', 'user_sign'), collected('pending', null, T0 + 1500)]);
    expect(s).toMatchObject({ step: 'pending', hint: 'user_sign' });
  });

  it('ends on the failure the server reports', () => {
    expect(run([...started, collected('failed', 'expired')])).toMatchObject({ step: 'failed', reason: 'expired', orderRef: null });
    expect(run([...started, collected('failed', 'cancelled')])).toMatchObject({ step: 'failed', reason: 'cancelled' });
    const odd = run([...started, collected('failed', 'certificate_err')]);
    expect(odd).toMatchObject({ step: 'failed', reason: 'failed' });
    expect(translate('sv', statusKey(odd)!)).toBe('Inloggningen misslyckades. Försök igen.');
  });

  it('gives up after the time limit and asks for the order to be cancelled', () => {
    const s = run([...started, collected('pending', 'user_sign', T0 + ORDER_TIMEOUT_MS)]);
    expect(s).toMatchObject({ step: 'failed', reason: 'timeout', orderRef: 'o-1' });
    expect(orderToCancel(s)).toBe('o-1');
    expect(statusKey(s)).toBe('login.failed.timeout');
    expect(run([...started, collected('pending', 'user_sign', T0 + ORDER_TIMEOUT_MS - 1)])).toMatchObject({ step: 'pending' });
  });

  it('rides out a few network failures but not more', () => {
    const fail = (n: number): FlowEvent => ({ type: 'collectFailed', orderRef: 'o-1', retryable: true, now: T0 + n * 750 });
    const twice = run([...started, fail(1), fail(2)]);
    expect(twice).toMatchObject({ step: 'pending', errors: 2 });
    // A good answer resets the count.
    expect(flowReducer(twice, collected('pending', 'user_sign', T0 + 2250))).toMatchObject({ errors: 0 });
    const many = run([...started, ...Array.from({ length: MAX_COLLECT_ERRORS }, (_, i) => fail(i + 1))]);
    expect(many).toMatchObject({ step: 'failed', reason: 'error' });
  });

  it('stops at once on an answer that will not change (4xx)', () => {
    const s = run([...started, { type: 'collectFailed', orderRef: 'o-1', retryable: false, now: T0 + 750 }]);
    expect(s).toMatchObject({ step: 'failed', reason: 'error', orderRef: 'o-1' });
  });

  it('handles a start that fails or answers at once', () => {
    expect(run([{ type: 'choose', person: erik }, { type: 'startFailed' }])).toMatchObject({ step: 'failed', reason: 'error' });
    const instant = run([
      { type: 'choose', person: erik },
      { type: 'started', order: { orderRef: 'o-2', status: 'failed', hint: 'expired' }, now: T0 },
    ]);
    expect(instant).toMatchObject({ step: 'failed', reason: 'expired' });
  });

  it('ignores answers for an order that is no longer ours', () => {
    const pending = run(started);
    expect(flowReducer(pending, collected('complete', null, T0 + 750, 'o-old'))).toBe(pending);
    const cancelled = flowReducer(pending, { type: 'cancel' });
    expect(flowReducer(cancelled, collected('complete', null))).toBe(cancelled);
  });

  it('cancelling returns to the list and remembers who was chosen', () => {
    const s = run([...started, { type: 'cancel' }]);
    expect(s).toEqual({ step: 'choose', cancelled: true, lastPersonId: 'p-107' });
    expect(statusKey(s)).toBeNull();
    expect(orderToCancel(run(started))).toBe('o-1');
    expect(run([{ type: 'choose', person: erik }, { type: 'cancel' }])).toMatchObject({ step: 'choose', cancelled: true });
  });

  it('can try again or go back after a failure', () => {
    const failed = run([...started, collected('failed', 'expired')]);
    expect(flowReducer(failed, { type: 'choose', person: erik })).toEqual({ step: 'starting', person: erik });
    expect(flowReducer(failed, { type: 'back' })).toEqual({ step: 'choose', cancelled: false, lastPersonId: 'p-107' });
  });

  it('reports a completed order that left no session', () => {
    const s = run([...started, collected('complete', null), { type: 'finishFailed', reason: 'noSession' }]);
    expect(s).toMatchObject({ step: 'failed', reason: 'noSession', orderRef: null });
    expect(orderToCancel(s)).toBeNull();
  });

  it('has a message for every state in both languages', () => {
    const states: FlowState[] = [
      run([{ type: 'choose', person: erik }]),
      run(started),
      run([...started, collected('pending', 'user_sign')]),
      run([...started, collected('pending', 'other')]),
      run([...started, collected('complete', null)]),
      ...(['expired', 'cancelled', 'failed', 'timeout', 'error', 'noSession'] as const).map(
        (reason): FlowState => ({ step: 'failed', person: erik, reason, orderRef: null }),
      ),
    ];
    for (const s of states) {
      const key = statusKey(s);
      expect(key).not.toBeNull();
      expect(translate('sv', key!)).not.toBe(key);
      expect(translate('en', key!)).not.toBe(key);
    }
    expect(translate('sv', 'login.status.startApp')).toBe('Starta BankID-appen.');
    expect(translate('sv', 'login.status.userSign')).toBe('Skriv in din säkerhetskod i BankID-appen.');
  });
});
