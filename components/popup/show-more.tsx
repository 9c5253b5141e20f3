// The "Show more" line under a windowed list.

export function ShowMore({
  shown,
  total,
  noun,
  onShowMore,
}: {
  shown: number;
  total: number;
  noun: string;
  onShowMore: () => void;
}) {
  if (shown >= total) return null;
  return (
    <p class="cbc-show-more">
      <span>
        Showing {shown} of {total} {noun}.
      </span>{' '}
      <button type="button" onClick={onShowMore}>
        Show more
      </button>
    </p>
  );
}
