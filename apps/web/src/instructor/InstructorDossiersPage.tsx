import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DossierCountByState, DossierPage, ProcedureSummary } from '@tps/contracts';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';

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
import { OtherTabsMatches } from './OtherTabsMatches';
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

  return Array.isArray(cursors) && cursors.every((cursor) => typeof cursor === 'string')
    ? cursors
    : null;
}

/** Lists the dossiers of one procedure, by state in tabs, one keyset page at a time. */
export function InstructorDossiersPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const tab = findDossierTab(params.get('etat'));
  const cursor = params.get('curseur');
  const search = params.get('recherche')?.trim() || null;

  const procedure = useResource(async () => {
    const procedures = await api<ProcedureSummary[]>('GET', '/instructor/procedures');
    const found = procedures.find((candidate) => candidate.id === id);
    if (!found) {
      throw new ApiError(
        404,
        'NOT_FOUND',
        'Cette démarche n’existe pas ou vous n’en êtes pas instructeur.',
      );
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
    void navigate({ search: listSearch(tabId, null, search) }, { replace: viaKeyboard });
  }

  if (procedure.error !== undefined) {
    return (
      <>
        <Breadcrumb
          items={[
            { label: 'Démarches à instruire', to: INSTRUCTOR_PROCEDURES_PATH },
            { label: 'Dossiers' },
          ]}
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
        <DossierSearchForm
          key={`${tab.id}|${search ?? ''}`}
          tab={tab}
          search={search}
          onSearch={(text) => void navigate({ search: listSearch(tab.id, null, text) })}
        />
        <DossierListPanel
          key={`${tab.id}|${cursor ?? ''}|${search ?? ''}`}
          procedureId={id}
          tab={tab}
          cursor={cursor}
          search={search}
          previousCursors={previousCursorsOf(location.state)}
        />
      </Tabs>
    </>
  );
}

/** Address query of a list page: tab, then the cursor and the search when there are any. */
function listSearch(tabId: string, cursor: string | null, search: string | null): string {
  const query = new URLSearchParams({ etat: tabId });
  if (cursor) {
    query.set('curseur', cursor);
  }
  if (search) {
    query.set('recherche', search);
  }
  return query.toString();
}

interface DossierSearchFormProps {
  tab: DossierTab;
  search: string | null;
  onSearch: (text: string | null) => void;
}

/** Searches the current tab on the server, by dossier number or applicant e-mail address. */
function DossierSearchForm({ tab, search, onSearch }: DossierSearchFormProps) {
  const [text, setText] = useState(search ?? '');
  const inputId = `recherche-${tab.id}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onSearch(text.trim() || null);
  }

  return (
    <form
      className="fr-mb-3w"
      role="search"
      aria-label="Rechercher des dossiers"
      onSubmit={onSubmit}
    >
      <div className="fr-input-group fr-mb-1w">
        <label className="fr-label" htmlFor={inputId}>
          Rechercher parmi les dossiers {tab.caption}
          <span className="fr-hint-text">
            Numéro de dossier (par exemple 42) ou adresse électronique du demandeur.
          </span>
        </label>
        <div className="fr-search-bar" style={{ maxWidth: '36rem' }}>
          <input
            className="fr-input"
            type="search"
            id={inputId}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="fr-btn" title="Rechercher">
            Rechercher
          </button>
        </div>
      </div>
      {search && (
        <button
          type="button"
          className="fr-btn fr-btn--sm fr-btn--tertiary"
          onClick={() => onSearch(null)}
        >
          Effacer la recherche « {search} »
        </button>
      )}
    </form>
  );
}

interface DossierListPanelProps {
  procedureId: string;
  tab: DossierTab;
  cursor: string | null;
  search: string | null;
  /** Null when the page was opened from an address rather than from « Page suivante ». */
  previousCursors: string[] | null;
}

function DossierListPanel({
  procedureId,
  tab,
  cursor,
  search,
  previousCursors,
}: DossierListPanelProps) {
  const page = useResource(
    () =>
      api<DossierPage>(
        'GET',
        `/instructor/procedures/${procedureId}/dossiers?${dossierListQuery(tab, cursor, PAGE_SIZE, search)}`,
      ),
    `${procedureId}|${tab.id}|${cursor ?? ''}|${search ?? ''}`,
  );

  if (page.error !== undefined) {
    // A cursor comes from « Page suivante »; one edited by hand or from an older version of the
    // list is rejected, and the first page is what the user can still use.
    if (cursor && page.error instanceof ApiError && page.error.status === 400) {
      return (
        <div className="fr-alert fr-alert--warning" role="alert">
          <h3 className="fr-alert__title">Cette page de la liste n’est plus disponible</h3>
          <p>
            Le lien suivi est incomplet ou trop ancien.{' '}
            <Link to={{ search: listSearch(tab.id, null, search) }}>
              Revenir à la première page
            </Link>
          </p>
        </div>
      );
    }
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
  const pageTarget = (target: string, stack: string[]): PageTarget => ({
    search: listSearch(tab.id, target || null, search),
    state: { previousCursors: stack } satisfies PagingState,
  });
  const previous = cursor ? pageTarget(earlier.at(-1) ?? '', earlier.slice(0, -1)) : null;
  const next = page.data.nextCursor
    ? pageTarget(page.data.nextCursor, [...earlier, cursor ?? ''])
    : null;

  const pagination = (
    <CursorPagination
      page={pageNumber}
      previous={previous}
      next={next}
      previousLabel={previousCursors === null && cursor ? 'Première page' : 'Page précédente'}
    />
  );
  const items = page.data.items;
  const status = search
    ? countOf(items.length, 'Un dossier trouvé', '# dossiers trouvés') +
      (page.data.nextCursor ? ' sur cette page' : '')
    : '';
  return (
    <>
      <p className="fr-sr-only" role="status" aria-live="polite">
        {status}
      </p>
      {items.length === 0 ? (
        <>
          <p className="fr-mb-0">
            {search
              ? `Aucun des dossiers ${tab.caption} ne correspond à « ${search} ».`
              : cursor
                ? 'Aucun dossier sur cette page.'
                : `La liste des dossiers ${tab.caption} est vide.`}
          </p>
        </>
      ) : (
        <DossiersTable
          dossiers={items}
          caption={tableCaption(tab, pageNumber, search)}
          focusOnShow={previousCursors !== null}
        />
      )}
      {search && !cursor && (
        <OtherTabsMatches
          procedureId={procedureId}
          search={search}
          tab={tab}
          tabHasMatches={items.length > 0}
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

function tableCaption(tab: DossierTab, page: number | null, search: string | null): string {
  const where = page === null ? '' : `, page ${page}`;
  const searchNote = search === null ? '' : ` (recherche : ${search})`;

  return `Dossiers ${tab.caption}${searchNote}${where}`;
}
