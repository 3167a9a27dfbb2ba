import { en } from './en';
import { sv, type MessageKey } from './sv';

export type { MessageKey } from './sv';

export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'sv';

const dictionaries: Record<Lang, Record<MessageKey, string>> = { sv, en };

export type Params = Record<string, string | number>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language to start in: a remembered choice if valid, else Swedish. */
export function initialLang(stored: string | null | undefined): Lang {
  return isLang(stored) ? stored : DEFAULT_LANG;
}

/** Replaces {name} placeholders; unknown placeholders are left as written. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Looks a message up; falls back to Swedish, then to the key itself. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = dictionaries[lang][key] ?? dictionaries[DEFAULT_LANG][key] ?? key;
  return interpolate(text, params);
}

type PluralBase<K extends string> = K extends `${infer B}.one` ? B : never;
export type PluralKey = PluralBase<MessageKey>;

/** Picks `<base>.one` or `<base>.other` by the language's plural rules; {count} is filled in. */
export function plural(lang: Lang, base: PluralKey, count: number, params?: Params): string {
  const form = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
  return translate(lang, `${base}.${form}` as MessageKey, { count, ...params });
}

export interface Translator {
  lang: Lang;
  t: (key: MessageKey, params?: Params) => string;
  plural: (base: PluralKey, count: number, params?: Params) => string;
}

export function translator(lang: Lang): Translator {
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    plural: (base, count, params) => plural(lang, base, count, params),
  };
}
