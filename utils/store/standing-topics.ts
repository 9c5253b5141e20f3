// Standing topics: what comes back at 1:1s on its own rhythm, for one person or for everyone
// (personEmail ''), and when each was discussed with whom (one discussion per topic and meeting,
// packed per person since schema version 7, person-pack-records.ts).

import { isTopicDue, nextDueAt } from '../domain/standing-topics';
import type {
  Meeting,
  StandingTopic,
  StandingTopicAtMeeting,
  TopicDiscussion,
  TopicRhythm,
} from '../domain/records';
import type { CbcDatabase } from './db';
import { newId, StoreError } from './db';
import { topicDiscussionPackOf, type TopicDiscussionPack } from './person-pack-records';
import {
  normalizeEmail,
  requireEmailOrEveryone,
  requireRhythm,
  requireText,
} from './normalize-input';

/** A standing topic as one 1:1 sees it (records.ts). */
export type TopicAtMeeting = StandingTopicAtMeeting;

/** Adds a topic; with an id that already exists, returns that topic (a resent request). */
export async function addStandingTopic(
  db: CbcDatabase,
  input: { id?: string; personEmail: string; text: string; rhythm: TopicRhythm },
  now: number,
): Promise<StandingTopic> {
  const personEmail = requireEmailOrEveryone(input.personEmail);
  const text = requireText(input.text, 'Standing topic text');
  const rhythm = requireRhythm(input.rhythm);
  const id = input.id?.trim() || newId();
  return db.transaction('rw', db.standingTopics, db.people, async () => {
    const existing = await db.standingTopics.get(id);
    if (existing) return existing;
    if (personEmail !== '' && !(await db.people.get(personEmail))) {
      throw new StoreError(`No person with the address "${personEmail}".`, { key: 'problemGone' });
    }
    const topic: StandingTopic = {
      id,
      personEmail,
      text,
      rhythm,
      createdAt: now,
      updatedAt: now,
    };
    await db.standingTopics.add(topic);
    return topic;
  });
}

export async function updateStandingTopic(
  db: CbcDatabase,
  input: { id: string; text?: string; rhythm?: TopicRhythm },
  now: number,
): Promise<StandingTopic> {
  const text =
    input.text === undefined ? undefined : requireText(input.text, 'Standing topic text');
  const rhythm = input.rhythm === undefined ? undefined : requireRhythm(input.rhythm);
  return db.transaction('rw', db.standingTopics, async () => {
    const topic = await db.standingTopics.get(input.id);
    if (!topic) throw notFound(input.id);
    const changed: StandingTopic = {
      ...topic,
      text: text ?? topic.text,
      rhythm: rhythm ?? topic.rhythm,
      updatedAt: now,
    };
    await db.standingTopics.put(changed);
    return changed;
  });
}

/** Deletes a topic and the record of its discussions; returns the topic. */
export async function deleteStandingTopic(db: CbcDatabase, id: string): Promise<StandingTopic> {
  return db.transaction('rw', db.standingTopics, db.topicDiscussionPacks, async () => {
    const topic = await db.standingTopics.get(id);
    if (!topic) throw notFound(id);
    // A topic of the default set was discussed with many people: every pack that names it.
    const packs = await db.topicDiscussionPacks.where('topicIds').equals(id).toArray();
    for (const pack of packs) {
      await putDiscussions(
        db,
        pack.personEmail,
        pack.items.filter((discussion) => discussion.topicId !== id),
      );
    }
    await db.standingTopics.delete(id);
    return topic;
  });
}

/**
 * Records a topic as discussed in a meeting (its next due date moves), or takes that back.
 * Returns the discussion, or null once taken back. Skipping a topic writes nothing: it stays due.
 */
export async function setStandingTopicDiscussed(
  db: CbcDatabase,
  input: { topicId: string; meetingEid: string; discussed: boolean },
  now: number,
): Promise<TopicDiscussion | null> {
  const tables = [db.standingTopics, db.topicDiscussionPacks, db.meetings];
  return db.transaction('rw', tables, async () => {
    const meeting = await db.meetings.get(input.meetingEid);
    if (!meeting)
      throw new StoreError(`No meeting with eid "${input.meetingEid}".`, { key: 'problemGone' });
    const topic = await db.standingTopics.get(input.topicId);
    if (!topic) throw notFound(input.topicId);
    if (topic.personEmail !== '' && topic.personEmail !== meeting.personEmail) {
      throw new StoreError('This standing topic is for someone else.', {
        key: 'problemTopicForSomeoneElse',
      });
    }
    const discussions = (await db.topicDiscussionPacks.get(meeting.personEmail))?.items ?? [];
    const existing = discussions.find(
      (discussion) =>
        discussion.topicId === topic.id &&
        discussion.meetingStart === meeting.start &&
        discussion.meetingEid === meeting.eid,
    );
    if (!input.discussed) {
      if (existing) {
        await putDiscussions(
          db,
          meeting.personEmail,
          discussions.filter((discussion) => discussion !== existing),
        );
      }
      return null;
    }
    if (existing) return existing;
    const discussion: TopicDiscussion = {
      id: newId(),
      topicId: topic.id,
      personEmail: meeting.personEmail,
      meetingEid: meeting.eid,
      meetingStart: meeting.start,
      discussedAt: now,
    };
    await putDiscussions(db, meeting.personEmail, [...discussions, discussion]);
    return discussion;
  });
}

/** Writes a person's pack of discussions (deletes it when none are left). */
async function putDiscussions(
  db: CbcDatabase,
  personEmail: string,
  discussions: readonly TopicDiscussion[],
): Promise<void> {
  if (discussions.length === 0) await db.topicDiscussionPacks.delete(personEmail);
  else await db.topicDiscussionPacks.put(topicDiscussionPackOf(personEmail, discussions));
}

/** The person's own topics and the default set, oldest first. */
export async function standingTopicsFor(
  db: CbcDatabase,
  personEmail: string,
): Promise<StandingTopic[]> {
  const email = normalizeEmail(personEmail);
  const topics = await db.standingTopics.where('personEmail').anyOf(email, '').toArray();
  return topics.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/**
 * Every standing topic of the person as this meeting sees it: due or not, discussed here or
 * not. Three reads at once: the topics, the person's pack of discussions, and the 1:1 before
 * this one; call it inside a transaction over meetings, standingTopics and topicDiscussionPacks
 * to read them together.
 */
export async function topicsAtMeeting(
  db: CbcDatabase,
  meeting: Pick<Meeting, 'eid' | 'personEmail' | 'start'>,
): Promise<TopicAtMeeting[]> {
  const email = meeting.personEmail;
  const [topics, pack, previous] = await Promise.all([
    standingTopicsFor(db, email),
    db.topicDiscussionPacks.get(email),
    db.meetings
      .where('[personEmail+start]')
      .between([email, -Infinity], [email, meeting.start], true, false)
      .reverse()
      .limit(1)
      .toArray(),
  ]);
  const previousMeetingStart = previous[0]?.start ?? null;
  const upToHere = discussionsUpTo(pack, meeting.start);
  return topics.map((topic) => {
    // The latest two up to this meeting: this meeting's own, and the one before it.
    const latest = (upToHere.get(topic.id) ?? []).slice(0, 2);
    const discussedHere = latest.some((discussion) => discussion.meetingEid === meeting.eid);
    const earlier = latest.find(
      (discussion) =>
        discussion.meetingEid !== meeting.eid && discussion.meetingStart < meeting.start,
    );
    const lastDiscussedStart = earlier?.meetingStart ?? null;
    const due = isTopicDue({
      rhythm: topic.rhythm,
      lastDiscussedStart,
      meetingStart: meeting.start,
      previousMeetingStart,
    });
    return {
      topic,
      due,
      discussedHere,
      lastDiscussedStart,
      nextDueAt: nextDueAt(
        topic.rhythm,
        discussedHere ? meeting.start : (lastDiscussedStart ?? meeting.start),
      ),
    };
  });
}

/**
 * A pack's discussions at or before `start`, by topic, latest first (by meeting start, then by
 * id: the order of the index [personEmail+topicId+meetingStart] read backwards).
 */
function discussionsUpTo(
  pack: TopicDiscussionPack | undefined,
  start: number,
): Map<string, TopicDiscussion[]> {
  const byTopic = new Map<string, TopicDiscussion[]>();
  for (const discussion of pack?.items ?? []) {
    if (discussion.meetingStart > start) continue;
    const list = byTopic.get(discussion.topicId);
    if (list) list.push(discussion);
    else byTopic.set(discussion.topicId, [discussion]);
  }
  for (const list of byTopic.values()) {
    list.sort(
      (a, b) => b.meetingStart - a.meetingStart || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    );
  }
  return byTopic;
}

function notFound(id: string): StoreError {
  return new StoreError(`No standing topic with id "${id}".`, { key: 'problemGone' });
}
