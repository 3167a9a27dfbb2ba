import type { ComponentChildren } from 'preact';

/**
 * A polite live region. Keep it rendered at all times and change only its
 * text, so screen readers announce loading and result counts.
 */
export function Status({ children }: { children?: ComponentChildren }) {
  return (
    <p role="status" aria-live="polite" class="status">
      {children}
    </p>
  );
}
