import { useEffect } from 'react';

/**
 * Sets the tab title as « Page – TPS ». Single-page navigation does not reload the document,
 * so the title is what tells screen-reader users that the page changed.
 */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – TPS`;
  }, [title]);
}
