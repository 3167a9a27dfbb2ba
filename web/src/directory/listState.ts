// State of the clinic directory list as a pure reducer: first page, "load
// more" pages, and their failures, kept apart so a failed "load more" does
// not throw away what is already shown.

import type { Clinic, ClinicPage } from './clinic';

export interface ListState {
  status: 'loading' | 'ready' | 'error';
  items: Clinic[];
  nextCursor: string | null;
  more: 'idle' | 'loading' | 'error';
  /** Index of the first item added by the latest "load more", for focus. */
  firstNew: number | null;
}

export type ListAction =
  | { type: 'start' }
  | { type: 'loaded'; page: ClinicPage }
  | { type: 'failed' }
  | { type: 'moreStart' }
  | { type: 'moreLoaded'; page: ClinicPage }
  | { type: 'moreFailed' };

export const initialListState: ListState = {
  status: 'loading',
  items: [],
  nextCursor: null,
  more: 'idle',
  firstNew: null,
};

export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'start':
      return initialListState;
    case 'loaded':
      return { ...initialListState, status: 'ready', items: action.page.items, nextCursor: action.page.nextCursor };
    case 'failed':
      return { ...initialListState, status: 'error' };
    case 'moreStart':
      return state.status === 'ready' && state.nextCursor ? { ...state, more: 'loading' } : state;
    case 'moreLoaded': {
      if (state.status !== 'ready') return state;
      const seen = new Set(state.items.map((c) => c.id));
      const added = action.page.items.filter((c) => !seen.has(c.id));
      return {
        ...state,
        items: [...state.items, ...added],
        nextCursor: action.page.nextCursor,
        more: 'idle',
        firstNew: added.length > 0 ? state.items.length : null,
      };
    }
    case 'moreFailed':
      return state.status === 'ready' ? { ...state, more: 'error' } : state;
  }
}
