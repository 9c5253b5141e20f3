// The calendar adapter reading hostile page text: a saved 1:1 popover whose title, guest name and
// guest address are replaced (with textContent / setAttribute, as the page's own text would be)
// by every corpus string. The values come back as text — exactly, up to the adapter's documented
// whitespace collapsing (textOf, firstText) — and the classification stays sane: the counterpart
// is still the other guest, and a garbage address is never taken for a person.

import { beforeEach, describe, expect, it } from 'vitest';
import { classifyOneOnOne, readEventDialog } from '@/utils/calendar';
import { hostileNames, hostileStrings } from '../../fixtures/hostile-strings';
import { loadFixture } from '../../dom/calendar/load-fixture';

const ALEX = 'alex.chen@acme.example';
const SAM = 'sam.lee@acme.example';

/** What a reader sees: whitespace runs collapsed, ends trimmed (assemble-event.ts textOf). */
const asRead = (text: string) => text.replace(/\s+/g, ' ').trim();

let doc: Document;
beforeEach(() => {
  doc = loadFixture('popover-one-on-one.en.light.html');
});

const title = () => doc.querySelector('#rAECCd')!;
const alexRow = () => doc.querySelector(`[data-email="${ALEX}"]`)!;
const alexName = () => alexRow().querySelector('[data-hovercard-id]')!;

/** Elements other than the fixture's: none may appear when text is set as text. */
const countElements = () => doc.querySelectorAll('*').length;

describe('hostile titles', () => {
  it.each(hostileStrings.map((text, index) => [index, text] as const))(
    'string %i is read back as the title and the 1:1 is still with Alex',
    (_, text) => {
      const elements = countElements();
      title().textContent = text;
      expect(countElements()).toBe(elements);
      const event = readEventDialog(doc)!;
      expect(event.title).toBe(asRead(text));
      expect(classifyOneOnOne(event)).toMatchObject({
        kind: 'one-on-one',
        person: { email: ALEX, name: 'Alex Chen' },
      });
    },
  );
});

describe('hostile guest names', () => {
  it.each(
    [...hostileStrings, ...hostileNames]
      .filter((text) => asRead(text) !== '')
      .map((text, index) => [index, text] as const),
  )('string %i is read back as the counterpart’s name', (_, text) => {
    alexName().textContent = text;
    alexRow().setAttribute('aria-label', `${text}, Accepted, Organizer`);
    const event = readEventDialog(doc)!;
    const alex = event.guests.find((guest) => guest.email === ALEX);
    expect(alex?.name).toBe(asRead(text));
    expect(event.guests.map((guest) => guest.email)).toEqual([ALEX, SAM]);
    expect(classifyOneOnOne(event)).toMatchObject({
      kind: 'one-on-one',
      person: { email: ALEX, name: asRead(text) },
    });
  });
});

/** Address-shaped strings that carry markup, script URLs or quotes. */
const hostileAddresses = [
  ...hostileStrings,
  `"><img src=x onerror=window.__cbcPwned=1>@evil.example`,
  `javascript:window.__cbcPwned=1@evil.example`,
  `<script>@evil.example`,
  `alex.chen@acme.example" onmouseover="x`,
  `alex.chen@acme.example<svg onload=1>`,
  `ALEX.CHEN@ACME.EXAMPLE `,
];

describe('hostile guest addresses', () => {
  it.each(hostileAddresses.map((text, index) => [index, text] as const))(
    'string %i never becomes a counterpart unless it is one plain address',
    (_, text) => {
      const row = alexRow();
      const name = alexName();
      row.setAttribute('data-email', text);
      row.setAttribute('data-id', text);
      name.setAttribute('data-hovercard-id', text);
      const event = readEventDialog(doc)!;
      const classification = classifyOneOnOne(event);
      for (const guest of event.guests) {
        // Whatever was read is one address: no markup, quotes, spaces or scheme.
        expect(guest.email).toMatch(/^[^\s<>"'():;,[\]]+@[^\s<>"'():;,[\]]+\.[^\s<>"'():;,[\]]+$/);
      }
      if (classification.kind === 'one-on-one') {
        expect(classification.person.email).not.toBe(SAM);
        expect(event.guests.map((guest) => guest.email)).toContain(classification.person.email);
      }
    },
  );

  it('reads a plain address given in capitals with a trailing space as the same person', () => {
    alexRow().setAttribute('data-email', 'ALEX.CHEN@ACME.EXAMPLE ');
    const event = readEventDialog(doc)!;
    expect(classifyOneOnOne(event)).toMatchObject({ kind: 'one-on-one', person: { email: ALEX } });
  });

  it('does not treat an event whose other guest has a garbage address as a 1:1 with someone else', () => {
    const row = alexRow();
    const name = alexName();
    row.setAttribute('data-email', '<img src=x onerror=1>');
    row.removeAttribute('data-id');
    name.removeAttribute('data-hovercard-id');
    const event = readEventDialog(doc)!;
    expect(event.guests.map((guest) => guest.email)).toEqual([SAM]);
    expect(event.guestListComplete).toBe(false);
    expect(classifyOneOnOne(event).kind).not.toBe('one-on-one');
  });
});
