// Where a search result leads in the popup (issue #14: "search that goes somewhere"). A person
// opens their card in People, a project its card in Projects; an open action item its row in Follow-ups (a done one, the
// person's card, which counts their items); a standing topic or feedback entry the person's
// preparation with that entry; a note or talking point opens in place, under the result, in
// full. Wherever it lands, the target is scrolled into view and focused, and the words searched
// for are marked there.

import type { SearchHit } from './popup-data';

export type SearchJump =
  | { to: 'person'; email: string; highlight: string }
  | { to: 'project'; id: string; highlight: string }
  | { to: 'followUp'; itemId: string; highlight: string }
  | {
      to: 'preparation';
      email: string;
      entry: { kind: 'standingTopic' | 'feedbackEntry'; id: string };
      highlight: string;
    }
  | { to: 'details'; id: string; highlight: string };

/**
 * The jump a result asks for. `isOpenItem` says whether an action item is still open (shown in
 * Follow-ups); `query` is what the shown results answer, marked at the target.
 */
export function jumpOf(
  hit: SearchHit,
  query: string,
  isOpenItem: (id: string) => boolean,
): SearchJump {
  const { result } = hit;
  const highlight = query.trim();
  switch (result.kind) {
    case 'person':
      return { to: 'person', email: result.personEmail, highlight };
    case 'project':
      return { to: 'project', id: result.id, highlight };
    case 'actionItem':
      return isOpenItem(result.id)
        ? { to: 'followUp', itemId: result.id, highlight }
        : { to: 'person', email: result.personEmail, highlight: '' };
    case 'standingTopic':
    case 'feedbackEntry':
      // A topic of the default set (for everyone) has no person: it is shown where it is.
      if (result.personEmail === '') return { to: 'details', id: result.id, highlight };
      return {
        to: 'preparation',
        email: result.personEmail,
        entry: { kind: result.kind, id: result.id },
        highlight,
      };
    case 'note':
    case 'talkingPoint':
      return { to: 'details', id: result.id, highlight };
  }
}
