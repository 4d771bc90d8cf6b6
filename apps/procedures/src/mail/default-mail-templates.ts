import type { MailTemplateKind } from '@tps/contracts';

/**
 * French defaults of the six applicant e-mails, modelled on demarches-simplifiees.fr. A
 * procedure uses them until an administrator saves its own version of a kind.
 */
export const DEFAULT_MAIL_TEMPLATES: Record<MailTemplateKind, { subject: string; body: string }> = {
  dossier_submitted: {
    subject: 'Votre dossier n° --numéro du dossier-- a bien été déposé (--libellé démarche--)',
    body: [
      'Bonjour,',
      'Votre dossier n° --numéro du dossier-- a bien été déposé le --date de dépôt--. Si besoin est, vous pouvez encore y apporter des modifications : --lien dossier--',
      'Bonne journée,',
      '--nom du service--',
    ].join('\n'),
  },
  dossier_instruction_started: {
    subject: 'Votre dossier n° --numéro du dossier-- va être examiné (--libellé démarche--)',
    body: [
      'Bonjour,',
      'Votre dossier n° --numéro du dossier-- a bien été reçu et pris en charge le --date de passage en instruction--. Il va maintenant être examiné par le service.',
      'Vous pouvez suivre son avancement : --lien dossier--',
      'Bonne journée,',
      '--nom du service--',
    ].join('\n'),
  },
  // In the returned and accepted e-mails the motivation has a line of its own: the notifications
  // renderer leaves that line out when the instructor wrote none, and the text reads well either way.
  dossier_returned_to_construction: {
    subject: 'Votre dossier n° --numéro du dossier-- est à compléter (--libellé démarche--)',
    body: [
      'Bonjour,',
      'Le service qui examine votre dossier n° --numéro du dossier-- vous le renvoie pour que vous le complétiez ou le corrigiez.',
      '--motivation--',
      'Vous pouvez modifier votre dossier ici : --lien dossier--',
      'Son examen reprendra une fois vos modifications faites.',
      'Bonne journée,',
      '--nom du service--',
    ].join('\n'),
  },
  dossier_accepted: {
    subject: 'Votre dossier n° --numéro du dossier-- a été accepté (--libellé démarche--)',
    body: [
      'Bonjour,',
      'Votre dossier n° --numéro du dossier-- a été accepté le --date de décision--.',
      '--motivation--',
      'Pour en savoir plus, consultez votre dossier : --lien dossier--',
      'Bonne journée,',
      '--nom du service--',
    ].join('\n'),
  },
  dossier_refused: {
    subject: 'Votre dossier n° --numéro du dossier-- a été refusé (--libellé démarche--)',
    body: [
      'Bonjour,',
      'Nous vous informons que votre dossier n° --numéro du dossier-- a été refusé le --date de décision--.',
      'Le motif de refus est le suivant : --motivation--',
      'Pour en savoir plus, consultez votre dossier : --lien dossier--',
      'Bonne journée,',
      '--nom du service--',
    ].join('\n'),
  },
  dossier_closed_without_follow_up: {
    subject:
      'Votre dossier n° --numéro du dossier-- a été classé sans suite (--libellé démarche--)',
    body: [
      'Bonjour,',
      'Nous vous informons que votre dossier n° --numéro du dossier-- a été classé sans suite le --date de décision--.',
      'Le motif est le suivant : --motivation--',
      'Pour en savoir plus, consultez votre dossier : --lien dossier--',
      'Bonne journée,',
      '--nom du service--',
    ].join('\n'),
  },
};
