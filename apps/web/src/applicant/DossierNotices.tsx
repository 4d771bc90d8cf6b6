import type { DossierView, PublicProcedureView, TransitionView } from '@tps/contracts';
import { DossierState, InstructorAction } from '@tps/contracts/dossiers/dossier-state';

import { api } from '../api/client';
import { formatDate, formatDateTime } from '../components/format';
import { useResource } from '../components/useResource';

/**
 * Notices shared by the dossier page and the form: a dossier sent back for correction, and a
 * draft whose procedure is closed.
 */

/**
 * Returns the transition that sent the dossier back to construction, when it is the last step of
 * its history (archiving, the instructors' filing, left out) and the dossier is still there.
 */
export function sentBackTransition(dossier: DossierView): TransitionView | null {
  if (dossier.state !== DossierState.EnConstruction) {
    return null;
  }
  const steps = dossier.history
    .filter((transition) => transition.action !== 'archiver' && transition.action !== 'desarchiver')
    .sort((left, right) => left.at.localeCompare(right.at));
  const last = steps.at(-1);

  return last?.action === InstructorAction.RepasserEnConstruction ? last : null;
}

interface SentBackNoticeProps {
  transition: TransitionView;
  /** True on the form itself, false on the dossier page, which links to the form. */
  inForm: boolean;
}

/** Says the administration sent the dossier back, with its message, and how to correct it. */
export function SentBackNotice({ transition, inForm }: SentBackNoticeProps) {
  return (
    <div className="fr-alert fr-alert--warning fr-mb-3w">
      <h2 className="fr-alert__title">Dossier renvoyé pour correction</h2>
      <p>
        L’administration vous a renvoyé ce dossier le {formatDateTime(transition.at)} pour que vous
        le corrigiez : son instruction est suspendue.
      </p>
      {transition.motivation && (
        <>
          <p className="fr-mb-0">Message de l’administration :</p>
          <blockquote className="fr-my-1w fr-ml-2w" style={{ whiteSpace: 'pre-line' }}>
            {transition.motivation}
          </blockquote>
        </>
      )}
      <p>
        {inForm
          ? 'Corrigez votre dossier ci-dessous. Chaque modification est enregistrée et visible par l’administration, qui reprendra ensuite l’instruction.'
          : 'Corrigez-le avec le bouton « Modifier le dossier » ci-dessous. Vos modifications sont enregistrées et visibles par l’administration, qui reprendra ensuite l’instruction.'}
      </p>
    </div>
  );
}

/**
 * Loads the public view of the dossier's procedure when the dossier is a draft, because only a
 * draft needs the procedure to be open. Returns undefined until it has loaded, and when the read
 * failed: the submission's own error then explains a refusal.
 */
export function useDraftProcedure(
  dossier: DossierView | undefined,
): PublicProcedureView | undefined {
  const procedureId = dossier?.state === DossierState.Brouillon ? dossier.procedureId : null;
  const resource = useResource(
    () =>
      procedureId
        ? api<PublicProcedureView>('GET', `/procedures/${procedureId}`)
        : Promise.resolve(undefined),
    procedureId ?? 'none',
  );

  return procedureId && resource.data?.id === procedureId ? resource.data : undefined;
}

/** Says the procedure takes no more dossiers, so the draft can no longer be submitted. */
export function ClosedProcedureNotice({ procedure }: { procedure: PublicProcedureView }) {
  return (
    <div className="fr-alert fr-alert--warning fr-mb-3w">
      <h2 className="fr-alert__title">Cette démarche est close</h2>
      <p>
        Elle n’accepte plus de nouveaux dossiers
        {procedure.closedAt ? ` depuis le ${formatDate(procedure.closedAt)}` : ''} : ce brouillon ne
        peut plus être déposé. Vous pouvez encore le consulter, et vos dossiers déjà déposés restent
        visibles dans « Mes dossiers ». Pour toute question, écrivez à{' '}
        <a href={`mailto:${procedure.contactEmail}`}>{procedure.contactEmail}</a>.
      </p>
    </div>
  );
}
