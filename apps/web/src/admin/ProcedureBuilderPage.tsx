import type { ProcedureView } from '@tps/contracts';
import { useCallback } from 'react';
import { Link, Route, Routes, useParams } from 'react-router';

import { api, ApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useResource } from '../components/useResource';
import { usePageTitle } from '../layout/usePageTitle';
import { Breadcrumb, type BreadcrumbItem } from './Breadcrumb';
import type { BuilderSectionProps } from './builder/builder-section';
import { FieldsSection } from './builder/FieldsSection';
import { InformationsSection } from './builder/InformationsSection';
import { InstructorsSection } from './builder/InstructorsSection';
import { isMailKind, MAIL_KIND_LABELS } from './builder/mail-kinds';
import { MailTemplateEditor } from './builder/MailTemplateEditor';
import { MailTemplatesSection } from './builder/MailTemplatesSection';
import { PreviewSection } from './builder/PreviewSection';
import { PublicationSection } from './builder/PublicationSection';
import { hasUnpublishedFormChanges } from './builder/revision-changes';
import { ProcedureStateBadge } from './ProcedureStateBadge';

/** Sub-pages of the builder: path below /admin/procedures/:id and side-menu label. */
const SECTIONS = [
  { path: '', label: 'Informations' },
  { path: 'champs', label: 'Formulaire' },
  { path: 'apercu', label: 'Aperçu' },
  { path: 'emails', label: 'E-mails' },
  { path: 'instructeurs', label: 'Instructeurs' },
  { path: 'publication', label: 'Publication' },
] as const;

/**
 * Lets an administrator edit one procedure: its text, its form, the e-mails sent to applicants,
 * its instructors and its publication. Each part is a sub-route reached from a side menu.
 */
export function ProcedureBuilderPage() {
  const { id = '', '*': rest = '' } = useParams();
  const procedure = useResource(() => api<ProcedureView>('GET', `/admin/procedures/${id}`), id);
  const { setData } = procedure;

  // Reads the procedure again without showing the loading state, after a change of the form.
  const refresh = useCallback(async () => {
    setData(await api<ProcedureView>('GET', `/admin/procedures/${id}`));
  }, [id, setData]);

  if (procedure.data === undefined || procedure.data.id !== id) {
    return <BuilderStatus loading={procedure.loading} error={procedure.error} />;
  }

  const current = procedure.data;
  const [sectionPath, subPath] = rest.split('/');
  const section = SECTIONS.find((candidate) => candidate.path === sectionPath) ?? SECTIONS[0];
  const base = `/admin/procedures/${current.id}`;
  const crumbs: BreadcrumbItem[] = [
    { label: 'Mes démarches', to: '/admin/procedures' },
    { label: current.title, to: base },
    { label: section.label, to: `${base}/${section.path}` },
  ];
  if (isMailKind(subPath)) {
    crumbs.push({ label: MAIL_KIND_LABELS[subPath] });
  } else {
    delete crumbs[crumbs.length - 1].to;
  }
  const props: BuilderSectionProps = { procedure: current, onProcedureChange: setData, refresh };

  return (
    <>
      <Breadcrumb items={crumbs} />
      <h1 className="fr-mb-1w">{current.title}</h1>
      <p className="fr-mb-3w">
        <ProcedureStateBadge state={current.state} />
        <span className="fr-ml-2w fr-text--sm">{current.organisation}</span>
      </p>
      {current.state !== 'brouillon' &&
        hasUnpublishedFormChanges(current) &&
        section.path !== 'publication' && (
          <div className="fr-notice fr-notice--info fr-mb-3w">
            <div className="fr-container">
              <div className="fr-notice__body">
                <p className="fr-notice__title">
                  Le formulaire a des modifications qui ne sont pas encore publiées : les usagers
                  voient toujours la version précédente.{' '}
                  <Link to={`${base}/publication`}>Publier les modifications</Link>
                </p>
              </div>
            </div>
          </div>
        )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-3">
          <SideMenu base={base} active={section.path} />
        </div>
        <div className="fr-col-12 fr-col-md-9">
          <Routes>
            <Route index element={<InformationsSection {...props} />} />
            <Route path="champs" element={<FieldsSection {...props} />} />
            <Route path="apercu" element={<PreviewSection {...props} />} />
            <Route path="emails" element={<MailTemplatesSection {...props} />} />
            <Route path="emails/:kind" element={<MailTemplateEditor {...props} />} />
            <Route path="instructeurs" element={<InstructorsSection {...props} />} />
            <Route path="publication" element={<PublicationSection {...props} />} />
            <Route path="*" element={<UnknownSection base={base} />} />
          </Routes>
        </div>
      </div>
    </>
  );
}

function SideMenu({ base, active }: { base: string; active: string }) {
  return (
    <nav className="fr-sidemenu" aria-labelledby="menu-demarche-titre">
      <div className="fr-sidemenu__inner">
        <p className="fr-sidemenu__title" id="menu-demarche-titre">
          Configurer la démarche
        </p>
        <ul className="fr-sidemenu__list">
          {SECTIONS.map((section) => {
            const isActive = section.path === active;
            return (
              <li
                key={section.path}
                className={`fr-sidemenu__item${isActive ? ' fr-sidemenu__item--active' : ''}`}
              >
                <Link
                  className="fr-sidemenu__link"
                  to={section.path ? `${base}/${section.path}` : base}
                  aria-current={isActive ? 'page' : undefined}
                >
                  {section.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}

function BuilderStatus({ loading, error }: { loading: boolean; error: unknown }) {
  const missing = error instanceof ApiError && (error.isNotFound() || error.status === 403);
  usePageTitle(missing ? 'Démarche introuvable' : 'Démarche');
  if (loading || error === undefined) {
    return <Loading />;
  }

  return (
    <>
      <Breadcrumb
        items={[{ label: 'Mes démarches', to: '/admin/procedures' }, { label: 'Démarche' }]}
      />
      <h1>{missing ? 'Démarche introuvable' : 'Démarche'}</h1>
      {missing ? (
        <p>Cette démarche n’existe pas, ou vous n’en êtes pas administrateur.</p>
      ) : (
        <ErrorAlert error={error} title="Impossible d’afficher la démarche" />
      )}
      <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/admin/procedures">
        Retour à mes démarches
      </Link>
    </>
  );
}

function UnknownSection({ base }: { base: string }) {
  usePageTitle('Page introuvable');

  return (
    <>
      <h2>Page introuvable</h2>
      <p>
        Cette partie de la démarche n’existe pas.{' '}
        <Link to={base}>Revenir aux informations de la démarche</Link>
      </p>
    </>
  );
}
