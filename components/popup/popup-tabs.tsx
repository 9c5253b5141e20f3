// The popup's sections as a WAI-ARIA tablist (docs/accessibility.md, "Tabs"): one tab stop for
// the whole list (roving tabindex), arrow keys, Home and End move the selection and focus,
// each panel is named by its tab. A panel is rendered the first time it is shown and kept
// afterwards (hidden), so the first paint builds only the selected panel's lists and a panel
// keeps its drafts and scroll position when the manager comes back to it.

import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDefinition {
  /** Also the section's id: `#<id>` opens it, `<id>-heading` is its heading. */
  id: string;
  title: string;
  render: () => ComponentChildren;
}

const tabIdOf = (id: string) => `${id}-tab`;
const panelIdOf = (id: string) => `${id}-panel`;

/** The row of tabs (in the popup's sticky header). */
export function TabList({
  label,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  tabs: readonly TabDefinition[];
  selected: string;
  onSelect: (id: string) => void;
}) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const move = (event: KeyboardEvent, index: number) => {
    // A horizontal tablist: Left and Right wrap around, Home and End go to the ends.
    const last = tabs.length - 1;
    const targets: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const next = targets[event.key] ?? null;
    if (next === null) return;
    event.preventDefault();
    const id = tabs[next]!.id;
    onSelect(id);
    // Automatic activation: the panels are cheap to show, so focus and selection move together.
    buttons.current.get(id)?.focus();
  };

  return (
    <div role="tablist" aria-label={label} class="cbc-tabs">
      {tabs.map((tab, index) => {
        const isSelected = tab.id === selected;
        return (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={tabIdOf(tab.id)}
            class="cbc-tab"
            aria-selected={isSelected ? 'true' : 'false'}
            aria-controls={panelIdOf(tab.id)}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.title}
          </button>
        );
      })}
    </div>
  );
}

/** One panel per tab; only the selected one is shown. */
export function TabPanels({
  tabs,
  selected,
  shown,
}: {
  tabs: readonly TabDefinition[];
  selected: string;
  /** The tabs shown at least once: their panels stay rendered, hidden. */
  shown: ReadonlySet<string>;
}) {
  return (
    <>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={panelIdOf(tab.id)}
          aria-labelledby={tabIdOf(tab.id)}
          class="cbc-tabpanel"
          hidden={tab.id !== selected}
          tabIndex={0}
        >
          {(tab.id === selected || shown.has(tab.id)) && tab.render()}
        </div>
      ))}
    </>
  );
}
