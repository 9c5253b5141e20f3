// "Copy agenda": the 1:1's talking points, standing topics due and open items on both sides,
// put on the clipboard by the model (nothing is sent anywhere), and said politely.

import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { PanelActions } from './panel-view';

export function CopyAgenda({ actions }: { actions: PanelActions }) {
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    setCopied(null);
    setCopied(await actions.copyAgenda());
  }

  return (
    <div class="cbc-row cbc-agenda">
      <button type="button" onClick={() => void copy()}>
        {t('prepareCopyAgenda')}
      </button>
      <span class="cbc-muted" role="status">
        {copied === true ? t('prepareAgendaCopied') : ''}
        {copied === false ? t('prepareAgendaNotCopied') : ''}
      </span>
    </div>
  );
}
