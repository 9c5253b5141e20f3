// Email addresses as Calendar shows them: inside localized labels ("Google Account: Alex
// (alex@example.com)", full-width brackets in Japanese), jslog arrays and data-* attributes.

const ADDRESS =
  /[^\s()（）<>「」[\]"',;:：]+@[^\s()（）<>「」[\]"',;:：]+\.[^\s()（）<>「」[\]"',;:：]+/;
const WHOLE_ADDRESS = new RegExp(`^${ADDRESS.source}$`);

/** The first address-shaped token in `text`, lowercased, or null. */
export function findAddress(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = ADDRESS.exec(text);
  return match ? match[0].toLowerCase() : null;
}

/** `text` trimmed and lowercased when it is exactly one address, else null. */
export function asAddress(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim();
  return WHOLE_ADDRESS.test(trimmed) ? trimmed.toLowerCase() : null;
}
