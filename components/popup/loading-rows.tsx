// A list still loading: the shape of its rows (the skeleton's bones, design/skeleton.css) and
// the word "Loading…" for screen readers.

import { t } from '@/components/i18n';

export function LoadingRows({ rows = 3 }: { rows?: number }) {
  return (
    <div class="cbc-loading" aria-busy="true">
      <span class="cbc-sr-only">{t('commonLoading')}</span>
      {Array.from({ length: rows }, (_, index) => (
        <div
          key={index}
          class={`cbc-bone${index % 2 ? ' cbc-bone-short' : ''}`}
          aria-hidden="true"
        />
      ))}
    </div>
  );
}
