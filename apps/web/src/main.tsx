import '@gouvfr/dsfr/dist/dsfr.main.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-system/icons-system.main.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-arrows/icons-arrows.main.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-document/icons-document.main.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-user/icons-user.main.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-business/icons-business.main.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-design/icons-design.main.min.css';
import './app.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';

import { App } from './App';
import { AuthProvider } from './auth/AuthContext';

const root = document.getElementById('root');
if (root === null) {
  throw new Error('index.html has no #root element');
}

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <AuthProvider>
        <App />
      </AuthProvider>
    </BrowserRouter>
  </StrictMode>,
);
