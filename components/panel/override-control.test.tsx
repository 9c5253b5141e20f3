import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OverrideControl } from './override-control';

afterEach(cleanup);

describe('OverrideControl', () => {
  it('treats the event as a 1:1 with the chosen guest, and is no landmark', () => {
    const treatAsOneOnOne = vi.fn();
    render(
      <OverrideControl
        view={{
          eid: 'ZWlk',
          theme: 'dark',
          candidates: [
            { email: 'alex@example.com', name: 'Alex' },
            { email: 'kim@example.com', name: '' },
          ],
        }}
        actions={{ treatAsOneOnOne }}
      />,
    );
    expect(screen.queryByRole('complementary')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Treat as 1:1' }));
    fireEvent.change(screen.getByRole('combobox', { name: '1:1 with' }), {
      target: { value: 'kim@example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Treat as 1:1' }));
    expect(treatAsOneOnOne).toHaveBeenCalledWith({ email: 'kim@example.com', name: '' });
  });

  it('asks for an address when no guest is listed, and refuses a non-address', () => {
    const treatAsOneOnOne = vi.fn();
    render(
      <OverrideControl
        view={{ eid: 'ZWlk', theme: 'light', candidates: [] }}
        actions={{ treatAsOneOnOne }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Treat as 1:1' }));
    const input = screen.getByRole('textbox', { name: '1:1 with (email)' });
    fireEvent.input(input, { target: { value: 'not an address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Treat as 1:1' }));
    expect(treatAsOneOnOne).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: 'Sam@Example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Treat as 1:1' }));
    expect(treatAsOneOnOne).toHaveBeenCalledWith({ email: 'sam@example.com', name: '' });
  });
});
