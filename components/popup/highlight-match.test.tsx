import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { HighlightMatch, matchParts } from './highlight-match';

describe('matchParts', () => {
  it('marks every occurrence, whatever its case, and keeps the text around it', () => {
    expect(matchParts('Budget talk: the BUDGET is late', ' budget ')).toEqual([
      { text: 'Budget', match: true },
      { text: ' talk: the ', match: false },
      { text: 'BUDGET', match: true },
      { text: ' is late', match: false },
    ]);
  });

  it('marks nothing for an empty query or no match', () => {
    expect(matchParts('abc', '')).toEqual([{ text: 'abc', match: false }]);
    expect(matchParts('abc', 'x')).toEqual([{ text: 'abc', match: false }]);
  });

  it('renders markup in the text as text', () => {
    const { container } = render(
      <p>
        <HighlightMatch text={'<img src=x onerror=alert(1)> img'} query="img" />
      </p>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'img',
      'img',
    ]);
  });
});
