import { describe, expect, it } from 'vitest';
import type { RequestType } from '@/utils/messaging/protocol';
import { requestSchemas, validateRequest } from '@/utils/messaging/validate';
import { ANA, fullPayloads, restorableItem, validPayloads } from './request-fixtures';

const payloads = validPayloads();
const requestTypes = Object.keys(requestSchemas) as RequestType[];

function errorOf(message: unknown): string {
  const result = validateRequest(message);
  if (result.ok) throw new Error(`expected a refusal for ${JSON.stringify(message)}`);
  return result.error;
}

describe('validateRequest', () => {
  it('has a valid payload fixture for every request type', () => {
    expect(Object.keys(payloads).sort()).toEqual([...requestTypes].sort());
  });

  it.each(requestTypes)('accepts a valid %s payload', (type) => {
    const result = validateRequest({ type, payload: payloads[type] });
    expect(result).toEqual({ ok: true, request: { type, payload: payloads[type] } });
  });

  it.each(Object.entries(fullPayloads))('accepts %s with every optional field', (type, payload) => {
    expect(validateRequest({ type, payload })).toEqual({ ok: true, request: { type, payload } });
  });

  it('drops optional fields given as undefined', () => {
    const result = validateRequest({
      type: 'updateActionItem',
      payload: { id: 'a', text: undefined },
    });
    expect(result).toEqual({
      ok: true,
      request: { type: 'updateActionItem', payload: { id: 'a' } },
    });
  });

  it('refuses messages that are not { type, payload }', () => {
    expect(errorOf(null)).toBe('message: expected { type, payload }');
    expect(errorOf('addActionItem')).toBe('message: expected { type, payload }');
    expect(errorOf([{ type: 'deleteActionItem', payload: { id: 'a' } }])).toBe(
      'message: expected { type, payload }',
    );
    expect(errorOf({ type: 'deleteActionItem', payload: { id: 'a' }, sender: 'x' })).toBe(
      'message: expected only type and payload',
    );
    expect(errorOf({ type: 'deleteActionItem' })).toBe('deleteActionItem: payload missing');
  });

  it('refuses unknown types, including inherited property names', () => {
    expect(errorOf({ type: 'dropTables', payload: {} })).toBe('Unknown request type "dropTables".');
    expect(errorOf({ type: 'toString', payload: {} })).toBe('Unknown request type "toString".');
    expect(errorOf({ type: 42, payload: {} })).toBe('Unknown request type number.');
  });

  it.each(requestTypes)('refuses a %s payload that is not an object', (type) => {
    expect(errorOf({ type, payload: 'x' })).toBe(`${type}: expected an object`);
    expect(errorOf({ type, payload: null })).toBe(`${type}: expected an object`);
    expect(errorOf({ type, payload: [] })).toBe(`${type}: expected an object`);
  });

  it.each(requestTypes)('refuses a %s payload with an extra field', (type) => {
    expect(errorOf({ type, payload: { ...payloads[type], isAdmin: true } })).toBe(
      `${type}: unknown field "isAdmin"`,
    );
  });

  it.each(requestTypes)('refuses a %s payload missing any field', (type) => {
    for (const key of Object.keys(payloads[type])) {
      const payload: Record<string, unknown> = { ...payloads[type] };
      delete payload[key];
      expect(errorOf({ type, payload })).toBe(`${type}.${key}: missing`);
    }
  });

  it.each(requestTypes.filter((type) => type !== 'importBackup'))(
    'refuses a %s payload with any field of the wrong type',
    (type) => {
      for (const [key, valid] of Object.entries(payloads[type])) {
        const payload = { ...payloads[type], [key]: typeof valid === 'boolean' ? 'yes' : true };
        expect(errorOf({ type, payload })).toMatch(new RegExp(`^${type}\\.${key}: expected`));
      }
    },
  );

  it.each([
    ['addActionItem', 'text', 'x'.repeat(2001), 'addActionItem.text: longer than 2000 characters'],
    ['addActionItem', 'text', '   ', 'addActionItem.text: must not be empty'],
    ['addActionItem', 'due', '2025-02-29', 'addActionItem.due: "2025-02-29" is not a calendar day'],
    ['addActionItem', 'due', '2025-13-01', 'addActionItem.due: "2025-13-01" is not a calendar day'],
    ['addActionItem', 'due', '2025-6-1', "addActionItem.due: expected a date as yyyy-MM-dd or ''"],
    [
      'addActionItem',
      'due',
      '01/06/2025',
      "addActionItem.due: expected a date as yyyy-MM-dd or ''",
    ],
    ['addActionItem', 'owner', 'us', 'addActionItem.owner: expected "me" or "them"'],
    ['addActionItem', 'personEmail', 'ana', 'addActionItem.personEmail: not a valid email address'],
    [
      'addActionItem',
      'personEmail',
      'a b@x.com',
      'addActionItem.personEmail: not a valid email address',
    ],
    [
      'addActionItem',
      'personEmail',
      'ana@example',
      'addActionItem.personEmail: not a valid email address',
    ],
    [
      'addActionItem',
      'personEmail',
      '<a@x.com>',
      'addActionItem.personEmail: not a valid email address',
    ],
    ['addActionItem', 'personEmail', '', 'addActionItem.personEmail: not a valid email address'],
    [
      'addActionItem',
      'personEmail',
      `${'a'.repeat(310)}@example.com`,
      'addActionItem.personEmail: longer than 320 characters',
    ],
    [
      'addActionItem',
      'meetingEid',
      'e'.repeat(513),
      'addActionItem.meetingEid: longer than 512 characters',
    ],
    ['saveNote', 'text', 'n'.repeat(100_001), 'saveNote.text: longer than 100000 characters'],
    ['saveNote', 'wellbeing', 0, 'saveNote.wellbeing: expected 1, 2, 3, 4 or 5'],
    ['saveNote', 'wellbeing', 2.5, 'saveNote.wellbeing: expected 1, 2, 3, 4 or 5'],
    ['saveNote', 'wellbeing', '3', 'saveNote.wellbeing: expected 1, 2, 3, 4 or 5'],
    ['saveNote', 'meetingEid', '', 'saveNote.meetingEid: must not be empty'],
    ['deleteActionItem', 'id', 'i'.repeat(513), 'deleteActionItem.id: longer than 512 characters'],
    [
      'updatePerson',
      'cadenceDays',
      0,
      'updatePerson.cadenceDays: expected a whole number from 1 to 365',
    ],
    [
      'updatePerson',
      'cadenceDays',
      366,
      'updatePerson.cadenceDays: expected a whole number from 1 to 365',
    ],
    [
      'updatePerson',
      'cadenceDays',
      7.5,
      'updatePerson.cadenceDays: expected a whole number from 1 to 365',
    ],
    ['updatePerson', 'name', 'n'.repeat(2001), 'updatePerson.name: longer than 2000 characters'],
    ['assignPerson', 'share', -1, 'assignPerson.share: expected a whole number from 0 to 100'],
    ['assignPerson', 'share', 101, 'assignPerson.share: expected a whole number from 0 to 100'],
    ['assignPerson', 'share', 33.3, 'assignPerson.share: expected a whole number from 0 to 100'],
    [
      'updateProject',
      'endDate',
      '2025-04-31',
      'updateProject.endDate: "2025-04-31" is not a calendar day',
    ],
    [
      'updateProject',
      'status',
      'cancelled',
      'updateProject.status: expected "active", "paused" or "done"',
    ],
    [
      'getMeetingNotesBefore',
      'before',
      Number.NaN,
      'getMeetingNotesBefore.before: expected a time in epoch milliseconds',
    ],
    [
      'getMeetingNotesBefore',
      'before',
      Infinity,
      'getMeetingNotesBefore.before: expected a time in epoch milliseconds',
    ],
    ['deleteAllData', 'confirm', 'yes', 'deleteAllData.confirm: expected "delete everything"'],
    ['setActionItemDone', 'done', 1, 'setActionItemDone.done: expected true or false'],
    ['addStandingTopic', 'text', '', 'addStandingTopic.text: must not be empty'],
    ['addStandingTopic', 'text', ' \n ', 'addStandingTopic.text: must not be empty'],
    [
      'addStandingTopic',
      'text',
      'x'.repeat(100_000),
      'addStandingTopic.text: longer than 2000 characters',
    ],
    [
      'addStandingTopic',
      'rhythm',
      'weekly',
      'addStandingTopic.rhythm: expected "every", "every-other", "monthly" or "quarterly"',
    ],
    [
      'updateStandingTopic',
      'rhythm',
      'daily',
      'updateStandingTopic.rhythm: expected "every", "every-other", "monthly" or "quarterly"',
    ],
    [
      'addStandingTopic',
      'personEmail',
      'everyone',
      'addStandingTopic.personEmail: not a valid email address',
    ],
    ['addFeedbackEntry', 'text', '', 'addFeedbackEntry.text: must not be empty'],
    [
      'addFeedbackEntry',
      'text',
      'x'.repeat(100_000),
      'addFeedbackEntry.text: longer than 2000 characters',
    ],
    [
      'addFeedbackEntry',
      'day',
      '1969-12-31',
      'addFeedbackEntry.day: "1969-12-31" is before 1970-01-01',
    ],
    [
      'addFeedbackEntry',
      'day',
      '0999-01-01',
      'addFeedbackEntry.day: "0999-01-01" is before 1970-01-01',
    ],
    ['addFeedbackEntry', 'day', '', 'addFeedbackEntry.day: must not be empty'],
    [
      'addFeedbackEntry',
      'day',
      '2025-02-29',
      'addFeedbackEntry.day: "2025-02-29" is not a calendar day',
    ],
    [
      'addFeedbackEntry',
      'kind',
      'gossip',
      'addFeedbackEntry.kind: expected "praise", "feedback", "concern" or "win"',
    ],
    [
      'setStandingTopicDiscussed',
      'meetingEid',
      '',
      'setStandingTopicDiscussed.meetingEid: must not be empty',
    ],
  ] as const)('refuses %s.%s = %j', (type, key, value, error) => {
    expect(errorOf({ type, payload: { ...payloads[type], [key]: value } })).toBe(error);
  });

  it('accepts the longest allowed strings and an empty due date', () => {
    const longest = {
      ...payloads.addActionItem,
      text: 'x'.repeat(2000),
      meetingEid: 'e'.repeat(512),
      due: '',
    };
    expect(validateRequest({ type: 'addActionItem', payload: longest }).ok).toBe(true);
    const longNote = { ...payloads.saveNote, text: 'n'.repeat(100_000), wellbeing: null };
    expect(validateRequest({ type: 'saveNote', payload: longNote }).ok).toBe(true);
  });

  it('trims and lowercases emails', () => {
    const result = validateRequest({
      type: 'addPerson',
      payload: { email: ' Ana@Example.COM ', name: 'Ana' },
    });
    expect(result).toEqual({
      ok: true,
      request: { type: 'addPerson', payload: { email: ANA, name: 'Ana' } },
    });
  });

  it('names nested fields in openOneOnOne', () => {
    const event = { ...payloads.openOneOnOne.event, start: '9am' };
    expect(errorOf({ type: 'openOneOnOne', payload: { ...payloads.openOneOnOne, event } })).toBe(
      'openOneOnOne.event.start: expected a time in epoch milliseconds',
    );
    const person = { email: ANA, name: 'Ana', photo: 'x' };
    expect(errorOf({ type: 'openOneOnOne', payload: { ...payloads.openOneOnOne, person } })).toBe(
      'openOneOnOne.person: unknown field "photo"',
    );
    const unknownStart = { ...payloads.openOneOnOne.event, start: null };
    const accepted = validateRequest({
      type: 'openOneOnOne',
      payload: { ...payloads.openOneOnOne, event: unknownStart },
    });
    expect(accepted.ok).toBe(true);
  });

  it("checks the series' recurrence in days, when given", () => {
    const withRecurrence = (recurrenceDays: unknown) => ({
      type: 'showEvent',
      payload: { ...payloads.showEvent, event: { ...payloads.showEvent.event, recurrenceDays } },
    });
    expect(validateRequest(withRecurrence(14)).ok).toBe(true);
    expect(validateRequest(withRecurrence(null)).ok).toBe(true);
    for (const wrong of [0, 366, 7.5, 'weekly']) {
      expect(errorOf(withRecurrence(wrong))).toBe(
        'showEvent.event.recurrenceDays: expected a whole number from 1 to 365',
      );
    }
  });

  it('accepts showEvent without a counterpart and checks one when given', () => {
    const withoutPerson = { ...payloads.showEvent, person: null };
    expect(validateRequest({ type: 'showEvent', payload: withoutPerson })).toEqual({
      ok: true,
      request: { type: 'showEvent', payload: withoutPerson },
    });
    const unnamed = { ...payloads.showEvent, person: { email: ANA } };
    expect(errorOf({ type: 'showEvent', payload: unnamed })).toBe('showEvent.person.name: missing');
    const badEmail = { ...payloads.showEvent, person: { email: 'ana', name: 'Ana' } };
    expect(errorOf({ type: 'showEvent', payload: badEmail })).toBe(
      'showEvent.person.email: not a valid email address',
    );
    const noEid = { ...payloads.showEvent, event: { ...payloads.showEvent.event, eid: '' } };
    expect(errorOf({ type: 'showEvent', payload: noEid })).toBe(
      'showEvent.event.eid: must not be empty',
    );
    expect(errorOf({ type: 'showEvent', payload: { ...payloads.showEvent, person: 'Ana' } })).toBe(
      'showEvent.person: expected an object',
    );
  });

  it('limits getOpenItemCounts to 500 non-empty series keys', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `series-${i}`);
    expect(
      validateRequest({ type: 'getOpenItemCounts', payload: { seriesKeys: keys(500) } }).ok,
    ).toBe(true);
    expect(errorOf({ type: 'getOpenItemCounts', payload: { seriesKeys: keys(501) } })).toBe(
      'getOpenItemCounts.seriesKeys: more than 500 entries',
    );
    expect(errorOf({ type: 'getOpenItemCounts', payload: { seriesKeys: ['a', ''] } })).toBe(
      'getOpenItemCounts.seriesKeys[1]: must not be empty',
    );
    expect(errorOf({ type: 'getOpenItemCounts', payload: { seriesKeys: 'a' } })).toBe(
      'getOpenItemCounts.seriesKeys: expected a list',
    );
  });

  it('requires a counterpart only for a one-on-one override', () => {
    const payload = { ...payloads.setSeriesOverride, personEmail: '' };
    expect(errorOf({ type: 'setSeriesOverride', payload })).toBe(
      'setSeriesOverride.personEmail: required when decision is "one-on-one"',
    );
  });

  it('checks a restored action item record field by field and as a whole', () => {
    const restore = (item: unknown) => ({ type: 'restoreActionItem', payload: { item } });
    expect(errorOf(restore({ ...restorableItem, open: 0 }))).toBe(
      'restoreActionItem.item.open: must be 1 exactly when doneAt is null',
    );
    expect(errorOf(restore({ ...restorableItem, open: true }))).toBe(
      'restoreActionItem.item.open: expected 0 or 1',
    );
    expect(errorOf(restore({ ...restorableItem, doneAt: NaN }))).toBe(
      'restoreActionItem.item.doneAt: expected a time in epoch milliseconds',
    );
    expect(validateRequest(restore({ ...restorableItem, doneAt: 5, open: 0 })).ok).toBe(true);
  });

  it('shortens page-controlled names echoed in errors', () => {
    const error = errorOf({
      type: 'deleteActionItem',
      payload: { id: 'a', ['k'.repeat(5000)]: 1 },
    });
    expect(error.length).toBeLessThan(100);
  });

  it.each(['recordSeenOccurrences'] as const)(
    'checks each chip %s reports: a start in 1970 or later, at most 500, nothing else',
    (type) => {
      const chip = { eid: 'e1', seriesKey: 'series-1', start: Date.UTC(2025, 5, 3, 9) };
      const report = (occurrences: unknown) => ({ type, payload: { occurrences } });
      expect(validateRequest(report([chip, { ...chip, eid: 'e2', start: 0 }])).ok).toBe(true);
      expect(errorOf(report([chip, { ...chip, start: -1 }]))).toBe(
        `${type}.occurrences[1].start: expected 1970 or later`,
      );
      expect(errorOf(report([{ ...chip, start: Infinity }]))).toBe(
        `${type}.occurrences[0].start: expected a time in epoch milliseconds`,
      );
      expect(errorOf(report([{ ...chip, start: '2025-06-03T09:00' }]))).toBe(
        `${type}.occurrences[0].start: expected a time in epoch milliseconds`,
      );
      expect(errorOf(report(Array.from({ length: 501 }, () => chip)))).toBe(
        `${type}.occurrences: more than 500 entries`,
      );
      expect(errorOf(report([{ ...chip, eid: '  ' }]))).toBe(
        `${type}.occurrences[0].eid: must not be empty`,
      );
      expect(errorOf(report([{ ...chip, title: '<img src=x onerror=alert(1)>' }]))).toMatch(
        new RegExp(`^${type}\\.occurrences\\[0\\]`),
      );
    },
  );

  it('checks a feedback entry edit as an added entry is checked', () => {
    const edit = (changes: Record<string, unknown>) => ({
      type: 'updateFeedbackEntry',
      payload: { id: 'feedback-1', ...changes },
    });
    expect(validateRequest(edit({ text: 'Better', day: '1970-01-01', kind: 'win' })).ok).toBe(true);
    expect(errorOf(edit({ text: ' ' }))).toBe('updateFeedbackEntry.text: must not be empty');
    expect(errorOf(edit({ text: 'x'.repeat(100_000) }))).toMatch(/^updateFeedbackEntry\.text: /);
    expect(errorOf(edit({ day: '1969-12-31' }))).toMatch(/^updateFeedbackEntry\.day: /);
    expect(errorOf(edit({ kind: 'gossip' }))).toMatch(/^updateFeedbackEntry\.kind: /);
    expect(errorOf(edit({ id: '' }))).toBe('updateFeedbackEntry.id: must not be empty');
  });

  it.each([
    ['updateActionItem', { id: 'item-1', text: 'Better' }],
    ['setActionItemDone', { id: 'item-1', done: true }],
    ['deleteActionItem', { id: 'item-1' }],
    ['setTalkingPointDiscussed', { id: 'point-1', discussed: true, meetingEid: '' }],
    ['updateFeedbackEntry', { id: 'feedback-1', text: 'Better' }],
    ['deleteFeedbackEntry', { id: 'feedback-1' }],
  ])("takes %s with or without the record's person, and checks the person", (type, payload) => {
    expect(validateRequest({ type, payload }).ok).toBe(true);
    const named = validateRequest({
      type,
      payload: { ...payload, personEmail: ' Ana@Example.com' },
    });
    expect(named).toMatchObject({
      ok: true,
      request: { payload: { personEmail: 'ana@example.com' } },
    });
    expect(errorOf({ type, payload: { ...payload, personEmail: 'not an address' } })).toMatch(
      new RegExp(`^${type}\\.personEmail: `),
    );
  });
});
