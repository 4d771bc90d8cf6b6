import type { FieldDefinition } from '@tps/contracts';
import type { MouseEvent, Ref } from 'react';

import { fieldFocusId } from '../components/fields/FieldInput';

export interface SummaryItem {
  definition: FieldDefinition;
  message: string;
}

interface ErrorSummaryProps {
  ref: Ref<HTMLDivElement>;
  idPrefix: string;
  items: SummaryItem[];
  isDraft: boolean;
}

/** DSFR error alert listing the fields to fix, each a link that focuses its field. */
export function ErrorSummary({ ref, idPrefix, items, isDraft }: ErrorSummaryProps) {
  function focusField(event: MouseEvent<HTMLAnchorElement>, targetId: string) {
    const target = document.getElementById(targetId);
    if (target) {
      event.preventDefault();
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    }
  }

  return (
    <div
      className="fr-alert fr-alert--error fr-mb-3w"
      ref={ref}
      tabIndex={-1}
      id="resume-des-erreurs"
    >
      <h2 className="fr-alert__title">
        {isDraft ? 'Le dossier ne peut pas encore être déposé' : 'Certains champs sont à corriger'}
      </h2>
      <p>
        {items.length === 1
          ? 'Corrigez ou complétez le champ suivant :'
          : `Corrigez ou complétez les ${items.length} champs suivants :`}
      </p>
      <ul>
        {items.map(({ definition, message }) => {
          const targetId = fieldFocusId(idPrefix, definition);
          return (
            <li key={definition.stableId}>
              <a href={`#${targetId}`} onClick={(event) => focusField(event, targetId)}>
                {definition.label} : {message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
