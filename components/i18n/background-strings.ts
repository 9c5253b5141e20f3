// The background's words, in the browser's UI language: the toolbar button's tooltip (also its
// accessible name) and refusals worded for people (utils/domain/problems.ts). A small table like
// the content script's: the service worker does not need the pages' full tables to say these.

import type { ProblemKey } from '@/utils/domain/problems';
import type { BackgroundWords } from '@/utils/messaging/serve-background';
import { smallTranslator, type SmallTables } from './small-table';

type BackgroundKey = ProblemKey | 'badgeTitleNone' | 'badgeTitle';

export const BACKGROUND_STRINGS = {
  en: {
    badgeTitleNone: 'Craft Beyond Code: no open action items',
    badgeTitle: {
      one: 'Craft Beyond Code: {count} open action item',
      other: 'Craft Beyond Code: {count} open action items',
    },
    problemEmpty: 'This is empty. Write something first.',
    problemTooLong: 'This is longer than {max} characters. Shorten it, then try again.',
    problemEmailRequired: 'An email address is required.',
    problemEmailInvalid: 'This is not a valid email address.',
    problemDayInvalid: 'Enter a date like 2025-01-31.',
    problemDayTooEarly: 'Enter a date on or after {earliest}.',
    problemGone:
      'This is no longer there: it may have been deleted in another window. Nothing was changed.',
    problemPersonExists: '{who} is already in People.',
    problemPersonExistsArchived: '{who} is already in People, archived.',
    problemProjectExists: 'A project named “{name}” already exists.',
    problemProjectExistsArchived: 'A project named “{name}” already exists (archived).',
    problemChoosePerson: 'Choose the person this 1:1 is with.',
    problemTopicForSomeoneElse: 'This standing topic is for someone else.',
    problemImportRunning:
      'Another import is still running. Wait for it to finish, or cancel it, then try again.',
    problemStorageFull:
      'Browser storage is full, so this was not saved. Free some disk space, then try again.',
    problemUnreadable:
      'The extension could not read this request, so nothing was changed. Reload the page, then try again.',
    problemInternal: 'Something went wrong, so nothing was changed ({detail}).',
  },
  de: {
    badgeTitleNone: 'Craft Beyond Code: keine offenen Aufgaben',
    badgeTitle: {
      one: 'Craft Beyond Code: {count} offene Aufgabe',
      other: 'Craft Beyond Code: {count} offene Aufgaben',
    },
    problemEmpty: 'Das Feld ist leer. Bitte geben Sie zuerst etwas ein.',
    problemTooLong:
      'Der Text ist länger als {max} Zeichen. Bitte kürzen Sie ihn und versuchen Sie es noch einmal.',
    problemEmailRequired: 'Bitte geben Sie eine E-Mail-Adresse ein.',
    problemEmailInvalid: 'Das ist keine gültige E-Mail-Adresse.',
    problemDayInvalid: 'Bitte geben Sie ein Datum wie 2025-01-31 ein.',
    problemDayTooEarly: 'Bitte geben Sie ein Datum ab {earliest} ein.',
    problemGone:
      'Der Eintrag ist nicht mehr vorhanden, vielleicht wurde er in einem anderen Fenster gelöscht. Es wurde nichts geändert.',
    problemPersonExists: '{who} ist bereits unter „Personen“.',
    problemPersonExistsArchived: '{who} ist bereits unter „Personen“ (archiviert).',
    problemProjectExists: 'Ein Projekt namens „{name}“ gibt es bereits.',
    problemProjectExistsArchived: 'Ein Projekt namens „{name}“ gibt es bereits (archiviert).',
    problemChoosePerson: 'Bitte wählen Sie die Person, mit der dieses 1:1 stattfindet.',
    problemTopicForSomeoneElse: 'Dieses feste Thema gehört zu einer anderen Person.',
    problemImportRunning:
      'Ein anderer Import läuft noch. Warten Sie, bis er fertig ist, oder brechen Sie ihn ab, und versuchen Sie es dann noch einmal.',
    problemStorageFull:
      'Der Browserspeicher ist voll, daher wurde nichts gespeichert. Geben Sie Speicherplatz frei und versuchen Sie es noch einmal.',
    problemUnreadable:
      'Die Erweiterung konnte diese Anfrage nicht lesen, daher wurde nichts geändert. Laden Sie die Seite neu und versuchen Sie es noch einmal.',
    problemInternal: 'Etwas ist schiefgelaufen, daher wurde nichts geändert ({detail}).',
  },
  ja: {
    badgeTitleNone: 'Craft Beyond Code: 未完了のタスクはありません',
    badgeTitle: { other: 'Craft Beyond Code: 未完了のタスク {count} 件' },
    problemEmpty: '空欄です。先に入力してください。',
    problemTooLong: '{max} 文字を超えています。短くしてから、もう一度お試しください。',
    problemEmailRequired: 'メールアドレスを入力してください。',
    problemEmailInvalid: '有効なメールアドレスではありません。',
    problemDayInvalid: '2025-01-31 のような形式で日付を入力してください。',
    problemDayTooEarly: '{earliest} 以降の日付を入力してください。',
    problemGone:
      'この項目はもうありません。別のウィンドウで削除された可能性があります。変更は行われていません。',
    problemPersonExists: '{who} はすでにメンバーに登録されています。',
    problemPersonExistsArchived: '{who} はすでにメンバーに登録されています（アーカイブ済み）。',
    problemProjectExists: '「{name}」という名前のプロジェクトはすでにあります。',
    problemProjectExistsArchived:
      '「{name}」という名前のプロジェクトはすでにあります（アーカイブ済み）。',
    problemChoosePerson: 'この 1on1 の相手を選択してください。',
    problemTopicForSomeoneElse: 'この定例トピックは別のメンバーのものです。',
    problemImportRunning:
      '別のインポートを実行中です。完了するまで待つか、キャンセルしてから、もう一度お試しください。',
    problemStorageFull:
      'ブラウザの保存容量がいっぱいのため、保存されませんでした。ディスクの空き容量を増やしてから、もう一度お試しください。',
    problemUnreadable:
      'このリクエストを読み取れなかったため、変更は行われていません。ページを再読み込みしてから、もう一度お試しください。',
    problemInternal: '問題が発生したため、変更は行われていません（{detail}）。',
  },
} as const satisfies SmallTables<BackgroundKey>;

/** The background's words for the browser's UI language (read once, at start). */
export function backgroundWords(language: string): BackgroundWords {
  const words = smallTranslator<BackgroundKey>(BACKGROUND_STRINGS, language);
  return {
    problem: words,
    badgeTitle: (openItems) =>
      openItems <= 0 ? words('badgeTitleNone') : words('badgeTitle', { count: openItems }),
  };
}
