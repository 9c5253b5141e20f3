// A card's secondary actions behind one button: the WAI-ARIA menu button pattern. The button
// opens a menu of items and moves focus to the first (ArrowUp: the last); ArrowDown and ArrowUp
// wrap, Home and End go to the ends; Escape closes it and gives focus back to the button; Tab
// or a click outside closes it; choosing an item closes the menu, then runs the item.

import { t } from '@/components/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface CardMenuItem {
  label: string;
  choose: () => void;
}

/** Which item takes focus when the menu opens: the first, or the last (ArrowUp). */
type Opening = 'first' | 'last';

export function CardMenu({ name, items }: { name: string; items: CardMenuItem[] }) {
  const [opening, setOpening] = useState<Opening | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const open = opening !== null;

  const itemButtons = () =>
    Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!opening) return;
    const buttons = itemButtons();
    buttons[opening === 'first' ? 0 : buttons.length - 1]?.focus();
    const doc = buttonRef.current?.ownerDocument;
    const closeOutside = (event: Event) => {
      const target = event.target as Node | null;
      if (menuRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      setOpening(null);
    };
    doc?.addEventListener('pointerdown', closeOutside, true);
    return () => doc?.removeEventListener('pointerdown', closeOutside, true);
  }, [opening]);

  const close = (returnFocus: boolean) => {
    setOpening(null);
    if (returnFocus) buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const buttons = itemButtons();
    const at = buttons.indexOf(event.target as HTMLElement);
    const moveTo = (index: number) => {
      event.preventDefault();
      buttons[(index + buttons.length) % buttons.length]?.focus();
    };
    if (event.key === 'ArrowDown') moveTo(at + 1);
    else if (event.key === 'ArrowUp') moveTo(at - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(buttons.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  return (
    <div class="cbc-card-menu">
      <button
        ref={buttonRef}
        type="button"
        class="cbc-btn cbc-btn-text cbc-card-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => (open ? close(true) : setOpening('first'))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpening(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        <span aria-hidden="true">⋮</span>
        <span class="cbc-sr-only">{t('popupMoreActionsFor', { name })}</span>
      </button>
      {open && (
        <ul
          ref={menuRef}
          role="menu"
          class="cbc-menu"
          aria-label={t('popupMoreActionsFor', { name })}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                class="cbc-menu-item"
                onClick={() => {
                  close(true);
                  item.choose();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
