// The "Show more" line under a windowed list.

import { t } from '@/components/i18n';

const SHOWING = {
  items: 'popupShowingItems',
  people: 'popupShowingPeople',
  projects: 'popupShowingProjects',
} as const;

export function ShowMore({
  shown,
  total,
  noun,
  onShowMore,
}: {
  shown: number;
  total: number;
  /** What is listed: "Showing 50 of 120 items." */
  noun: 'items' | 'people' | 'projects';
  onShowMore: () => void;
}) {
  if (shown >= total) return null;
  return (
    <p class="cbc-show-more">
      <span>{t(SHOWING[noun], { shown, count: total })}</span>{' '}
      <button type="button" onClick={onShowMore}>
        {t('popupShowMore')}
      </button>
    </p>
  );
}
