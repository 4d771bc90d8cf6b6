import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { ApiError } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { pathAfterSignIn } from '../auth/landing-path';
import { ErrorAlert } from '../components/ErrorAlert';
import { usePageTitle } from '../layout/usePageTitle';

/** Messages of the e-mail and password inputs left empty, by input name. */
export interface CredentialErrors {
  email?: string;
  password?: string;
}

/**
 * Says which of the two inputs are empty, before any request: the server would call an empty
 * address invalid rather than missing. Focuses the first empty input of the form whose ids start
 * with `idPrefix`.
 */
export function emptyCredentialErrors(
  email: string,
  password: string,
  idPrefix: string,
): CredentialErrors {
  const errors: CredentialErrors = {};
  if (email.trim() === '') {
    errors.email = 'Saisissez votre adresse électronique.';
  }
  if (password === '') {
    errors.password = 'Saisissez votre mot de passe.';
  }
  if (errors.email) {
    document.getElementById(`${idPrefix}-email`)?.focus();
  } else if (errors.password) {
    document.getElementById(`${idPrefix}-mot-de-passe`)?.focus();
  }
  return errors;
}

export function SignInPage() {
  usePageTitle('Connexion');
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [emptyErrors, setEmptyErrors] = useState<CredentialErrors>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const empty = emptyCredentialErrors(email, password, 'connexion');
    setEmptyErrors(empty);
    if (empty.email || empty.password) {
      return;
    }
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      void navigate(await pathAfterSignIn(params.get('suite')), { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = { ...(error instanceof ApiError ? error.fieldErrors() : {}), ...emptyErrors };
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Connexion à TPS</h1>
        {error !== undefined && (
          <ErrorAlert error={error} title="Connexion impossible" listFields={false} />
        )}
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <fieldset className="fr-fieldset" aria-labelledby="connexion-legende">
            <legend className="fr-fieldset__legend" id="connexion-legende">
              Se connecter avec son compte
            </legend>
            <div className="fr-fieldset__element">
              <p className="fr-hint-text">Tous les champs sont obligatoires.</p>
            </div>
            <div className="fr-fieldset__element">
              <div className={`fr-input-group${fieldErrors.email ? ' fr-input-group--error' : ''}`}>
                <label className="fr-label" htmlFor="connexion-email">
                  Adresse électronique
                  <span className="fr-hint-text">Format attendu : nom@domaine.fr</span>
                </label>
                <input
                  className={`fr-input${fieldErrors.email ? ' fr-input--error' : ''}`}
                  id="connexion-email"
                  type="email"
                  autoComplete="email"
                  required
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                  aria-describedby={fieldErrors.email ? 'connexion-email-erreur' : undefined}
                />
                {fieldErrors.email && (
                  <p className="fr-error-text" id="connexion-email-erreur">
                    {fieldErrors.email}
                  </p>
                )}
              </div>
            </div>
            <div className="fr-fieldset__element">
              <div
                className={`fr-input-group${fieldErrors.password ? ' fr-input-group--error' : ''}`}
              >
                <label className="fr-label" htmlFor="connexion-mot-de-passe">
                  Mot de passe
                </label>
                <input
                  className={`fr-input${fieldErrors.password ? ' fr-input--error' : ''}`}
                  id="connexion-mot-de-passe"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                  aria-describedby={
                    fieldErrors.password ? 'connexion-mot-de-passe-erreur' : undefined
                  }
                />
                {fieldErrors.password && (
                  <p className="fr-error-text" id="connexion-mot-de-passe-erreur">
                    {fieldErrors.password}
                  </p>
                )}
              </div>
            </div>
          </fieldset>
          <ul className="fr-btns-group">
            <li>
              <button type="submit" className="fr-btn" disabled={busy}>
                Se connecter
              </button>
            </li>
          </ul>
        </form>
        <hr />
        <h2 className="fr-h5">Vous n’avez pas de compte ?</h2>
        <Link
          className="fr-btn fr-btn--secondary"
          to={`/inscription${params.get('suite') ? `?suite=${encodeURIComponent(params.get('suite') ?? '')}` : ''}`}
        >
          Créer un compte
        </Link>
      </div>
    </div>
  );
}
