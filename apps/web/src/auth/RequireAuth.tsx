import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { Loading } from '../components/Loading';
import { useAuth } from './AuthContext';

/** Renders its children for a signed-in user; sends anybody else to sign-in, then back here. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { account } = useAuth();
  const location = useLocation();
  if (account === undefined) {
    return <Loading />;
  }
  if (account === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/connexion?suite=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
