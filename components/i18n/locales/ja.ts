import type { Messages } from '../messages';

export const ja: Messages = {
  appName: 'Craft Beyond Code',
  loading: '読み込み中…',
  openItems: { other: '未完了の項目 {count} 件' },
  panelDockCollapse: 'パネルを折りたたむ',
  panelDockResize: 'パネルの幅を変更',
  panelDockOpen: '{name} さんとの 1on1 メモを開く',
  panelDockOpenOverride: 'この予定で Craft Beyond Code を開く',
};
