import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup/popup-app';
import { WeekAheadSection } from '@/components/popup/week-ahead-section';
import type { WeekAhead, WeekAheadEntry } from '@/utils/store/upcoming-occurrences';
import { overview, person, popupData, recordingActions } from './popup-fixtures';

afterEach(cleanup);

const HOUR = 60 * 60 * 1000;
/** Tuesday 2025-03-11, 15:00 local time. */
const NOW = new Date(2025, 2, 11, 15).getTime();
const ADA = person('ada@example.com', 'Ada Lovelace');
const BOB = person('bob@example.com', 'Bob');

function entry(changes: Partial<WeekAheadEntry> = {}): WeekAheadEntry {
  return {
    occurrence: {
      eid: 'ada-next',
      seriesKey: 'series-ada',
      personEmail: ADA.email,
      start: new Date(2025, 2, 13, 10).getTime(),
      title: 'Ada / Me',
      seenAt: NOW - 6 * HOUR,
    },
    person: ADA,
    openItems: { me: 2, them: 1 },
    queuedTalkingPoints: 1,
    topicsDue: [
      {
        id: 't1',
        personEmail: '',
        text: 'How are you, really?',
        rhythm: 'every',
        createdAt: 1,
        updatedAt: 1,
      },
    ],
    daysSince: 6,
    wellbeing: 4,
    ...changes,
  };
}

function week(changes: Partial<WeekAhead> = {}): WeekAhead {
  return {
    entries: [entry()],
    overdue: [],
    seenAt: new Date(2025, 2, 11, 9, 14).getTime(),
    ...changes,
  };
}

describe('WeekAheadSection', () => {
  it('lists each upcoming 1:1 with what is waiting for it, and when Calendar was seen', () => {
    render(<WeekAheadSection week={week()} now={NOW} onShowPerson={() => {}} />);
    const region = screen.getByRole('region', { name: 'Week ahead' });
    expect(within(region).getByText('Seen in Calendar today at 9:14 AM')).toBeTruthy();
    const list = within(region).getByRole('list', { name: 'Upcoming 1:1s' });
    const [item] = within(list).getAllByRole('listitem', { hidden: false }).slice(0, 1);
    expect(item!.textContent).toContain('Ada Lovelace');
    expect(item!.textContent).toContain('Thu Mar 13, 2025, 10:00 AM');
    for (const words of [
      '2 open items of yours',
      '1 open item of theirs',
      '1 talking point queued',
      'Standing topics due: How are you, really?',
      '6 days since the last 1:1',
      'Latest wellbeing 4/5',
    ]) {
      expect(within(item!).getByText(words)).toBeTruthy();
    }
    expect(within(region).getByText('Nobody is overdue without a 1:1 in sight.')).toBeTruthy();
  });

  it('says "yesterday" and a date for older sightings, never "today"', () => {
    const { rerender } = render(
      <WeekAheadSection
        week={week({ seenAt: NOW - 24 * HOUR })}
        now={NOW}
        onShowPerson={() => {}}
      />,
    );
    expect(screen.getByText('Seen in Calendar yesterday at 3:00 PM')).toBeTruthy();
    rerender(
      <WeekAheadSection
        week={week({ seenAt: new Date(2025, 2, 1, 8, 5).getTime() })}
        now={NOW}
        onShowPerson={() => {}}
      />,
    );
    expect(screen.getByText('Seen in Calendar on Mar 1, 2025 at 8:05 AM')).toBeTruthy();
  });

  it('says when nothing was ever seen, and how to fix that, instead of guessing', () => {
    render(
      <WeekAheadSection
        week={{ entries: [], overdue: [], seenAt: null }}
        now={NOW}
        onShowPerson={() => {}}
      />,
    );
    const region = screen.getByRole('region', { name: 'Week ahead' });
    expect(within(region).getByText('No 1:1s seen in Calendar lately.')).toBeTruthy();
    expect(within(region).getByText(/Open Google Calendar at the coming week/)).toBeTruthy();
    expect(within(region).queryByText(/Seen in Calendar/)).toBeNull();
    expect(within(region).queryByRole('list', { name: 'Overdue, no 1:1 in sight' })).toBeNull();
  });

  it('lists the overdue with no 1:1 in sight, and an empty week says so', () => {
    render(
      <WeekAheadSection
        week={week({ entries: [], overdue: [{ person: BOB, daysSince: 30 }] })}
        now={NOW}
        onShowPerson={() => {}}
      />,
    );
    expect(screen.getByText('No 1:1s seen in the next 7 days.')).toBeTruthy();
    const overdue = screen.getByRole('list', { name: 'Overdue, no 1:1 in sight' });
    expect(within(overdue).getByRole('listitem').textContent).toBe(
      'Bob 30 days since the last 1:1',
    );
  });

  it('shows the person of an entry when it is activated', () => {
    const onShowPerson = vi.fn();
    render(
      <WeekAheadSection
        week={week({ overdue: [{ person: BOB, daysSince: 30 }] })}
        now={NOW}
        onShowPerson={onShowPerson}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
    fireEvent.click(screen.getByRole('button', { name: 'Bob' }));
    expect(onShowPerson.mock.calls).toEqual([[ADA.email], [BOB.email]]);
  });

  it('in the popup, an entry opens People with that person', () => {
    render(
      <PopupApp
        data={popupData({ weekAhead: week(), people: [overview(ADA)], directory: [ADA] })}
        actions={recordingActions()}
      />,
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Week ahead' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
    expect(screen.getByRole('tab', { name: 'People' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.textContent).toContain('Ada Lovelace');
  });
});
