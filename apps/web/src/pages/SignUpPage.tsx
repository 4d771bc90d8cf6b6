import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { ApiError } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { pathAfterSignIn } from '../auth/landing-path';
import { ErrorAlert } from '../components/ErrorAlert';
import { usePageTitle } from '../layout/usePageTitle';
import { emptyCredentialErrors } from './SignInPage';
import type { CredentialErrors } from './SignInPage';

const MIN_PASSWORD_LENGTH = 12;

export function SignUpPage() {
  usePageTitle('Créer un compte');
  const { signUp } = useAuth();
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
    const empty = emptyCredentialErrors(email, password, 'inscription');
    setEmptyErrors(empty);
    if (empty.email || empty.password) {
      return;
    }
    setBusy(true);
    try {
      await signUp(email.trim(), password);
      // Same landing as sign-in: an address already added as instructor starts on its procedures.
      void navigate(await pathAfterSignIn(params.get('suite')), { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = { ...(error instanceof ApiError ? error.fieldErrors() : {}), ...emptyErrors };
  const tooShort = password.length > 0 && password.length < MIN_PASSWORD_LENGTH;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Créer un compte</h1>
        <p>
          Un seul compte suffit pour déposer des dossiers, créer des démarches et les instruire.
        </p>
        {error !== undefined && (
          <ErrorAlert error={error} title="Création du compte impossible" listFields={false} />
        )}
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <div className={`fr-input-group${fieldErrors.email ? ' fr-input-group--error' : ''}`}>
            <label className="fr-label" htmlFor="inscription-email">
              Adresse électronique
              <span className="fr-hint-text">Format attendu : nom@domaine.fr</span>
            </label>
            <input
              className={`fr-input${fieldErrors.email ? ' fr-input--error' : ''}`}
              id="inscription-email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-describedby={fieldErrors.email ? 'inscription-email-erreur' : undefined}
            />
            {fieldErrors.email && (
              <p className="fr-error-text" id="inscription-email-erreur">
                {fieldErrors.email}
              </p>
            )}
          </div>
          <div className={`fr-input-group${fieldErrors.password ? ' fr-input-group--error' : ''}`}>
            <label className="fr-label" htmlFor="inscription-mot-de-passe">
              Mot de passe
              <span className="fr-hint-text" id="inscription-mot-de-passe-aide">
                Au moins {MIN_PASSWORD_LENGTH} caractères.
              </span>
            </label>
            <input
              className={`fr-input${fieldErrors.password ? ' fr-input--error' : ''}`}
              id="inscription-mot-de-passe"
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-describedby={`inscription-mot-de-passe-aide${fieldErrors.password ? ' inscription-mot-de-passe-erreur' : ''}`}
            />
            {fieldErrors.password ? (
              <p className="fr-error-text" id="inscription-mot-de-passe-erreur">
                {fieldErrors.password}
              </p>
            ) : (
              tooShort && (
                <p className="fr-info-text" aria-live="polite">
                  Encore {MIN_PASSWORD_LENGTH - password.length} caractère(s) au minimum.
                </p>
              )
            )}
          </div>
          <button type="submit" className="fr-btn" disabled={busy}>
            Créer mon compte
          </button>
        </form>
        <hr className="fr-mt-4w" />
        <p>
          Vous avez déjà un compte ?{' '}
          <Link
            className="fr-link"
            to={`/connexion${params.get('suite') ? `?suite=${encodeURIComponent(params.get('suite') ?? '')}` : ''}`}
          >
            Se connecter
          </Link>
        </p>
      </div>
    </div>
  );
}
