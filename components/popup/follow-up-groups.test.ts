import { describe, expect, it } from 'vitest';
import type { ActionItem } from '@/utils/store';
import {
  compareFollowUps,
  filterByOwner,
  groupFollowUps,
  isOverdue,
  windowGroups,
} from './follow-up-groups';

function item(
  id: string,
  personEmail: string,
  due: string,
  createdAt: number,
  owner: 'me' | 'them' = 'me',
): ActionItem {
  return {
    id,
    personEmail,
    text: id,
    owner,
    due,
    meetingEid: '',
    createdAt,
    updatedAt: createdAt,
    doneAt: null,
    open: 1,
  };
}

const TODAY = '2025-03-10';
const ids = (items: ActionItem[]) => items.map((entry) => entry.id);

describe('isOverdue', () => {
  it.each([
    ['2025-03-09', true],
    ['2025-03-10', false],
    ['2025-03-11', false],
    ['', false],
  ])('due %s → %s', (due, expected) => {
    expect(isOverdue(item('a', 'x', due, 1), TODAY)).toBe(expected);
  });
});

describe('compareFollowUps', () => {
  it('puts dated items first by due date, then undated ones oldest first', () => {
    const items = [
      item('undated-new', 'x', '', 9),
      item('later', 'x', '2025-04-01', 1),
      item('undated-old', 'x', '', 2),
      item('overdue', 'x', '2025-03-01', 5),
      item('overdue-older', 'x', '2025-03-01', 3),
    ];
    expect(ids(items.sort(compareFollowUps))).toEqual([
      'overdue-older',
      'overdue',
      'later',
      'undated-old',
      'undated-new',
    ]);
  });
});

describe('groupFollowUps', () => {
  const items = [
    item('a-later', 'a@x', '2025-05-01', 1),
    item('b-none', 'b@x', '', 2),
    item('c-today', 'c@x', '2025-03-10', 3),
    item('a-overdue', 'a@x', '2025-03-02', 4),
    item('c-week', 'c@x', '2025-03-17', 5),
  ];

  it('by person: people ordered by their most urgent item, items by urgency', () => {
    const groups = groupFollowUps(items, 'person', TODAY, (email) => email.toUpperCase());
    expect(groups.map((group) => [group.label, ids(group.items)])).toEqual([
      ['A@X', ['a-overdue', 'a-later']],
      ['C@X', ['c-today', 'c-week']],
      ['B@X', ['b-none']],
    ]);
    expect(groups[0]!.personEmail).toBe('a@x');
  });

  it('by due date: overdue, today, next 7 days, later, none', () => {
    const groups = groupFollowUps(items, 'due', TODAY, (email) => email);
    expect(groups.map((group) => [group.label, ids(group.items)])).toEqual([
      ['Overdue', ['a-overdue']],
      ['Due today', ['c-today']],
      ['Due in the next 7 days', ['c-week']],
      ['Due later', ['a-later']],
      ['No due date', ['b-none']],
    ]);
    expect(groups.every((group) => group.personEmail === null)).toBe(true);
  });
});

describe('filterByOwner', () => {
  it('keeps mine, theirs or all', () => {
    const items = [item('m', 'x', '', 1, 'me'), item('t', 'x', '', 2, 'them')];
    expect(ids(filterByOwner(items, 'me'))).toEqual(['m']);
    expect(ids(filterByOwner(items, 'them'))).toEqual(['t']);
    expect(ids(filterByOwner(items, 'all'))).toEqual(['m', 't']);
  });
});

describe('windowGroups', () => {
  it('keeps the first items across groups and drops empty groups', () => {
    const groups = groupFollowUps(
      [
        item('a1', 'a', '', 1),
        item('a2', 'a', '', 2),
        item('b1', 'b', '', 3),
        item('c1', 'c', '', 4),
      ],
      'person',
      TODAY,
      (email) => email,
    );
    expect(windowGroups(groups, 3).map((group) => ids(group.items))).toEqual([
      ['a1', 'a2'],
      ['b1'],
    ]);
    expect(windowGroups(groups, 1).map((group) => ids(group.items))).toEqual([['a1']]);
  });
});
