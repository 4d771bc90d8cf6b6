import type { DossierFieldView, DossierView, TransitionView } from '@tps/contracts';
import { APPLICANT_EDITABLE_STATES, DossierState } from '@tps/contracts/dossiers/dossier-state';
import { FieldType } from '@tps/contracts/procedures/field-type';
import { Link, useLocation, useParams } from 'react-router';

import { api, ApiError } from '../api/client';
import { DossierStateBadge } from '../components/DossierStateBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { FieldValue } from '../components/fields/FieldValue';
import { formatDateTime } from '../components/format';
import { Loading } from '../components/Loading';
import { useResource } from '../components/useResource';
import { usePageTitle } from '../layout/usePageTitle';
import { afterLeavingSaves } from './useAutosave';
import type { DossierPageState } from './DossierFormPage';
import {
  ClosedProcedureNotice,
  SentBackNotice,
  sentBackTransition,
  useDraftProcedure,
} from './DossierNotices';

const ACTION_LABELS: Record<TransitionView['action'], string> = {
  deposer: 'Dossier déposé',
  passer_en_instruction: 'Instruction commencée',
  repasser_en_construction: 'Dossier renvoyé pour correction, modifiable à nouveau',
  accepter: 'Dossier accepté',
  refuser: 'Dossier refusé',
  classer_sans_suite: 'Dossier classé sans suite',
  archiver: 'Dossier archivé',
  desarchiver: 'Dossier désarchivé',
};

/** Renders one dossier for its applicant: state, dates, decision, history and every value. */
export function DossierPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const pageState = location.state as DossierPageState | null;
  const deposited = pageState?.deposited === true;
  // Read after the save of a form just left, so that the page shows what was typed last.
  const resource = useResource(
    () => afterLeavingSaves(() => api<DossierView>('GET', `/dossiers/${id}`)),
    id,
  );
  const dossier = resource.data;
  usePageTitle(dossier ? `Dossier n° ${dossier.number}` : 'Dossier');
  const procedure = useDraftProcedure(dossier);

  if (resource.error !== undefined) {
    const notFound = resource.error instanceof ApiError && resource.error.isNotFound();
    return (
      <>
        <h1>{notFound ? 'Dossier introuvable' : 'Dossier'}</h1>
        <ErrorAlert error={resource.error} title="Le dossier n’a pas pu être chargé" />
        <BackLink />
      </>
    );
  }
  if (!dossier || dossier.id !== id) {
    return <Loading label="Chargement du dossier…" />;
  }
  // The history entry keeps its state on a reload, so the notice also requires the en
  // construction state. Otherwise an applicant who reloads after the decision would still read it.
  const justDeposited = deposited && dossier.state === DossierState.EnConstruction;
  const sentBack = sentBackTransition(dossier);
  const closedProcedure = procedure?.state === 'close' ? procedure : null;

  return (
    <>
      <BackLink />
      {pageState?.notSaved && !APPLICANT_EDITABLE_STATES.has(dossier.state) && (
        <div className="fr-alert fr-alert--warning fr-mt-3w fr-mb-3w" role="alert">
          <h2 className="fr-alert__title">
            Vos dernières modifications n’ont pas été enregistrées
          </h2>
          <p>{pageState.notSaved}</p>
        </div>
      )}
      {justDeposited && (
        <div className="fr-alert fr-alert--success fr-mt-3w fr-mb-3w" role="status">
          <h2 className="fr-alert__title">Votre dossier a bien été déposé</h2>
          <p>
            L’administration peut maintenant le consulter. Vous pouvez encore le modifier tant que
            son instruction n’a pas commencé.
          </p>
        </div>
      )}
      <p className="fr-mt-3w fr-mb-1w">
        <DossierStateBadge state={dossier.state} />
      </p>
      <h1 className="fr-mb-1w">Dossier n° {dossier.number}</h1>
      <p className="fr-text--lead">{dossier.procedureTitle}</p>

      {justDeposited ? null : closedProcedure ? (
        <ClosedProcedureNotice procedure={closedProcedure} />
      ) : sentBack ? (
        <SentBackNotice transition={sentBack} inForm={false} />
      ) : (
        <StateNotice dossier={dossier} />
      )}

      <ul className="fr-mb-3w">
        <li>Créé le {formatDateTime(dossier.createdAt)}</li>
        {dossier.submittedAt && <li>Déposé le {formatDateTime(dossier.submittedAt)}</li>}
        {sentBack ? (
          <li>Renvoyé pour correction le {formatDateTime(sentBack.at)}</li>
        ) : (
          dossier.instructionStartedAt && (
            <li>Instruction commencée le {formatDateTime(dossier.instructionStartedAt)}</li>
          )
        )}
        {dossier.decidedAt && <li>Décision rendue le {formatDateTime(dossier.decidedAt)}</li>}
        <li>Dernière modification le {formatDateTime(dossier.updatedAt)}</li>
      </ul>

      {dossier.state === DossierState.Brouillon && (
        <Link className="fr-btn fr-mb-4w" to={`/dossiers/${dossier.id}/formulaire`}>
          {closedProcedure ? 'Consulter le brouillon' : 'Reprendre le brouillon'}
        </Link>
      )}
      {dossier.state === DossierState.EnConstruction && (
        <Link className="fr-btn fr-mb-4w" to={`/dossiers/${dossier.id}/formulaire`}>
          Modifier le dossier
        </Link>
      )}

      <h2 className="fr-mt-4w">Contenu du dossier</h2>
      <FieldList dossier={dossier} />

      <h2 className="fr-mt-6w">Historique</h2>
      <History transitions={dossier.history} createdAt={dossier.createdAt} />
    </>
  );
}

function BackLink() {
  return (
    <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/dossiers">
      Retour à mes dossiers
    </Link>
  );
}

/** Renders what the state means for the applicant, and the decision with its motivation. */
function StateNotice({ dossier }: { dossier: DossierView }) {
  const decidedOn = dossier.decidedAt ? ` le ${formatDateTime(dossier.decidedAt)}` : '';
  const motivation = dossier.motivation ? (
    <p style={{ whiteSpace: 'pre-line' }}>Motif : {dossier.motivation}</p>
  ) : null;
  switch (dossier.state) {
    case DossierState.Brouillon:
      return (
        <div className="fr-alert fr-alert--info fr-mb-3w">
          <h2 className="fr-alert__title">Brouillon non déposé</h2>
          <p>L’administration ne voit pas encore ce dossier : complétez-le puis déposez-le.</p>
        </div>
      );
    case DossierState.EnConstruction:
      return (
        <div className="fr-alert fr-alert--info fr-mb-3w">
          <h2 className="fr-alert__title">Dossier déposé</h2>
          <p>
            L’administration va l’examiner. Vous pouvez encore le modifier tant que son instruction
            n’a pas commencé.
          </p>
        </div>
      );
    case DossierState.EnInstruction:
      return (
        <div className="fr-alert fr-alert--info fr-mb-3w">
          <h2 className="fr-alert__title">Dossier en cours d’instruction</h2>
          <p>L’administration examine votre dossier : il ne peut plus être modifié.</p>
        </div>
      );
    case DossierState.Accepte:
      return (
        <div className="fr-alert fr-alert--success fr-mb-3w">
          <h2 className="fr-alert__title">Votre dossier a été accepté{decidedOn}</h2>
          {motivation}
        </div>
      );
    case DossierState.Refuse:
      return (
        <div className="fr-alert fr-alert--error fr-mb-3w">
          <h2 className="fr-alert__title">Votre dossier a été refusé{decidedOn}</h2>
          {motivation}
        </div>
      );
    case DossierState.SansSuite:
      return (
        <div className="fr-alert fr-alert--info fr-mb-3w">
          <h2 className="fr-alert__title">Votre dossier a été classé sans suite{decidedOn}</h2>
          {motivation}
        </div>
      );
  }
}

interface Section {
  title: DossierFieldView | null;
  fields: DossierFieldView[];
}

/** Renders the values grouped under the form's section titles, without the explanations. */
function FieldList({ dossier }: { dossier: DossierView }) {
  const ordered = [...dossier.fields].sort(
    (left, right) => left.definition.position - right.definition.position,
  );
  const sections: Section[] = [{ title: null, fields: [] }];
  for (const field of ordered) {
    if (field.definition.type === FieldType.HeaderSection) {
      sections.push({ title: field, fields: [] });
    } else if (field.definition.type !== FieldType.Explanation) {
      sections[sections.length - 1].fields.push(field);
    }
  }

  return (
    <>
      {sections
        .filter((section) => section.title !== null || section.fields.length > 0)
        .map((section) => (
          <section key={section.title?.definition.stableId ?? 'debut'} className="fr-mb-4w">
            {section.title && <h3 className="fr-h5">{section.title.definition.label}</h3>}
            <dl>
              {section.fields.map((field) => (
                <div key={field.definition.stableId} className="fr-mb-2w">
                  <dt className="fr-text--bold fr-mb-1v">{field.definition.label}</dt>
                  <dd style={{ marginLeft: 0 }}>
                    <FieldValue field={field} attachmentBaseUrl={`/api/dossiers/${dossier.id}`} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
    </>
  );
}

function History({ transitions, createdAt }: { transitions: TransitionView[]; createdAt: string }) {
  // Archiving is the instructors' filing, not a step of the applicant's dossier.
  const ordered = transitions
    .filter((transition) => transition.action !== 'archiver' && transition.action !== 'desarchiver')
    .sort((left, right) => left.at.localeCompare(right.at));
  return (
    <ol>
      <li>
        <p className="fr-mb-1w">
          <span className="fr-text--bold">{formatDateTime(createdAt)}</span> – Brouillon créé
        </p>
      </li>
      {ordered.map((transition) => (
        <li key={`${transition.at}-${transition.action}`}>
          <p className="fr-mb-1w">
            <span className="fr-text--bold">{formatDateTime(transition.at)}</span> –{' '}
            {ACTION_LABELS[transition.action]}
            {transition.actorEmail ? ` par ${transition.actorEmail}` : ''}
          </p>
          {transition.motivation && (
            <p className="fr-mb-1w" style={{ whiteSpace: 'pre-line' }}>
              Motif : {transition.motivation}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
