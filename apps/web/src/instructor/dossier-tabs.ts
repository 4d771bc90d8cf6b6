import type { DossierCountByState } from '@tps/contracts';
import { DossierState } from '@tps/contracts/dossiers/dossier-state';

/**
 * One tab of the dossier list. The API filters on one state at a time, so each terminal state
 * has its own tab, and archived dossiers (of any terminal state) have theirs.
 */
export interface DossierTab {
  /** Value of the `etat` search parameter. */
  id: string;
  /** Label without the count, e.g. « Acceptés ». */
  label: string;
  /** Adjective used in the table caption, e.g. « acceptés ». */
  caption: string;
  state?: DossierState;
  archived: boolean;
  count: (counts: DossierCountByState) => number;
}

export const DOSSIER_TABS: DossierTab[] = [
  {
    id: DossierState.EnConstruction,
    label: 'En construction',
    caption: 'en construction',
    state: DossierState.EnConstruction,
    archived: false,
    count: (counts) => counts.en_construction,
  },
  {
    id: DossierState.EnInstruction,
    label: 'En instruction',
    caption: 'en instruction',
    state: DossierState.EnInstruction,
    archived: false,
    count: (counts) => counts.en_instruction,
  },
  {
    id: DossierState.Accepte,
    label: 'Acceptés',
    caption: 'acceptés',
    state: DossierState.Accepte,
    archived: false,
    count: (counts) => counts.accepte,
  },
  {
    id: DossierState.Refuse,
    label: 'Refusés',
    caption: 'refusés',
    state: DossierState.Refuse,
    archived: false,
    count: (counts) => counts.refuse,
  },
  {
    id: DossierState.SansSuite,
    label: 'Classés sans suite',
    caption: 'classés sans suite',
    state: DossierState.SansSuite,
    archived: false,
    count: (counts) => counts.sans_suite,
  },
  {
    id: 'archives',
    label: 'Archivés',
    caption: 'archivés',
    archived: true,
    count: (counts) => counts.archived,
  },
];

/** Finds the tab named by the `etat` search parameter, or the first tab when it is absent or unknown. */
export function findDossierTab(id: string | null): DossierTab {
  return DOSSIER_TABS.find((tab) => tab.id === id) ?? DOSSIER_TABS[0];
}

/** Query string of GET /api/instructor/procedures/:id/dossiers for one page of a tab. */
export function dossierListQuery(
  tab: DossierTab,
  cursor: string | null,
  limit: number,
  search: string | null = null,
): string {
  const query = new URLSearchParams({ archived: String(tab.archived), limit: String(limit) });
  if (tab.state) {
    query.set('state', tab.state);
  }
  if (cursor) {
    query.set('cursor', cursor);
  }
  if (search) {
    query.set('search', search);
  }

  return query.toString();
}
