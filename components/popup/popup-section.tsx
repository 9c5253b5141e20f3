// A section of the popup, reachable by name: a region labelled by its heading.

import type { ComponentChildren } from 'preact';

export function PopupSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
}) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} class="cbc-section">
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
