import type { ProcedureSummary } from '@tps/contracts';

import { api } from '../api/client';

/**
 * Returns the page an account starts on after signing in without a page to return to: the
 * procedures it instructs, else those it administers, else its own dossiers.
 */
export async function landingPath(): Promise<string> {
  // A failed look-up only costs the shortcut: « Mes dossiers » is a page every account has.
  const [instructed, administered] = await Promise.all([
    api<ProcedureSummary[]>('GET', '/instructor/procedures'),
    api<ProcedureSummary[]>('GET', '/admin/procedures'),
  ]).catch(() => [[], []] as ProcedureSummary[][]);
  if (instructed.length > 0) {
    return '/instructeur/procedures';
  }
  if (administered.length > 0) {
    return '/admin/procedures';
  }

  return '/dossiers';
}

/**
 * Returns where to go once signed in: the `suite` parameter when it is a path of this site
 * (never another origin), else `landingPath()`.
 */
export async function pathAfterSignIn(suite: string | null): Promise<string> {
  if (suite === null || suite === '') {
    return landingPath();
  }

  return suite.startsWith('/') && !suite.startsWith('//') ? suite : '/dossiers';
}
