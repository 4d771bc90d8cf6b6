import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

interface ModalProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom, right-aligned as in the DSFR. */
  footer?: ReactNode;
}

/**
 * DSFR modal on a native <dialog>: showModal() traps focus and Escape closes it, and focus
 * returns to the element that opened it.
 */
export function Modal({ title, open, onClose, children, footer }: ModalProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  // Kept in a ref rather than an effect cleanup: StrictMode runs effects twice on mount, which
  // would spend the cleanup before the dialog is ever closed.
  const openerRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) {
      return;
    }
    if (open && !dialog.open) {
      openerRef.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
      // The DSFR shows the modal through a CSS transition, and showModal() cannot focus inside
      // a dialog that is still hidden: focus once it is drawn. A field marked autoFocus comes
      // first, else the title, so screen readers read the question before the buttons.
      requestAnimationFrame(() => {
        // showModal() itself focuses the first button, « Fermer »: only a control that the
        // content focused on purpose (e.g. a motivation field) keeps the focus.
        const active = document.activeElement;
        if (dialog.contains(active) && active !== dialog && active !== closeRef.current) {
          return;
        }
        const preferred = dialog.querySelector<HTMLElement>('[autofocus], [data-autofocus]');
        (preferred ?? titleRef.current)?.focus();
      });
    } else if (!open && dialog.open) {
      dialog.close();
      openerRef.current?.focus();
      openerRef.current = null;
    }
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      className={`fr-modal${open ? ' fr-modal--opened' : ''}`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="fr-container fr-container--fluid fr-container-md">
        <div className="fr-grid-row fr-grid-row--center">
          <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <div className="fr-modal__body">
              <div className="fr-modal__header">
                <button
                  type="button"
                  className="fr-btn--close fr-btn"
                  ref={closeRef}
                  title="Fermer la fenêtre"
                  onClick={onClose}
                >
                  Fermer
                </button>
              </div>
              <div className="fr-modal__content">
                <h1 id={titleId} className="fr-modal__title" ref={titleRef} tabIndex={-1}>
                  {title}
                </h1>
                {children}
              </div>
              {footer && <div className="fr-modal__footer">{footer}</div>}
            </div>
          </div>
        </div>
      </div>
    </dialog>
  );
}
