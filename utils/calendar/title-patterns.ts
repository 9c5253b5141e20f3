// Titles people give 1:1s. A secondary signal only: used when the guest list cannot be read,
// never against a clear group meeting. Symbols and digits rather than words, so that most
// languages are covered ("1:1 Alex", "Alex / Sam", "1on1 山田", "１：１").

const PATTERNS: RegExp[] = [
  // 1:1, 1-1, 1–1, 1:1 with full-width digits/colon; not part of a time or a longer number.
  /(^|[^\d０-９])[1１]\s*[:：\-–—][1１](?![\d０-９])/,
  /(^|[^\d])1\s*on\s*1(?!\d)/i,
  /\bone[\s-]*on[\s-]*one\b/i,
  /\b1[\s-]*to[\s-]*1\b/i,
  // "A / B", "A <> B", "A | B", "A x B", "A × B": exactly two sides.
  /^\s*[^/|<>×]+?\s+(?:\/|<>|<->|\||x|×)\s+[^/|<>×]+?\s*$/i,
];

export function titleLooksLikeOneOnOne(title: string): boolean {
  const trimmed = title.trim();
  if (trimmed === '') return false;
  return PATTERNS.some((pattern) => pattern.test(trimmed));
}
