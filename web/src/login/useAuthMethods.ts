import { useEffect, useState } from 'preact/hooks';
import { isAbortError } from '../api';
import { useStore } from '../context';
import { AUTH_METHODS_URL, parseAuthMethods, type AuthMethods } from './authMethods';

/** The log-in methods, or null while loading or when they could not be fetched (then only the demo list shows). */
export function useAuthMethods(): AuthMethods | null {
  const store = useStore();
  const [methods, setMethods] = useState<AuthMethods | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    store.api.get(AUTH_METHODS_URL, ac.signal).then(
      (v) => setMethods(parseAuthMethods(v)),
      (err: unknown) => {
        if (!isAbortError(err)) setMethods(null);
      },
    );
    return () => ac.abort();
  }, [store]);
  return methods;
}
