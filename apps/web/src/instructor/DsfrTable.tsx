import { useId } from 'react';
import type { ReactNode, Ref } from 'react';

interface DsfrTableProps {
  caption: string;
  /** Keeps the caption for screen readers only, when a heading already titles the table. */
  hideCaption?: boolean;
  className?: string;
  /** The table's <thead> and <tbody>. */
  children: ReactNode;
  /** The focusable region around the table, for moving focus to it. */
  regionRef?: Ref<HTMLDivElement>;
}

/**
 * DSFR table. On narrow screens it scrolls sideways, so its container is a focusable region named
 * by the caption: keyboard users can then scroll it too.
 */
export function DsfrTable({
  caption,
  hideCaption = false,
  className = '',
  children,
  regionRef,
}: DsfrTableProps) {
  const captionId = useId();

  return (
    <div className={`fr-table ${className}`}>
      <div className="fr-table__wrapper">
        <div
          className="fr-table__container"
          role="region"
          aria-labelledby={captionId}
          tabIndex={0}
          ref={regionRef}
        >
          <div className="fr-table__content">
            <table>
              <caption id={captionId} className={hideCaption ? 'fr-sr-only' : undefined}>
                {caption}
              </caption>
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
