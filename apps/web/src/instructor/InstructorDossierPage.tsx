import { useEffect, useRef, useState } from 'react';
import type { DossierView, EmailView } from '@tps/contracts';
import { useParams } from 'react-router';

import { api, errorMessage } from '../api/client';
import { Breadcrumb } from '../admin/Breadcrumb';
import { DossierStateBadge } from '../components/DossierStateBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime } from '../components/format';
import { Loading } from '../components/Loading';
import { useResource } from '../components/useResource';
import { usePageTitle } from '../layout/usePageTitle';
import { DecisionModal } from './DecisionModal';
import { DossierActions } from './DossierActions';
import {
  allowedActions,
  conflictMessage,
  DECISION_TEXTS,
  DECISIONS,
  isMotivationRequired,
  successMessage,
} from './dossier-actions';
import type { DossierAction } from './dossier-actions';
import { DossierEmails } from './DossierEmails';
import { DossierFields } from './DossierFields';
import { DossierHistory } from './DossierHistory';
import { INSTRUCTOR_PROCEDURES_PATH, procedureDossiersPath } from './paths';

const EMAIL_RELOAD_DELAY_MS = 2000;

/** Outcome of the last action, shown above the action buttons. */
type Outcome =
  | { kind: 'success'; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; error: unknown };

/** Shows one dossier to its instructor: values, history, e-mails and the allowed actions. */
export function InstructorDossierPage() {
  const { id = '' } = useParams();
  const dossier = useResource(() => api<DossierView>('GET', `/instructor/dossiers/${id}`), id);
  const emails = useResource(
    () => api<EmailView[]>('GET', `/instructor/dossiers/${id}/emails`),
    id,
  );
  const [pending, setPending] = useState<DossierAction | null>(null);
  const [decision, setDecision] = useState<DossierAction | null>(null);
  const [decisionError, setDecisionError] = useState<unknown>(undefined);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const actionsHeading = useRef<HTMLHeadingElement>(null);
  const decisionOpener = useRef<HTMLElement | null>(null);
  usePageTitle(
    dossier.data ? `Dossier n° ${dossier.data.number} – Instruction` : 'Dossier – Instruction',
  );

  // A cancelled decision gives the focus back to its button (gone if the state changed).
  useEffect(() => {
    if (decision === null && decisionOpener.current?.isConnected) {
      decisionOpener.current.focus();
    }
    if (decision === null) {
      decisionOpener.current = null;
    }
  }, [decision]);

  // The clicked button may be gone once the state changed: focus returns to the actions.
  useEffect(() => {
    if (outcome !== null) {
      actionsHeading.current?.focus();
    }
  }, [outcome]);

  if (dossier.data === undefined) {
    return dossier.error !== undefined ? (
      <>
        <Breadcrumb
          items={[
            { label: 'Démarches à instruire', to: INSTRUCTOR_PROCEDURES_PATH },
            { label: 'Dossier' },
          ]}
        />
        <h1>Dossier</h1>
        <ErrorAlert error={dossier.error} title="Impossible d’afficher ce dossier" />
      </>
    ) : (
      <Loading label="Chargement du dossier…" />
    );
  }
  const current = dossier.data;

  async function run(action: DossierAction, motivation?: string) {
    setPending(action);
    setDecisionError(undefined);
    try {
      const updated =
        action === 'archiver' || action === 'desarchiver'
          ? await api<DossierView>('POST', `/instructor/dossiers/${id}/archive`, {
              archived: action === 'archiver',
            })
          : await api<DossierView>('POST', `/instructor/dossiers/${id}/transitions`, {
              action,
              ...(motivation ? { motivation } : {}),
              expectedVersion: current.version,
            });
      dossier.setData(updated);
      setDecision(null);
      setOutcome({ kind: 'success', message: successMessage(updated, action) });
      // The notifications service sends the e-mail after the dossiers service publishes the
      // event, so it usually appears a moment after the response: fetch the list again shortly.
      emails.reload();
      window.setTimeout(emails.reload, EMAIL_RELOAD_DELAY_MS);
    } catch (caught) {
      const conflict = conflictMessage(caught, current);
      if (conflict !== null) {
        setDecision(null);
        setOutcome({ kind: 'conflict', message: conflict });
        dossier.reload();
        emails.reload();
      } else if (decision !== null) {
        setDecisionError(caught);
      } else {
        setOutcome({ kind: 'error', error: caught });
      }
    } finally {
      setPending(null);
    }
  }

  function onAction(action: DossierAction) {
    if (DECISIONS.has(action)) {
      decisionOpener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setDecisionError(undefined);
      setDecision(action);
      return;
    }
    void run(action);
  }

  const decisionTexts = decision === null ? undefined : DECISION_TEXTS[decision];

  return (
    <>
      <Breadcrumb
        items={[
          { label: 'Démarches à instruire', to: INSTRUCTOR_PROCEDURES_PATH },
          { label: current.procedureTitle, to: procedureDossiersPath(current.procedureId) },
          { label: `Dossier n° ${current.number}` },
        ]}
      />
      <h1 className="fr-mb-1w">Dossier n° {current.number}</h1>
      <p className="fr-mb-2w">
        <DossierStateBadge state={current.state} archived={current.archived} />
      </p>
      <p className="fr-text--lead fr-mb-3w">{current.procedureTitle}</p>
      <DossierSummaryList dossier={current} />

      <section
        className="fr-p-3w fr-mb-4w"
        style={{ background: 'var(--background-alt-blue-france)' }}
        aria-labelledby="instruction-titre"
      >
        <h2 id="instruction-titre" className="fr-h4" tabIndex={-1} ref={actionsHeading}>
          Instruction du dossier
        </h2>
        <div role="status" aria-live="polite">
          {pending !== null && decision === null && <p className="fr-mb-2w">Enregistrement…</p>}
          {outcome?.kind === 'success' && (
            <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">
              <p>{outcome.message}</p>
            </div>
          )}
        </div>
        {outcome?.kind === 'conflict' && (
          <div className="fr-alert fr-alert--warning fr-mb-3w" role="alert">
            <h3 className="fr-alert__title">Le dossier a changé</h3>
            <p>{outcome.message}</p>
          </div>
        )}
        {outcome?.kind === 'error' && (
          <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
            <h3 className="fr-alert__title">L’action a échoué</h3>
            <p>{errorMessage(outcome.error)}</p>
          </div>
        )}
        {current.motivation && (
          <div className="fr-mb-3w">
            <h3 className="fr-h6 fr-mb-1w">Motivation de la décision</h3>
            <p style={{ whiteSpace: 'pre-wrap' }}>{current.motivation}</p>
          </div>
        )}
        <DossierActions actions={allowedActions(current)} pending={pending} onAction={onAction} />
      </section>

      {decision !== null && decisionTexts !== undefined && (
        <DecisionModal
          key={decision}
          open
          dossierNumber={current.number}
          texts={decisionTexts}
          motivationRequired={isMotivationRequired(decision)}
          busy={pending !== null}
          error={decisionError}
          onConfirm={(motivation) => void run(decision, motivation)}
          onClose={() => {
            if (pending === null) {
              setDecision(null);
            }
          }}
        />
      )}

      <section className="fr-mb-4w" aria-labelledby="formulaire-titre">
        <h2 id="formulaire-titre">Formulaire</h2>
        <DossierFields
          fields={current.fields}
          attachmentBaseUrl={`/api/instructor/dossiers/${current.id}`}
        />
      </section>

      <section className="fr-mb-4w" aria-labelledby="historique-titre">
        <h2 id="historique-titre">Historique</h2>
        <DossierHistory history={current.history} />
      </section>

      <section aria-labelledby="emails-titre">
        <h2 id="emails-titre">E-mails envoyés au demandeur</h2>
        {emails.error !== undefined && (
          <ErrorAlert error={emails.error} title="Impossible d’afficher les e-mails" />
        )}
        {emails.data === undefined && emails.error === undefined && (
          <Loading label="Chargement des e-mails…" />
        )}
        {emails.data !== undefined && <DossierEmails emails={emails.data} />}
        <button
          type="button"
          className="fr-btn fr-btn--tertiary fr-btn--sm"
          onClick={emails.reload}
        >
          Actualiser la liste des e-mails
        </button>
      </section>
    </>
  );
}

function DossierSummaryList({ dossier }: { dossier: DossierView }) {
  const entries: Array<[string, string]> = [
    ['Demandeur', dossier.applicantEmail],
    ['Déposé le', formatDateTime(dossier.submittedAt)],
    ['Passé en instruction le', formatDateTime(dossier.instructionStartedAt)],
    ['Décision le', formatDateTime(dossier.decidedAt)],
    ['Dernière modification', formatDateTime(dossier.updatedAt)],
  ];

  return (
    <dl className="fr-raw-list fr-grid-row fr-grid-row--gutters fr-mb-3w">
      {entries.map(([term, value]) => (
        <div key={term} className="fr-col-12 fr-col-sm-6 fr-col-lg-4">
          <dt className="fr-text--sm fr-mb-0">{term}</dt>
          <dd className="fr-ml-0 fr-text--bold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
