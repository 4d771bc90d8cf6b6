import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';

import { useAuth } from '../auth/AuthContext';

const NAVIGATION = [
  { to: '/dossiers', label: 'Mes dossiers' },
  { to: '/instructeur/procedures', label: 'Instruction' },
  { to: '/admin/procedures', label: 'Administration' },
];

/** DSFR page frame: skip links, header with the account tools, main region and footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { account, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const closeMenuButtonRef = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, focus moves to the new content, as after a page load.
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  // The small-screen menu covers the page: focus goes into it when it opens, and back to the
  // « Menu » button when it closes. Both wait for the render, because the page behind the open
  // menu is inert and cannot take the focus until then.
  const returnFocusToMenuButton = useRef(false);
  useEffect(() => {
    if (menuOpen) {
      closeMenuButtonRef.current?.focus();
    } else if (returnFocusToMenuButton.current) {
      returnFocusToMenuButton.current = false;
      menuButtonRef.current?.focus();
    }
  }, [menuOpen]);

  function closeMenu() {
    returnFocusToMenuButton.current = true;
    setMenuOpen(false);
  }

  async function onSignOut() {
    await signOut();
    void navigate('/');
  }

  const tools =
    account === undefined ? null : account === null ? (
      <ul className="fr-btns-group">
        <li>
          <Link className="fr-btn fr-icon-lock-line" to="/connexion">
            Se connecter
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-icon-account-circle-line" to="/inscription">
            Créer un compte
          </Link>
        </li>
      </ul>
    ) : (
      <ul className="fr-btns-group">
        <li>
          <span
            className="fr-btn fr-icon-account-circle-line"
            aria-label={`Connecté en tant que ${account.email}`}
          >
            {account.email}
          </span>
        </li>
        <li>
          <button
            type="button"
            className="fr-btn fr-icon-logout-box-r-line"
            onClick={() => void onSignOut()}
          >
            Se déconnecter
          </button>
        </li>
      </ul>
    );

  return (
    <>
      <div className="fr-skiplinks" inert={menuOpen}>
        <nav className="fr-container" aria-label="Accès rapide">
          <ul className="fr-skiplinks__list">
            <li>
              <a className="fr-link" href="#contenu">
                Contenu
              </a>
            </li>
            <li>
              <a className="fr-link" href="#navigation">
                Menu
              </a>
            </li>
            <li>
              <a className="fr-link" href="#pied-de-page">
                Pied de page
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <header role="banner" className="fr-header">
        <div className="fr-header__body" inert={menuOpen}>
          <div className="fr-container">
            <div className="fr-header__body-row">
              <div className="fr-header__brand fr-enlarge-link">
                <div className="fr-header__brand-top">
                  <div className="fr-header__logo">
                    <p className="fr-logo">
                      République
                      <br />
                      Française
                    </p>
                  </div>
                  <div className="fr-header__navbar">
                    <button
                      type="button"
                      className="fr-btn--menu fr-btn"
                      aria-controls="menu-principal"
                      aria-expanded={menuOpen}
                      id="bouton-menu"
                      title="Menu"
                      ref={menuButtonRef}
                      onClick={() => setMenuOpen(true)}
                    >
                      Menu
                    </button>
                  </div>
                </div>
                <div className="fr-header__service">
                  <Link to="/" title="Accueil – TPS">
                    <p className="fr-header__service-title">TPS</p>
                  </Link>
                  <p className="fr-header__service-tagline">TéléProcédure Simplifiée</p>
                </div>
              </div>
              <div className="fr-header__tools">
                <div className="fr-header__tools-links">{tools}</div>
              </div>
            </div>
          </div>
        </div>
        {/* On small screens the menu covers the page like a dialog, so everything else is inert
            while it is open: Tab and screen readers stay inside it. On wide screens it is the
            header's navigation bar and never opens. */}
        <div
          className={`fr-header__menu fr-modal${menuOpen ? ' fr-modal--opened' : ''}`}
          id="menu-principal"
          role={menuOpen ? 'dialog' : undefined}
          aria-modal={menuOpen ? true : undefined}
          aria-labelledby="bouton-menu"
          onKeyDown={(event) => {
            if (menuOpen && event.key === 'Escape') {
              closeMenu();
            }
          }}
        >
          <div className="fr-container">
            <button
              type="button"
              className="fr-btn--close fr-btn"
              aria-controls="menu-principal"
              title="Fermer"
              ref={closeMenuButtonRef}
              onClick={closeMenu}
            >
              Fermer
            </button>
            <div className="fr-header__menu-links">{menuOpen ? tools : null}</div>
            <nav className="fr-nav" id="navigation" aria-label="Menu principal">
              <ul className="fr-nav__list">
                <li className="fr-nav__item">
                  <NavLink className="fr-nav__link" to="/" end>
                    Accueil
                  </NavLink>
                </li>
                {account
                  ? NAVIGATION.map((item) => (
                      <li className="fr-nav__item" key={item.to}>
                        <NavLink className="fr-nav__link" to={item.to}>
                          {item.label}
                        </NavLink>
                      </li>
                    ))
                  : null}
              </ul>
            </nav>
          </div>
        </div>
      </header>
      <main id="contenu" role="main" tabIndex={-1} ref={mainRef} inert={menuOpen}>
        <div className="fr-container fr-pt-4w fr-pb-8w">{children}</div>
      </main>
      <footer className="fr-footer" role="contentinfo" id="pied-de-page" inert={menuOpen}>
        <div className="fr-container">
          <div className="fr-footer__body">
            <div className="fr-footer__brand fr-enlarge-link">
              <Link to="/" title="Retour à l’accueil – TPS">
                <p className="fr-logo">
                  République
                  <br />
                  Française
                </p>
              </Link>
            </div>
            <div className="fr-footer__content">
              <p className="fr-footer__content-desc">
                TPS permet à toute administration de créer une démarche en ligne, puis de recevoir
                et d’instruire les dossiers qui y sont déposés.
              </p>
            </div>
          </div>
          <div className="fr-footer__bottom">
            <ul className="fr-footer__bottom-list">
              <li className="fr-footer__bottom-item">
                <span className="fr-footer__bottom-link">
                  Accessibilité : partiellement conforme
                </span>
              </li>
              <li className="fr-footer__bottom-item">
                <a className="fr-footer__bottom-link" href="/api/docs">
                  API
                </a>
              </li>
            </ul>
          </div>
        </div>
      </footer>
    </>
  );
}
