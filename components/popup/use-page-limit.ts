// Long lists render a page at a time ("Show more"): a popup never builds 100k rows.

import { useCallback, useState } from 'preact/hooks';

export const PAGE_SIZE = 50;

export function usePageLimit(pageSize = PAGE_SIZE) {
  const [limit, setLimit] = useState(pageSize);
  const showMore = useCallback(() => setLimit((current) => current + pageSize), [pageSize]);
  /** Makes sure the first `count` rows are shown (e.g. to reveal a row jumped to). */
  const showAtLeast = useCallback(
    (count: number) =>
      setLimit((current) => (current >= count ? current : Math.ceil(count / pageSize) * pageSize)),
    [pageSize],
  );
  return { limit, showMore, showAtLeast };
}
