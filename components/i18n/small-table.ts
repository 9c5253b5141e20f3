// A translator for a handful of words, for scripts that must not carry the full tables
// (locales/*.ts): the content script, which runs on every Calendar page within its size budget,
// and the popup's first script, which must stay tiny. Same message format as the full tables
// ({name} placeholders; plural forms by Intl.PluralRules on `count`), no dependency on them.

type SmallMessage = string | ({ readonly other: string } & Partial<Record<string, string>>);

export type SmallTables<K extends string> = {
  readonly en: Readonly<Record<K, SmallMessage>>;
  readonly de: Readonly<Record<K, SmallMessage>>;
  readonly ja: Readonly<Record<K, SmallMessage>>;
};

/** 'de' for 'de-AT', 'ja' for 'ja-JP', else 'en' (as `localeCodeOf` in ./index.ts). */
export function smallLocaleOf(language: string): 'en' | 'de' | 'ja' {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  return primary === 'de' || primary === 'ja' ? primary : 'en';
}

export function smallTranslator<K extends string>(tables: SmallTables<K>, language: string) {
  const locale = smallLocaleOf(language);
  const messages = tables[locale];
  let plurals: Intl.PluralRules | undefined;
  const translate = (key: K, values: Readonly<Record<string, string | number>> = {}): string => {
    const message = messages[key] ?? tables.en[key];
    let template: string;
    if (typeof message === 'string') template = message;
    else {
      plurals ??= new Intl.PluralRules(locale);
      const count = values.count;
      template =
        (typeof count === 'number' ? message[plurals.select(count)] : undefined) ?? message.other;
    }
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      values[name] === undefined ? whole : String(values[name]),
    );
  };
  return Object.assign(translate, { locale });
}
