import { describe, expect, it } from 'vitest';
import type { Clinic } from './clinic';
import { initialListState, listReducer, type ListState } from './listState';

function clinic(id: string): Clinic {
  return {
    id,
    hsaId: null,
    name: `Mottagning ${id}`,
    kind: 'primary_care',
    administration: null,
    address: null,
    phone: null,
    email: null,
    openingHours: null,
    description: null,
    eservices: [],
  };
}

const ready: ListState = listReducer(initialListState, {
  type: 'loaded',
  page: { items: [clinic('a'), clinic('b')], nextCursor: 'c1' },
});

describe('listReducer', () => {
  it('shows the first page when it arrives', () => {
    expect(ready.status).toBe('ready');
    expect(ready.items.map((c) => c.id)).toEqual(['a', 'b']);
    expect(ready.nextCursor).toBe('c1');
  });

  it('appends the next page and remembers where it starts', () => {
    const loading = listReducer(ready, { type: 'moreStart' });
    expect(loading.more).toBe('loading');
    const more = listReducer(loading, { type: 'moreLoaded', page: { items: [clinic('c')], nextCursor: null } });
    expect(more.items.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(more.nextCursor).toBeNull();
    expect(more.more).toBe('idle');
    expect(more.firstNew).toBe(2);
  });

  it('does not show a clinic twice if pages overlap', () => {
    const more = listReducer(ready, { type: 'moreLoaded', page: { items: [clinic('b'), clinic('c')], nextCursor: null } });
    expect(more.items.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(more.firstNew).toBe(2);
  });

  it('keeps the list when loading more fails', () => {
    const failed = listReducer(listReducer(ready, { type: 'moreStart' }), { type: 'moreFailed' });
    expect(failed.items).toHaveLength(2);
    expect(failed.more).toBe('error');
    expect(failed.nextCursor).toBe('c1');
  });

  it('clears the list for a new search and on a failed first page', () => {
    expect(listReducer(ready, { type: 'start' })).toEqual(initialListState);
    const failed = listReducer(ready, { type: 'failed' });
    expect(failed.status).toBe('error');
    expect(failed.items).toEqual([]);
  });

  it('ignores "load more" when there is nothing more', () => {
    const last = listReducer(initialListState, { type: 'loaded', page: { items: [clinic('a')], nextCursor: null } });
    expect(listReducer(last, { type: 'moreStart' })).toBe(last);
    expect(listReducer(initialListState, { type: 'moreLoaded', page: { items: [clinic('x')], nextCursor: null } })).toBe(
      initialListState,
    );
  });
});
