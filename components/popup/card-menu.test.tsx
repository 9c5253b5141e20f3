import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardMenu } from './card-menu';

afterEach(cleanup);

function renderMenu() {
  const chosen: string[] = [];
  const items = ['Rename', 'Describe', 'Archive'].map((label) => ({
    label,
    choose: vi.fn(() => void chosen.push(label)),
  }));
  render(
    <div>
      <CardMenu name={'Ada <b>Lovelace</b>'} items={items} />
      <p>outside</p>
    </div>,
  );
  const button = screen.getByRole('button', { name: 'More actions for Ada <b>Lovelace</b>' });
  return { button, items, chosen };
}

const menu = () => screen.getByRole('menu', { name: 'More actions for Ada <b>Lovelace</b>' });
const focusedText = () => document.activeElement?.textContent;

describe('CardMenu', () => {
  it('is a closed menu button named after the card, its name rendered as text', () => {
    const { button } = renderMenu();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button.querySelector('b')).toBeNull();
  });

  it('opens on click with focus on the first item, and lists every action as a menuitem', () => {
    const { button } = renderMenu();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(
      within(menu())
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Rename', 'Describe', 'Archive']);
    expect(focusedText()).toBe('Rename');
  });

  it('moves with ArrowDown and ArrowUp, wrapping, and with Home and End', () => {
    const { button } = renderMenu();
    fireEvent.click(button);
    const key = (name: string) => fireEvent.keyDown(document.activeElement!, { key: name });
    key('ArrowDown');
    expect(focusedText()).toBe('Describe');
    key('ArrowDown');
    key('ArrowDown');
    expect(focusedText()).toBe('Rename');
    key('ArrowUp');
    expect(focusedText()).toBe('Archive');
    key('Home');
    expect(focusedText()).toBe('Rename');
    key('End');
    expect(focusedText()).toBe('Archive');
  });

  it('opens from the keyboard: ArrowDown on the first item, ArrowUp on the last', () => {
    const { button } = renderMenu();
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    expect(focusedText()).toBe('Archive');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(focusedText()).toBe('Rename');
  });

  it('closes on Escape and gives focus back to its button', () => {
    const { button, items } = renderMenu();
    fireEvent.click(button);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
    expect(items.every((item) => item.choose.mock.calls.length === 0)).toBe(true);
  });

  it('closes on Tab, and on a click outside, choosing nothing', () => {
    const { button, items } = renderMenu();
    fireEvent.click(button);
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(button);
    fireEvent.pointerDown(menu().querySelector('[role="menuitem"]')!);
    expect(screen.queryByRole('menu')).not.toBeNull();
    fireEvent.pointerDown(screen.getByText('outside'));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(items.every((item) => item.choose.mock.calls.length === 0)).toBe(true);
  });

  it('choosing an item closes the menu, returns focus, then runs only that item', () => {
    const { button, chosen } = renderMenu();
    fireEvent.click(button);
    fireEvent.click(within(menu()).getByRole('menuitem', { name: 'Describe' }));
    expect(chosen).toEqual(['Describe']);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('a second click on its button closes it', () => {
    const { button } = renderMenu();
    fireEvent.click(button);
    fireEvent.click(button);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
