import type { ComponentChildren } from 'preact';
import { useStore } from '../context';
import { isAppHref, isPlainClick } from '../router';

interface LinkProps {
  href: string;
  children: ComponentChildren;
  class?: string;
  'aria-current'?: 'page' | undefined;
  linkRef?: (el: HTMLAnchorElement | null) => void;
}

/** An ordinary <a> whose plain clicks on app paths are handled without a page load. */
export function Link({ href, children, linkRef, ...rest }: LinkProps) {
  const store = useStore();
  const onClick = (e: MouseEvent) => {
    if (!isAppHref(href) || !isPlainClick(e)) return;
    e.preventDefault();
    store.navigate(href);
  };
  return (
    <a href={href} onClick={onClick} ref={linkRef} {...rest}>
      {children}
    </a>
  );
}
