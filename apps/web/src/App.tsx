import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';

import { AdminProceduresPage } from './admin/AdminProceduresPage';
import { NewProcedurePage } from './admin/NewProcedurePage';
import { ProcedureBuilderPage } from './admin/ProcedureBuilderPage';
import { DossierFormPage } from './applicant/DossierFormPage';
import { DossierPage } from './applicant/DossierPage';
import { MyDossiersPage } from './applicant/MyDossiersPage';
import { ProcedureStartPage } from './applicant/ProcedureStartPage';
import { RequireAuth } from './auth/RequireAuth';
import { InstructorDossierPage } from './instructor/InstructorDossierPage';
import { InstructorDossiersPage } from './instructor/InstructorDossiersPage';
import { InstructorProceduresPage } from './instructor/InstructorProceduresPage';
import { Layout } from './layout/Layout';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';

function signedIn(page: ReactNode) {
  return <RequireAuth>{page}</RequireAuth>;
}

/** Routes every page of the site. Paths are French because users read them. */
export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/connexion" element={<SignInPage />} />
        <Route path="/inscription" element={<SignUpPage />} />
        <Route path="/commencer/:path" element={<ProcedureStartPage />} />

        <Route path="/dossiers" element={signedIn(<MyDossiersPage />)} />
        <Route path="/dossiers/:id" element={signedIn(<DossierPage />)} />
        <Route path="/dossiers/:id/formulaire" element={signedIn(<DossierFormPage />)} />

        <Route path="/admin/procedures" element={signedIn(<AdminProceduresPage />)} />
        <Route path="/admin/procedures/nouvelle" element={signedIn(<NewProcedurePage />)} />
        <Route path="/admin/procedures/:id/*" element={signedIn(<ProcedureBuilderPage />)} />

        <Route path="/instructeur/procedures" element={signedIn(<InstructorProceduresPage />)} />
        <Route path="/instructeur/procedures/:id" element={signedIn(<InstructorDossiersPage />)} />
        <Route path="/instructeur/dossiers/:id" element={signedIn(<InstructorDossierPage />)} />

        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
