import type { ComponentChildren } from 'preact';

/** A calm information box, e.g. for features that are not built yet. */
export function Notice({ title, children }: { title?: string; children: ComponentChildren }) {
  return (
    <div class="notice">
      {title && <h2 class="notice__title">{title}</h2>}
      {children}
    </div>
  );
}
