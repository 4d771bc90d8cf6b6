import { useState } from 'react';
import type { DossierCountByState, DossierPage, ProcedureSummary } from '@tps/contracts';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';

import { api, ApiError } from '../api/client';
import { Breadcrumb } from '../admin/Breadcrumb';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useResource } from '../components/useResource';
import { usePageTitle } from '../layout/usePageTitle';
import { CursorPagination } from './CursorPagination';
import type { PageTarget } from './CursorPagination';
import { DOSSIER_TABS, dossierListQuery, findDossierTab } from './dossier-tabs';
import type { DossierTab } from './dossier-tabs';
import { DossiersTable } from './DossiersTable';
import { INSTRUCTOR_PROCEDURES_PATH } from './paths';
import { Tabs } from './Tabs';

const PAGE_SIZE = 20;

/**
 * History state of a list page: the cursors of the pages before it, '' standing for the first
 * page. It lives in the history entry rather than the address, so « Page précédente » works after
 * a reload or the Back button, and a shared address stays short.
 */
interface PagingState {
  previousCursors: string[];
}

function previousCursorsOf(state: unknown): string[] | null {
  const cursors = (state as Partial<PagingState> | null)?.previousCursors;

  return Array.isArray(cursors) && cursors.every((cursor) => typeof cursor === 'string') ? cursors : null;
}

/** Lists the dossiers of one procedure, by state in tabs, one keyset page at a time. */
export function InstructorDossiersPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const tab = findDossierTab(params.get('etat'));
  const cursor = params.get('curseur');

  const procedure = useResource(async () => {
    const procedures = await api<ProcedureSummary[]>('GET', '/instructor/procedures');
    const found = procedures.find((candidate) => candidate.id === id);
    if (!found) {
      throw new ApiError(404, 'NOT_FOUND', 'Cette démarche n’existe pas ou vous n’en êtes pas instructeur.');
    }
    return found;
  }, id);
  const counts = useResource(
    () => api<DossierCountByState>('GET', `/instructor/procedures/${id}/counts`),
    id,
  );
  usePageTitle(procedure.data ? `Dossiers – ${procedure.data.title}` : 'Dossiers de la démarche');

  function selectTab(tabId: string, viaKeyboard: boolean) {
    if (tabId === tab.id) {
      return;
    }
    // Arrow keys walk through the tabs, so they replace the entry instead of piling one per tab.
    void navigate({ search: new URLSearchParams({ etat: tabId }).toString() }, { replace: viaKeyboard });
  }

  if (procedure.error !== undefined) {
    return (
      <>
        <Breadcrumb
          items={[{ label: 'Démarches à instruire', to: INSTRUCTOR_PROCEDURES_PATH }, { label: 'Dossiers' }]}
        />
        <h1>Dossiers de la démarche</h1>
        <ErrorAlert error={procedure.error} title="Impossible d’afficher cette démarche" />
      </>
    );
  }
  if (procedure.data === undefined) {
    return <Loading label="Chargement de la démarche…" />;
  }

  const tabs = DOSSIER_TABS.map((entry) => ({
    id: entry.id,
    label: counts.data ? `${entry.label} (${entry.count(counts.data)})` : entry.label,
  }));

  return (
    <>
      <Breadcrumb
        items={[
          { label: 'Démarches à instruire', to: INSTRUCTOR_PROCEDURES_PATH },
          { label: procedure.data.title },
        ]}
      />
      <h1>{procedure.data.title}</h1>
      <p className="fr-text--lead">{procedure.data.organisation}</p>
      {counts.error !== undefined && (
        <ErrorAlert error={counts.error} title="Impossible de compter les dossiers" />
      )}
      <Tabs label="Dossiers par état" tabs={tabs} selectedId={tab.id} onSelect={selectTab}>
        <DossierListPanel
          key={`${tab.id}|${cursor ?? ''}`}
          procedureId={id}
          tab={tab}
          cursor={cursor}
          previousCursors={previousCursorsOf(location.state)}
        />
      </Tabs>
    </>
  );
}

interface DossierListPanelProps {
  procedureId: string;
  tab: DossierTab;
  cursor: string | null;
  /** Null when the page was opened from an address rather than from « Page suivante ». */
  previousCursors: string[] | null;
}

function DossierListPanel({ procedureId, tab, cursor, previousCursors }: DossierListPanelProps) {
  const [filter, setFilter] = useState('');
  const page = useResource(
    () =>
      api<DossierPage>(
        'GET',
        `/instructor/procedures/${procedureId}/dossiers?${dossierListQuery(tab, cursor, PAGE_SIZE)}`,
      ),
    `${procedureId}|${tab.id}|${cursor ?? ''}`,
  );

  if (page.error !== undefined) {
    return <ErrorAlert error={page.error} title="Impossible d’afficher les dossiers" />;
  }
  if (page.data === undefined) {
    return <Loading label="Chargement des dossiers…" />;
  }

  const earlier = cursor ? (previousCursors ?? ['']) : [];
  // Opened from an address with a cursor, the page's rank is unknown.
  let pageNumber: number | null = null;
  if (!cursor) {
    pageNumber = 1;
  } else if (previousCursors) {
    pageNumber = earlier.length + 1;
  }
  const pageTarget = (target: string, stack: string[]): PageTarget => {
    const search = new URLSearchParams({ etat: tab.id });
    if (target) {
      search.set('curseur', target);
    }
    return { search: search.toString(), state: { previousCursors: stack } satisfies PagingState };
  };
  const previous = cursor ? pageTarget(earlier.at(-1) ?? '', earlier.slice(0, -1)) : null;
  const next = page.data.nextCursor ? pageTarget(page.data.nextCursor, [...earlier, cursor ?? '']) : null;

  const pagination = (
    <CursorPagination
      page={pageNumber}
      previous={previous}
      next={next}
      previousLabel={previousCursors === null && cursor ? 'Première page' : 'Page précédente'}
    />
  );
  const items = page.data.items;
  if (items.length === 0) {
    return (
      <>
        <p className="fr-mb-0">
          {cursor ? 'Aucun dossier sur cette page.' : `Aucun dossier ${tab.caption} pour cette démarche.`}
        </p>
        {pagination}
      </>
    );
  }

  const query = filter.trim().toLowerCase().replace(/^n°\s*/, '');
  const matching = query
    ? items.filter(
        (dossier) => String(dossier.number) === query || dossier.applicantEmail.toLowerCase().includes(query),
      )
    : items;
  const filterId = `filtre-${tab.id}`;

  return (
    <>
      <div className="fr-input-group fr-col-12 fr-col-md-8">
        <label className="fr-label" htmlFor={filterId}>
          Filtrer cette page par numéro ou adresse électronique
          <span className="fr-hint-text">
            Le filtre porte seulement sur{' '}
            {countOf(items.length, 'le dossier affiché', 'les # dossiers affichés')} sur cette page.
          </span>
        </label>
        <input
          className="fr-input"
          type="search"
          id={filterId}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      <p className="fr-sr-only" role="status" aria-live="polite">
        {query ? `${countOf(matching.length, 'Un dossier correspond', '# dossiers correspondent')} au filtre.` : ''}
      </p>
      {matching.length === 0 ? (
        <p>Aucun dossier de cette page ne correspond au filtre « {filter.trim()} ».</p>
      ) : (
        <DossiersTable
          dossiers={matching}
          caption={tableCaption(tab, pageNumber, query ? `${matching.length} sur ${items.length}` : null)}
        />
      )}
      {pagination}
    </>
  );
}

/** Returns `one` for a count of 1, else `many` with `#` replaced by the count. */
function countOf(count: number, one: string, many: string): string {
  return count === 1 ? one : many.replace('#', String(count));
}

function tableCaption(tab: DossierTab, page: number | null, filtered: string | null): string {
  const where = page === null ? '' : `, page ${page}`;
  const filterNote = filtered === null ? '' : ` (filtrés : ${filtered})`;

  return `Dossiers ${tab.caption}${where}${filterNote}`;
}
