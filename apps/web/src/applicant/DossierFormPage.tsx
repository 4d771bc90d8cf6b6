import type {
  DossierFieldView,
  DossierView,
  FieldDefinition,
  PublicProcedureView,
} from '@tps/contracts';
import { APPLICANT_EDITABLE_STATES, DossierState } from '@tps/contracts/dossiers/dossier-state';
import { isEmptyFieldValue } from '@tps/contracts/dossiers/field-value';
import { FieldType, NON_FILLABLE_FIELD_TYPES } from '@tps/contracts/procedures/field-type';
import { checkSiret } from '@tps/contracts/siret/siret';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';

import { api, ApiError } from '../api/client';
import { DossierStateBadge } from '../components/DossierStateBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { CompanyCard } from '../components/fields/CompanyCard';
import { toInputValue } from '../components/fields/FieldInput';
import type { FieldInputValue } from '../components/fields/FieldInput';
import { FormFields } from '../components/fields/FormFields';
import { Loading } from '../components/Loading';
import { useResource } from '../components/useResource';
import { usePageTitle } from '../layout/usePageTitle';
import {
  ClosedProcedureNotice,
  SentBackNotice,
  sentBackTransition,
  useDraftProcedure,
} from './DossierNotices';
import { ErrorSummary } from './ErrorSummary';
import type { MyDossiersPageState } from './MyDossiersPage';
import type { SummaryItem } from './ErrorSummary';
import { SaveStatusLine, SESSION_ENDED_ID } from './SaveStatusLine';
import { useAttachments } from './useAttachments';
import { afterLeavingSaves, isSessionEnded, stableIdOfError, useAutosave } from './useAutosave';

const ID_PREFIX = 'champ';
/** Interval and maximum count of the reads of a dossier whose SIRET lookup is pending. */
const SIRET_POLL_INTERVAL_MS = 10_000;
const SIRET_POLL_MAX = 12;
/** The dossiers service's messages for a required field left empty, at submission. */
const REQUIRED_MESSAGE = 'Ce champ est obligatoire.';
const REQUIRED_ATTACHMENT_MESSAGE = 'Ce champ est obligatoire : joignez au moins un fichier.';

/** Location state of the dossier page after a submission, to show the success notice. */
export interface DossierPageState {
  deposited?: boolean;
  /** Why the last changes were not saved: the dossier stopped being editable meanwhile. */
  notSaved?: string;
}

/** Renders the applicant's form of a brouillon or en_construction dossier, saved as they type. */
export function DossierFormPage() {
  const { id = '' } = useParams();
  const resource = useResource(
    () => afterLeavingSaves(() => api<DossierView>('GET', `/dossiers/${id}`)),
    id,
  );
  const dossier = resource.data;
  usePageTitle(dossier ? `Dossier n° ${dossier.number} – formulaire` : 'Formulaire du dossier');
  const procedure = useDraftProcedure(dossier);

  if (resource.error !== undefined) {
    const notFound = resource.error instanceof ApiError && resource.error.isNotFound();
    return (
      <>
        <h1>{notFound ? 'Dossier introuvable' : 'Formulaire du dossier'}</h1>
        <ErrorAlert error={resource.error} title="Le dossier n’a pas pu être chargé" />
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/dossiers">
          Retour à mes dossiers
        </Link>
      </>
    );
  }
  if (!dossier || dossier.id !== id) {
    return <Loading label="Chargement du dossier…" />;
  }
  if (!APPLICANT_EDITABLE_STATES.has(dossier.state)) {
    return <Navigate to={`/dossiers/${dossier.id}`} replace />;
  }

  const closedProcedure = procedure?.state === 'close' ? procedure : null;
  return <DossierForm key={dossier.id} dossier={dossier} closedProcedure={closedProcedure} />;
}

interface DossierFormProps {
  dossier: DossierView;
  /** The draft's procedure when it is closed: the draft can then no longer be submitted. */
  closedProcedure: PublicProcedureView | null;
}

function DossierForm({ dossier, closedProcedure }: DossierFormProps) {
  const navigate = useNavigate();
  const definitions = useMemo(() => dossier.fields.map((field) => field.definition), [dossier]);
  const [serverFields, setServerFields] = useState(() => fieldsById(dossier.fields));
  const [submitErrors, setSubmitErrors] = useState<Record<string, string>>({});
  const [showSummary, setShowSummary] = useState(false);
  const [requestError, setRequestError] = useState<unknown>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const requestErrorRef = useRef<HTMLDivElement>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const isDraft = dossier.state === DossierState.Brouillon;
  const sentBack = sentBackTransition(dossier);
  // A draft of a closed procedure can no longer be submitted, so nothing in it may change.
  const readOnly = closedProcedure !== null;

  const autosave = useAutosave(dossier.id, definitions, initialValues(dossier.fields), (view) =>
    setServerFields(fieldsById(view.fields)),
  );
  const attachments = useAttachments(dossier, ID_PREFIX, clearSubmitError);

  function clearSubmitError(stableId: string) {
    setSubmitErrors(({ [stableId]: _fixed, ...rest }) => rest);
  }

  function onChange(stableId: string, value: FieldInputValue) {
    if (readOnly) {
      return;
    }
    autosave.setValue(stableId, value);
    clearSubmitError(stableId);
  }

  // An instructor took the dossier while the form was open: show it as it now is, and explain why.
  useEffect(() => {
    if (autosave.status.kind === 'locked') {
      const state: DossierPageState = { notSaved: autosave.status.message };
      void navigate(`/dossiers/${dossier.id}`, { state, replace: true });
    }
  }, [autosave.status, dossier.id, navigate]);

  // The applicant signed in again and a save went through: the submission's 401 is stale.
  useEffect(() => {
    if (autosave.status.kind === 'saved') {
      setRequestError((current: unknown) => (isSessionEnded(current) ? undefined : current));
    }
  }, [autosave.status]);

  // A file still being sent is lost if the page is reloaded or closed: the browser warns first.
  useEffect(() => {
    if (!attachments.uploading) {
      return;
    }
    function warnBeforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
      event.returnValue = '';
    }
    window.addEventListener('beforeunload', warnBeforeUnload);
    return () => window.removeEventListener('beforeunload', warnBeforeUnload);
  }, [attachments.uploading]);

  // Moves focus to the error summary (or alert) once it is rendered.
  useEffect(() => {
    if (focusTarget?.ref === 'session') {
      document.getElementById(SESSION_ENDED_ID)?.focus();
    } else if (focusTarget) {
      (focusTarget.ref === 'summary' ? summaryRef : requestErrorRef).current?.focus();
    }
  }, [focusTarget]);

  const pendingSirets = useMemo(
    () =>
      definitions.filter(
        (definition) =>
          definition.type === FieldType.Siret &&
          serverFields[definition.stableId]?.siret?.status === 'pending',
      ).length,
    [definitions, serverFields],
  );
  // The platform retries a pending SIRET lookup by itself, so the page reads the dossier again
  // from time to time to show the result.
  useEffect(() => {
    if (pendingSirets === 0) {
      return;
    }
    let polls = 0;
    const timer = setInterval(() => {
      polls += 1;
      if (polls > SIRET_POLL_MAX) {
        clearInterval(timer);
        return;
      }
      api<DossierView>('GET', `/dossiers/${dossier.id}`)
        .then((view) => setServerFields(fieldsById(view.fields)))
        .catch((error: unknown) => console.warn('Could not read the SIRET lookup again', error));
    }, SIRET_POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [pendingSirets, dossier.id]);

  function refreshSirets() {
    api<DossierView>('GET', `/dossiers/${dossier.id}`)
      .then((view) => setServerFields(fieldsById(view.fields)))
      .catch((error: unknown) => setRequestError(error));
  }

  const errors: Record<string, string | undefined> = {};
  for (const definition of definitions) {
    const stableId = definition.stableId;
    errors[stableId] =
      attachments.errors[stableId] ?? autosave.invalid[stableId] ?? submitErrors[stableId];
  }
  // A save refused with 401 makes the status 'signedOut'; a submission refused with 401 leaves
  // the status as it was, so its error counts too, until the next save succeeds (effect above).
  const sessionEnded = autosave.status.kind === 'signedOut' || isSessionEnded(requestError);
  const summaryItems: SummaryItem[] = definitions
    .filter((definition) => errors[definition.stableId] !== undefined)
    .sort((left, right) => left.position - right.position)
    .map((definition) => ({ definition, message: errors[definition.stableId] ?? '' }));

  /** Required fields left empty in the form, except those whose value was rejected. */
  function missingRequired(invalid: Record<string, string>): Record<string, string> {
    const missing: Record<string, string> = {};
    for (const definition of definitions) {
      const stableId = definition.stableId;
      if (!definition.required || NON_FILLABLE_FIELD_TYPES.has(definition.type)) {
        continue;
      }
      if (definition.type === FieldType.Attachment) {
        if (attachments.countOf(stableId) === 0) {
          missing[stableId] = REQUIRED_ATTACHMENT_MESSAGE;
        }
      } else if (!(stableId in invalid)) {
        if (isEmptyFieldValue(definition, autosave.values[stableId] ?? null)) {
          missing[stableId] = REQUIRED_MESSAGE;
        }
      }
    }
    return missing;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setRequestError(undefined);
    try {
      const saved = await autosave.flush();
      if (!saved.ok) {
        if (Object.keys(saved.invalid).length > 0) {
          // The server checks required fields only once every value is saved: the summary lists
          // the empty ones now, with the rejected values, so that one pass fixes everything.
          setSubmitErrors(missingRequired(saved.invalid));
          setShowSummary(true);
          setFocusTarget({ ref: 'summary', at: Date.now() });
        } else {
          showRequestError(saved.error);
        }
        return;
      }
      await api<DossierView>('POST', `/dossiers/${dossier.id}/submit`);
      const state: DossierPageState = { deposited: true };
      void navigate(`/dossiers/${dossier.id}`, { state });
    } catch (error) {
      const fields =
        error instanceof ApiError && error.status === 400 ? (error.details.fields ?? []) : [];
      if (fields.length > 0) {
        const byId: Record<string, string> = {};
        for (const detail of fields) {
          byId[stableIdOfError(detail.field)] ??= detail.message;
        }
        setSubmitErrors(byId);
        setShowSummary(true);
        setFocusTarget({ ref: 'summary', at: Date.now() });
      } else {
        showRequestError(error);
      }
    } finally {
      setSubmitting(false);
    }
  }

  /** Saves what is left, then goes to `destination` with `state` in its history entry. */
  async function saveAndLeave(destination: string, state?: MyDossiersPageState) {
    const saved = await autosave.flush();
    if (saved.ok) {
      void navigate(destination, { state });
    } else if (Object.keys(saved.invalid).length > 0) {
      setShowSummary(true);
      setFocusTarget({ ref: 'summary', at: Date.now() });
    } else {
      showRequestError(saved.error);
    }
  }

  /** Shows why a request failed and moves focus there; an ended session has its own message. */
  function showRequestError(error: unknown) {
    setRequestError(error);
    setFocusTarget({ ref: isSessionEnded(error) ? 'session' : 'error', at: Date.now() });
  }

  async function retrySave() {
    const saved = await autosave.flush();
    if (saved.ok && isSessionEnded(requestError)) {
      setRequestError(undefined);
    }
  }

  function renderSiret(definition: FieldDefinition) {
    if (definition.type !== FieldType.Siret) {
      return null;
    }
    const server = serverFields[definition.stableId];
    const typed = autosave.values[definition.stableId];
    const check = typeof typed === 'string' ? checkSiret(typed) : null;
    // The card describes the saved SIRET, so it is hidden as soon as the applicant types another.
    if (!server?.siret || !check?.valid || server.value !== check.siret) {
      return null;
    }
    return (
      <>
        <CompanyCard siret={server.siret} />
        {server.siret.status === 'pending' && (
          <button
            type="button"
            className="fr-btn fr-btn--tertiary fr-btn--sm fr-mt-1w"
            onClick={refreshSirets}
          >
            Actualiser les informations de l’entreprise
          </button>
        )}
      </>
    );
  }

  return (
    <>
      <p className="fr-mb-1w">
        <DossierStateBadge state={dossier.state} />
      </p>
      <h1 className="fr-mb-1w">{dossier.procedureTitle}</h1>
      <p className="fr-text--lead">Dossier n° {dossier.number}</p>

      {closedProcedure ? (
        <ClosedProcedureNotice procedure={closedProcedure} />
      ) : isDraft ? (
        <p>
          Votre saisie est enregistrée automatiquement en brouillon : vous pouvez quitter la page et
          reprendre plus tard. L’administration ne voit votre dossier qu’une fois déposé.
        </p>
      ) : sentBack ? (
        <SentBackNotice transition={sentBack} inForm />
      ) : (
        <div className="fr-alert fr-alert--info fr-mb-3w">
          <h2 className="fr-alert__title">Dossier déposé, encore modifiable</h2>
          <p>
            Vous pouvez modifier votre dossier tant que l’administration n’a pas commencé son
            instruction. Vos modifications sont enregistrées et visibles par l’administration.
          </p>
        </div>
      )}

      {requestError !== undefined && !sessionEnded && (
        <div ref={requestErrorRef} tabIndex={-1}>
          <ErrorAlert
            error={requestError}
            title={
              isDraft
                ? 'Le dossier n’a pas pu être déposé'
                : 'Les modifications n’ont pas pu être enregistrées'
            }
            listFields={false}
          />
        </div>
      )}
      {showSummary && summaryItems.length > 0 && (
        <ErrorSummary
          ref={summaryRef}
          idPrefix={ID_PREFIX}
          items={summaryItems}
          isDraft={isDraft}
        />
      )}

      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-label="Formulaire du dossier"
      >
        <FormFields
          fields={definitions}
          values={autosave.values}
          onChange={onChange}
          errors={errors}
          disabled={readOnly}
          idPrefix={ID_PREFIX}
          headingLevel={2}
          attachmentControls={attachments.controls}
          renderExtra={renderSiret}
        />

        {!readOnly && (
          <SaveStatusLine
            status={autosave.status}
            invalidCount={Object.keys(autosave.invalid).length}
            isDraft={isDraft}
            sessionEnded={sessionEnded}
            onRetry={() => void retrySave()}
          />
        )}
        <p className="fr-sr-only" role="status">
          {attachments.announcement}
        </p>
        <div className="fr-mt-2w">
          {closedProcedure ? (
            <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-0">
              <li>
                <button
                  type="button"
                  className="fr-btn fr-btn--secondary"
                  onClick={() => void saveAndLeave('/dossiers')}
                >
                  Retour à mes dossiers
                </button>
              </li>
            </ul>
          ) : isDraft ? (
            <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-0">
              <li>
                <button
                  type="submit"
                  className="fr-btn"
                  disabled={submitting || attachments.uploading}
                >
                  Déposer le dossier
                </button>
              </li>
              <li>
                <button
                  type="button"
                  className="fr-btn fr-btn--secondary"
                  onClick={() => void saveAndLeave('/dossiers', { savedDraft: dossier.number })}
                >
                  Enregistrer et reprendre plus tard
                </button>
              </li>
            </ul>
          ) : (
            <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-0">
              <li>
                <Link
                  className="fr-btn fr-btn--secondary"
                  to={`/dossiers/${dossier.id}`}
                  onClick={(event) => {
                    // The dossier page should show what was just typed: save first.
                    event.preventDefault();
                    void saveAndLeave(`/dossiers/${dossier.id}`);
                  }}
                >
                  Retour au dossier
                </Link>
              </li>
            </ul>
          )}
        </div>
      </form>
    </>
  );
}

interface FocusTarget {
  ref: 'summary' | 'error' | 'session';
  /** Makes each request a new value, so that focus moves again on a second failure. */
  at: number;
}

function initialValues(fields: DossierFieldView[]): Record<string, FieldInputValue> {
  return Object.fromEntries(
    fields.map((field) => [field.definition.stableId, toInputValue(field.definition, field.value)]),
  );
}

function fieldsById(fields: DossierFieldView[]): Record<string, DossierFieldView> {
  return Object.fromEntries(fields.map((field) => [field.definition.stableId, field]));
}
