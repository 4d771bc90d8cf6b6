import { formatSiret } from '@tps/contracts';

/** French messages shown to applicants with a lookup result. */
export const LOOKUP_MESSAGES = {
  pending:
    'L’annuaire des entreprises est momentanément indisponible : vous pouvez déposer votre dossier, les informations seront complétées automatiquement.',
  notFound: 'Nous n’avons pas trouvé d’établissement correspondant à ce numéro SIRET.',
  unavailableForLegalReasons:
    'Les informations de cet établissement ne sont pas diffusées par l’INSEE : vous pouvez poursuivre, le service instructeur les vérifiera.',
  nonDiffusible: (siret: string): string =>
    `L’établissement SIRET ${formatSiret(siret)} a exercé son droit à la non-publication des informations relatives à son identité. Les informations ne seront donc visibles que par les services instructeurs.`,
} as const;
