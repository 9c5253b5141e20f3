// Puts the agenda on the clipboard, from the panel's frame and its click: as plain text and
// Markdown where the browser's ClipboardItem takes text/markdown, else as text. A framed page
// may be refused the async Clipboard API (Calendar's page does not delegate clipboard-write to
// our frame), so the copy command, which needs only the click, is the fallback.

import type { Agenda } from './agenda';

export async function writeAgendaToClipboard(agenda: Agenda): Promise<void> {
  try {
    const Item = globalThis.ClipboardItem as
      (typeof ClipboardItem & { supports?: (type: string) => boolean }) | undefined;
    if (Item?.supports?.('text/markdown')) {
      await navigator.clipboard.write([
        new Item({
          'text/plain': new Blob([agenda.text], { type: 'text/plain' }),
          'text/markdown': new Blob([agenda.markdown], { type: 'text/markdown' }),
        }),
      ]);
      return;
    }
    await navigator.clipboard.writeText(agenda.text);
  } catch {
    copyWithCommand(agenda);
  }
}

function copyWithCommand(agenda: Agenda): void {
  const onCopy = (event: ClipboardEvent) => {
    event.preventDefault();
    event.clipboardData?.setData('text/plain', agenda.text);
    event.clipboardData?.setData('text/markdown', agenda.markdown);
  };
  document.addEventListener('copy', onCopy, { once: true });
  try {
    if (!document.execCommand('copy')) throw new Error('The browser refused to copy.');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}
