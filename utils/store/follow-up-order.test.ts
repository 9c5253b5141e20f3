import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../domain/records';
import { firstPeoplesItems } from './follow-up-order';

/** `count` open items of `email`, told apart by their ids. */
const itemsOf = (email: string, count: number) =>
  Array.from(
    { length: count },
    (_, n) => ({ id: `${email}-${n}`, personEmail: email }) as ActionItem,
  );

describe('firstPeoplesItems', () => {
  const people = Array.from({ length: 20 }, (_, n) => `p${n}@x.io`);

  it('covers the limit as one person after the other would, asking a few people at once', async () => {
    const asked: string[] = [];
    let pending = 0;
    let mostAtOnce = 0;
    const items = await firstPeoplesItems(people, 10, async (email) => {
      asked.push(email);
      pending += 1;
      mostAtOnce = Math.max(mostAtOnce, pending);
      await new Promise((resolve) => setTimeout(resolve, 1));
      pending -= 1;
      return itemsOf(email, 1);
    });
    // One item each: the first ten people, in their order.
    expect(items.map((item) => item.personEmail)).toEqual(people.slice(0, 10));
    // Asked in waves of 8: two waves, not twenty requests, and never one by one.
    expect(asked).toEqual(people.slice(0, 16));
    expect(mostAtOnce).toBe(8);
  });

  it('stops at the person who covers the limit, even mid-wave', async () => {
    const counts = [3, 4, 5, 1];
    const items = await firstPeoplesItems(people.slice(0, 4), 7, async (email) =>
      itemsOf(email, counts[people.indexOf(email)]!),
    );
    // 3 + 4 = 7 covers it: the third and fourth people's answers are not used.
    expect(items.map((item) => item.id)).toEqual(
      [...itemsOf(people[0]!, 3), ...itemsOf(people[1]!, 4)].map((item) => item.id),
    );
    expect(await firstPeoplesItems(people, 0, async () => itemsOf('never', 1))).toEqual([]);
  });
});
