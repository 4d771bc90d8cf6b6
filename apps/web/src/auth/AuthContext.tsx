import type { AccountView } from '@tps/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

import { api, ApiError } from '../api/client';

interface AuthState {
  /** The signed-in account, null when signed out, undefined while the session is being read. */
  account: AccountView | null | undefined;
  signIn: (email: string, password: string) => Promise<AccountView>;
  signUp: (email: string, password: string) => Promise<AccountView>;
  signOut: () => Promise<void>;
  /** Forgets the account after a 401 from the gateway (expired session). */
  sessionExpired: () => void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<AccountView | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    api<AccountView>('GET', '/auth/me')
      .then((me) => !cancelled && setAccount(me))
      .catch((error: unknown) => {
        if (!cancelled) {
          setAccount(null);
          if (!(error instanceof ApiError && error.status === 401)) {
            console.warn('Could not read the session', error);
          }
        }
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const me = await api<AccountView>('POST', '/auth/sign-in', { email, password });
    setAccount(me);
    return me;
  }, []);

  const signUp = useCallback(async (email: string, password: string) => {
    const me = await api<AccountView>('POST', '/auth/sign-up', { email, password });
    setAccount(me);
    return me;
  }, []);

  const signOut = useCallback(async () => {
    await api<void>('POST', '/auth/sign-out');
    setAccount(null);
  }, []);

  const sessionExpired = useCallback(() => setAccount(null), []);

  const value = useMemo(
    () => ({ account, signIn, signUp, signOut, sessionExpired }),
    [account, signIn, signUp, signOut, sessionExpired],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (state === null) {
    throw new Error('useAuth needs an AuthProvider above it');
  }
  return state;
}
