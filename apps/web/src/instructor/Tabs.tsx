import { useId, useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabItem {
  id: string;
  label: string;
}

interface TabsProps {
  /** Accessible name of the tab list. */
  label: string;
  tabs: TabItem[];
  selectedId: string;
  /** `viaKeyboard` is true when the arrow keys, Home or End moved the selection. */
  onSelect: (id: string, viaKeyboard: boolean) => void;
  /** Content of the selected panel; the other panels stay empty. */
  children: ReactNode;
}

/**
 * Renders DSFR tabs (`fr-tabs` markup) that follow the WAI-ARIA tabs pattern with automatic
 * activation. The arrow keys move the selection and the focus, and Home and End jump to the first
 * and last tab. Only the selected tab is in the Tab sequence.
 */
export function Tabs({ label, tabs, selectedId, onSelect, children }: TabsProps) {
  const prefix = useId();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const container = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const panels = useRef(new Map<string, HTMLDivElement>());

  // The DSFR draws the panel frame from --tabs-height. Its script (not loaded here) sets it to the
  // list plus the selected panel minus the list's 4 px negative margin, so this does the same.
  useLayoutEffect(() => {
    const panel = panels.current.get(selectedId);
    if (!container.current || !list.current || !panel) {
      return undefined;
    }
    const frame = container.current;
    const tabList = list.current;
    const measure = () => {
      const height = Math.round(panel.offsetHeight + tabList.getBoundingClientRect().height - 4);
      frame.style.setProperty('--tabs-height', `${height}px`);
    };
    measure();
    scrollIntoList(tabList, buttons.current.get(selectedId));
    const observer = new ResizeObserver(measure);
    observer.observe(panel);
    observer.observe(tabList);
    return () => observer.disconnect();
  }, [selectedId]);
  const tabId = (id: string) => `${prefix}-onglet-${id}`;
  const panelId = (id: string) => `${prefix}-panneau-${id}`;

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    let target: number;
    switch (event.key) {
      case 'ArrowRight':
        target = index === last ? 0 : index + 1;
        break;
      case 'ArrowLeft':
        target = index === 0 ? last : index - 1;
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = last;
        break;
      default:
        return;
    }
    event.preventDefault();
    const id = tabs[target].id;
    buttons.current.get(id)?.focus();
    onSelect(id, true);
  }

  return (
    <div className="fr-tabs" ref={container}>
      <ul className="fr-tabs__list" role="tablist" aria-label={label} ref={list}>
        {tabs.map((tab, index) => {
          const selected = tab.id === selectedId;
          return (
            <li role="presentation" key={tab.id}>
              <button
                type="button"
                id={tabId(tab.id)}
                className="fr-tabs__tab"
                role="tab"
                aria-selected={selected}
                aria-controls={panelId(tab.id)}
                tabIndex={selected ? 0 : -1}
                ref={(element) => {
                  if (element) {
                    buttons.current.set(tab.id, element);
                  } else {
                    buttons.current.delete(tab.id);
                  }
                }}
                onClick={() => onSelect(tab.id, false)}
                onKeyDown={(event) => onKeyDown(event, index)}
              >
                {tab.label}
              </button>
            </li>
          );
        })}
      </ul>
      {tabs.map((tab) => {
        const selected = tab.id === selectedId;
        return (
          <div
            key={tab.id}
            id={panelId(tab.id)}
            className={`fr-tabs__panel${selected ? ' fr-tabs__panel--selected' : ''}`}
            role="tabpanel"
            aria-labelledby={tabId(tab.id)}
            tabIndex={selected ? 0 : -1}
            hidden={!selected}
            ref={(element) => {
              if (element) {
                panels.current.set(tab.id, element);
              } else {
                panels.current.delete(tab.id);
              }
            }}
          >
            {selected ? children : null}
          </div>
        );
      })}
    </div>
  );
}

/** Scrolls the tab list sideways, on narrow screens, so that the selected tab is visible. */
function scrollIntoList(tabList: HTMLElement, tab: HTMLElement | undefined) {
  if (!tab) {
    return;
  }
  const start = tab.offsetLeft - tabList.offsetLeft;
  const end = start + tab.offsetWidth;
  if (start < tabList.scrollLeft || end > tabList.scrollLeft + tabList.clientWidth) {
    tabList.scrollLeft = start;
  }
}
