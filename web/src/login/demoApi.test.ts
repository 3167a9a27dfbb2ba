import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { groupPeople, parseOrderStatus, parsePeople, parseStartedOrder } from './demoApi';

const erik = { id: 'p-107', kind: 'patient', name: 'Erik Sandberg', identifier: '750611-9812', description: 'Vuxen patient' };
const karin = { id: 's-201', kind: 'staff', name: 'Karin Ekström', identifier: 'SE2321000131-S000000000201', description: 'Läkare' };

describe('demo people', () => {
  it('parses the list and leaves out what cannot be used', () => {
    const people = parsePeople({ items: [erik, { id: 'x', kind: 'robot', name: 'R' }, { kind: 'staff' }, karin] });
    expect(people.map((p) => p.name)).toEqual(['Erik Sandberg', 'Karin Ekström']);
    expect(people[0]).toEqual({ id: 'p-107', kind: 'patient', name: 'Erik Sandberg', identifier: '750611-9812', description: 'Vuxen patient' });
  });

  it('fills in a missing identifier and description', () => {
    expect(parsePeople({ items: [{ id: 'a', kind: 'staff', name: 'A' }] })).toEqual([
      { id: 'a', kind: 'staff', name: 'A', identifier: '', description: '' },
    ]);
  });

  it('rejects a body without items', () => {
    expect(() => parsePeople({})).toThrow(ApiError);
    expect(() => parsePeople([])).toThrow(ApiError);
  });

  it('groups residents and staff, keeping the order', () => {
    const people = parsePeople({ items: [karin, erik, { ...erik, id: 'p-2', name: 'Greta Holm' }] });
    const { patients, staff } = groupPeople(people);
    expect(patients.map((p) => p.name)).toEqual(['Erik Sandberg', 'Greta Holm']);
    expect(staff.map((p) => p.name)).toEqual(['Karin Ekström']);
  });
});

describe('order answers', () => {
  it('reads a started order', () => {
    expect(parseStartedOrder({ order_ref: 'o-1', status: 'pending', hint: 'start_app' })).toEqual({
      orderRef: 'o-1',
      status: 'pending',
      hint: 'start_app',
    });
    expect(() => parseStartedOrder({ status: 'pending' })).toThrow(ApiError);
  });

  it('reads collect answers with and without a hint', () => {
    expect(parseOrderStatus({ status: 'pending', hint: 'user_sign' })).toEqual({ status: 'pending', hint: 'user_sign' });
    expect(parseOrderStatus({ status: 'complete' })).toEqual({ status: 'complete', hint: null });
    expect(parseOrderStatus({ status: 'failed', hint: 'expired' })).toEqual({ status: 'failed', hint: 'expired' });
  });

  it('rejects an unknown status', () => {
    expect(() => parseOrderStatus({ status: 'done' })).toThrow(ApiError);
    expect(() => parseOrderStatus(null)).toThrow(ApiError);
  });
});
