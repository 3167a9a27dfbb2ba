import type { ComponentChildren } from 'preact';
import type { Route } from '../router';
import { Footer } from './Footer';
import { Header } from './Header';
import { SessionNotice } from './SessionNotice';
import { MAIN_ID, SkipLink } from './SkipLink';

export function Layout({ route, children }: { route: Route; children: ComponentChildren }) {
  return (
    <>
      <SkipLink />
      <Header route={route} />
      <main id={MAIN_ID} tabIndex={-1} class="site-main container">
        <SessionNotice />
        {children}
      </main>
      <Footer />
    </>
  );
}
