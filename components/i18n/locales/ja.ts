import type { Messages } from '../messages';

export const ja: Messages = {
  appName: 'Craft Beyond Code',
  loading: '読み込み中…',
  openItems: { other: '未完了の項目 {count} 件' },
};
