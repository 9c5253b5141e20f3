// Talking points: things to raise at the next 1:1 with a person, queued until discussed.

import { openFlagOf } from '../domain/rules';
import type { CbcDatabase } from './db';
import { newId, StoreError } from './db';
import { findPacked, putPacked, removePacked, type ClosedPack } from './closed-packs';
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
  return db.transaction('rw', db.talkingPoints, db.discussedTalkingPoints, db.people, async () => {
    const existing = await locatePoint(db, id, personEmail);
    if (existing) return existing.point;
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

/**
 * Marks a point discussed in a meeting, or queues it again (`personEmail`: the point's person
 * when the caller knows it, whose packs a discussed point is looked for in).
 */
export async function setTalkingPointDiscussed(
  db: CbcDatabase,
  id: string,
  discussed: boolean,
  meetingEid: string,
  now: number,
  personEmail?: string,
): Promise<TalkingPoint> {
  return db.transaction('rw', db.talkingPoints, db.discussedTalkingPoints, async () => {
    const found = await locatePoint(db, id, personEmail);
    if (!found) throw notFound(id);
    const { point } = found;
    if (discussed === (point.open === 0)) return point;
    const discussedAt = discussed ? now : null;
    const discussedIn = discussed ? meetingEid.trim() : '';
    const changed: TalkingPoint = {
      ...point,
      discussedAt,
      discussedIn,
      open: openFlagOf(discussedAt),
    };
    await storePoint(db, changed, found);
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

/** Where a point is stored: queued ones one by one, discussed ones in their person's pack. */
interface StoredPoint {
  point: TalkingPoint;
  /** The pack holding a discussed point; null for a queued one. */
  pack: ClosedPack<TalkingPoint> | null;
}

async function locatePoint(
  db: CbcDatabase,
  id: string,
  personEmail: string | undefined,
): Promise<StoredPoint | undefined> {
  const queued = await db.talkingPoints.get(id);
  if (queued) return { point: queued, pack: null };
  const packed = await findPacked(db.discussedTalkingPoints, id, personEmail);
  return packed && { point: packed.record, pack: packed.pack };
}

/** Stores a point where its state puts it, taking it out of where it was (`was`). */
async function storePoint(db: CbcDatabase, point: TalkingPoint, was: StoredPoint) {
  if (was.pack) await removePacked(db.discussedTalkingPoints, was.pack, point.id);
  else if (point.discussedAt !== null) await db.talkingPoints.delete(point.id);
  if (point.discussedAt === null) await db.talkingPoints.put(point);
  else await putPacked(db.discussedTalkingPoints, point, point.discussedAt);
}

function notFound(id: string): StoreError {
  return new StoreError(`No talking point with id "${id}".`, { key: 'problemGone' });
}
