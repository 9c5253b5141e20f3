// "Show in People", named "Show Ada in People" for screen readers: the person's name is part of
// the accessible name but not of the visible words. Languages put the name in different places,
// so the message carries a {name} placeholder and the name is rendered, hidden from sight, where
// the language put it.

import { t } from '@/components/i18n';

/** The message split around its {name}: what is seen before and after it. */
export function aroundName(template: string): { before: string; after: string } {
  const at = template.indexOf('{name}');
  if (at < 0) return { before: template, after: '' };
  return { before: template.slice(0, at), after: template.slice(at + '{name}'.length) };
}

export function ShowInPeople({ name }: { name: string }) {
  const { before, after } = aroundName(t('popupShowInPeople', { name: '{name}' }));
  // The space before the name is the name's: the visible words read "Show in People".
  const seen = before.trimEnd();
  const gap = before.length > seen.length ? ' ' : '';
  return (
    <>
      {seen}
      <span class="cbc-sr-only">
        {gap}
        {name}
      </span>
      {after}
    </>
  );
}
