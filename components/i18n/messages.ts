// The shape of a locale's messages, derived from the English reference (locales/en.ts).

import type { en } from './locales/en';

export type MessageKey = keyof typeof en;

/** Plural forms by Intl.PluralRules category; `other` is always there. */
export type PluralMessage = { readonly other: string } & {
  readonly [category in Intl.LDMLPluralRule]?: string;
};

type MessageShape<M> = M extends string ? string : PluralMessage;

/** Every key of English, each a string where English has a string, plural forms where it has them. */
export type Messages = { readonly [K in MessageKey]: MessageShape<(typeof en)[K]> };
