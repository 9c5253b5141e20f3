// The one typed database of the extension. Versions come from schema.ts, in order.

import { Dexie, type Table } from 'dexie';
import { DATABASE_NAME } from './database-name';
import type { Problem } from '../domain/problems';
import type { PackTable } from './closed-packs';
import type { StoredMeeting } from './notes-in-meetings';
import type { FeedbackPack, TopicDiscussionPack } from './person-pack-records';
import { SCHEMA_VERSIONS } from './schema';
import type {
  ActionItem,
  Assignment,
  Person,
  Project,
  SeriesOverride,
  StandingTopic,
  TalkingPoint,
  UpcomingOccurrence,
} from '../domain/records';

export { DATABASE_NAME };

export class CbcDatabase extends Dexie {
  people!: Table<Person, string>;
  projects!: Table<Project, string>;
  assignments!: Table<Assignment, string>;
  /** Schema version 6: each with its notes, if any (notes-in-meetings.ts); no notes table. */
  meetings!: Table<StoredMeeting, string>;
  actionItems!: Table<ActionItem, string>;
  talkingPoints!: Table<TalkingPoint, string>;
  seriesOverrides!: Table<SeriesOverride, string>;
  /** Schema version 4: standing topics. */
  standingTopics!: Table<StandingTopic, string>;
  /** When each topic was discussed, packed per person (version 7, person-pack-records.ts). */
  topicDiscussionPacks!: Table<TopicDiscussionPack, string>;
  /** The feedback log, packed per person and year of the entries' day (version 7). */
  feedbackPacks!: Table<FeedbackPack, [string, number]>;
  /** Schema version 5: future 1:1s seen on the grid, a cache (not in backups). */
  upcomingOccurrences!: Table<UpcomingOccurrence, string>;
  /** Done action items, packed per person and year (closed-packs.ts). */
  doneActionItems!: PackTable<ActionItem>;
  /** Discussed talking points, packed per person and year. */
  discussedTalkingPoints!: PackTable<TalkingPoint>;

  constructor(name: string = DATABASE_NAME) {
    // 'relaxed': a write transaction completes once its changes are handed to the OS, without
    // waiting for an fsync (Chrome's own default since 121; pinned here for older versions,
    // where 'strict' costs a flush per transaction, about 3x a small write's time). A browser
    // or extension crash keeps every completed write; only an OS crash or power loss in the
    // seconds before the OS flushes could lose the latest keystrokes of a note, which the panel
    // autosaves again on its next change. Backups are the protection against losing a disk.
    super(name, { chromeTransactionDurability: 'relaxed' });
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

/** A new instance, not yet opened (Dexie opens it on first use). */
export function openDatabase(name: string = DATABASE_NAME): CbcDatabase {
  return new CbcDatabase(name);
}

/** An error the user can cause (unknown id, invalid value); its message is shown as is. */
export class StoreError extends Error {
  /** The same failure as a key and values, for the background to word in the UI language. */
  readonly problem: Problem | undefined;
  constructor(message: string, problem?: Problem) {
    super(message);
    this.name = 'StoreError';
    this.problem = problem;
  }
}

export function newId(): string {
  return crypto.randomUUID();
}
