// Talking points: things to raise at the next 1:1 with a person, queued until discussed.

import { openFlagOf } from '../domain/rules';
import type { CbcDatabase } from './db';
import { newId, StoreError } from './db';
import { prefixRange } from './key-range';
import { normalizeEmail, requireEmail, requireText } from './normalize-input';
import { ensurePerson } from './people';
import type { TalkingPoint } from '../domain/records';

/** Queues a point; with an id that already exists, returns that point (a resent request). */
export async function addTalkingPoint(
  db: CbcDatabase,
  input: { id?: string; personEmail: string; text: string },
  now: number,
): Promise<TalkingPoint> {
  const personEmail = requireEmail(input.personEmail);
  const text = requireText(input.text, 'Talking point text');
  const id = input.id?.trim() || newId();
  return db.transaction('rw', db.talkingPoints, db.people, async () => {
    const existing = await db.talkingPoints.get(id);
    if (existing) return existing;
    await ensurePerson(db, personEmail, '', now);
    const point: TalkingPoint = {
      id,
      personEmail,
      text,
      createdAt: now,
      discussedAt: null,
      discussedIn: '',
      open: openFlagOf(null),
    };
    await db.talkingPoints.add(point);
    return point;
  });
}

/** Marks a point discussed in a meeting, or queues it again. */
export async function setTalkingPointDiscussed(
  db: CbcDatabase,
  id: string,
  discussed: boolean,
  meetingEid: string,
  now: number,
): Promise<TalkingPoint> {
  return db.transaction('rw', db.talkingPoints, async () => {
    const point = await db.talkingPoints.get(id);
    if (!point) throw notFound(id);
    if (discussed === (point.open === 0)) return point;
    const discussedAt = discussed ? now : null;
    const discussedIn = discussed ? meetingEid.trim() : '';
    const changed: TalkingPoint = {
      ...point,
      discussedAt,
      discussedIn,
      open: openFlagOf(discussedAt),
    };
    await db.talkingPoints.put(changed);
    return changed;
  });
}

/** The person's queued points, oldest first. */
export async function queuedTalkingPoints(
  db: CbcDatabase,
  personEmail: string,
): Promise<TalkingPoint[]> {
  return db.talkingPoints
    .where('[personEmail+open+createdAt]')
    .between(...prefixRange(normalizeEmail(personEmail), 1))
    .toArray();
}

function notFound(id: string): StoreError {
  return new StoreError(`No talking point with id "${id}".`);
}
