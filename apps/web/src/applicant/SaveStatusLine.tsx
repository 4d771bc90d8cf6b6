import type { SaveStatus } from './useAutosave';

interface SaveStatusLineProps {
  status: SaveStatus;
  /** Fields whose value was rejected and is therefore not saved. */
  invalidCount: number;
  isDraft: boolean;
  /**
   * True when the session ended (a 401 from a save or the submission): the line then shows it and
   * links to the sign-in page in a new tab, so that nothing typed here is lost.
   */
  sessionEnded: boolean;
  onRetry: () => void;
}

/** Id of the session-ended message, which the form focuses after a refused submission. */
export const SESSION_ENDED_ID = 'session-terminee';

/**
 * Keeps the status in sight at the bottom of the window while the applicant fills a long form.
 * It is one or two lines high, so it never hides a focused field entirely.
 */
const STICKY = {
  position: 'sticky',
  bottom: 0,
  zIndex: 1,
  padding: '0.5rem 0',
  background: 'var(--background-default-grey)',
  borderTop: '1px solid var(--border-default-grey)',
} as const;

/** « 14 h 32 », the French way of writing a time of day. */
function formatTime(date: Date): string {
  return `${date.getHours()}\u00a0h\u00a0${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Renders the autosave's state in words, announced politely by screen readers. */
export function SaveStatusLine({
  status,
  invalidCount,
  isDraft,
  sessionEnded,
  onRetry,
}: SaveStatusLineProps) {
  let message = '';
  let className = 'fr-text--sm fr-mb-0';
  const shown: SaveStatus = sessionEnded ? { kind: 'signedOut' } : status;
  switch (shown.kind) {
    case 'saving':
      message = 'Enregistrement…';
      break;
    case 'saved':
      message = isDraft
        ? `Brouillon enregistré à ${formatTime(shown.at)}`
        : `Modifications enregistrées à ${formatTime(shown.at)}`;
      className += ' fr-message--valid';
      break;
    case 'failed':
      message = `Échec de l’enregistrement : ${shown.message} Vos saisies restent sur cette page et seront envoyées à nouveau à la prochaine modification.`;
      className += ' fr-error-text fr-mt-0';
      break;
    case 'signedOut':
      message =
        'Votre session a pris fin : vos dernières modifications ne sont pas encore enregistrées. Elles restent sur cette page. Reconnectez-vous dans un nouvel onglet, puis revenez ici : elles seront enregistrées à la prochaine modification, ou avec le bouton « Réessayer l’enregistrement ».';
      className += ' fr-error-text fr-mt-0';
      break;
    case 'locked':
      message = `Vos dernières modifications n’ont pas été enregistrées : ${shown.message}`;
      className += ' fr-error-text fr-mt-0';
      break;
    case 'idle':
      break;
  }
  const invalidMessage =
    invalidCount === 0
      ? ''
      : invalidCount === 1
        ? 'Un champ contient une erreur : il n’est pas enregistré tant qu’il n’est pas corrigé.'
        : `${invalidCount} champs contiennent une erreur : ils ne sont pas enregistrés tant qu’ils ne sont pas corrigés.`;

  // A fragment: the sticky region must be a direct child of the form to stay in sight over its
  // whole height.
  return (
    <>
      <div
        role="status"
        aria-live="polite"
        className="tps-save-status fr-mt-4w"
        style={message || invalidMessage ? STICKY : undefined}
      >
        {message && (
          <p
            className={className}
            id={sessionEnded ? SESSION_ENDED_ID : undefined}
            tabIndex={sessionEnded ? -1 : undefined}
          >
            {message}
          </p>
        )}
        {invalidMessage && (
          <p className="fr-text--sm fr-mb-0 fr-error-text fr-mt-0">{invalidMessage}</p>
        )}
      </div>
      {sessionEnded && (
        <p className="fr-mt-1w fr-mb-0">
          <a className="fr-link" href="/connexion" target="_blank" rel="noopener">
            Se reconnecter dans un nouvel onglet
          </a>
        </p>
      )}
      {(status.kind === 'failed' || sessionEnded) && (
        <button
          type="button"
          className="fr-btn fr-btn--tertiary fr-btn--sm fr-mt-1w"
          onClick={onRetry}
        >
          Réessayer l’enregistrement
        </button>
      )}
    </>
  );
}
