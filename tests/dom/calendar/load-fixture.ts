// Loads a saved Calendar page into happy-dom's document: the page's URL (from the fixture's
// "fixture-url" comment) and its <html> element, so the adapter sees what it would see live.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Vitest runs from the repository root.
const FIXTURES = `${resolve(process.cwd(), 'tests/fixtures/calendar')}/`;

export function fixtureText(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

export function fixtureUrl(name: string): string {
  const match = /<!-- fixture-url: (\S+) -->/.exec(fixtureText(name));
  if (!match) throw new Error(`${name} has no fixture-url comment`);
  return match[1]!;
}

/** Replaces the current document's <html> with the fixture's and sets the page URL. */
export function loadFixture(name: string): Document {
  const text = fixtureText(name);
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    fixtureUrl(name),
  );
  const parsed = new DOMParser().parseFromString(text, 'text/html');
  const root = document.documentElement;
  for (const name of root.getAttributeNames()) root.removeAttribute(name);
  for (const attribute of Array.from(parsed.documentElement.attributes)) {
    root.setAttribute(attribute.name, attribute.value);
  }
  root.replaceChildren(
    ...Array.from(parsed.documentElement.childNodes).map((node) => document.importNode(node, true)),
  );
  return document;
}

/** Elements parsed from a fixture (e.g. guest rows of another page), ready to insert. */
export function elementsFromFixture(name: string, selector: string): Element[] {
  const parsed = new DOMParser().parseFromString(fixtureText(name), 'text/html');
  return Array.from(parsed.querySelectorAll(selector)).map((element) =>
    document.importNode(element, true),
  );
}
