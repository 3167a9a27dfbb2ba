import type { ComponentChildren } from 'preact';

/** A table that may be wider than a phone: it scrolls inside its own box, reachable by keyboard. */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
