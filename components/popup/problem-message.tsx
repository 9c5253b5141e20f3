// A failure worded for people, with the technical detail one click away (a <details>): what
// happened and what it means first, the exact message for a bug report after.

import { t } from '@/components/i18n';

export function ProblemMessage({ summary, detail }: { summary: string; detail: string | null }) {
  return (
    <div role="alert" class="cbc-error cbc-problem">
      <p>{summary}</p>
      {detail !== null && detail !== '' && (
        <details>
          <summary>{t('popupTechnicalDetails')}</summary>
          <code>{detail}</code>
        </details>
      )}
    </div>
  );
}
