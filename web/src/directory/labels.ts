// Formatting of clinic data for display. Pure.

import type { Lang, MessageKey } from '../i18n';
import { CLINIC_KINDS, ESERVICE_CATEGORIES, type Eservice, type EserviceCategory, type LocalizedText } from './clinic';

/** The message key naming a clinic kind; unknown kinds get a neutral label. */
export function kindKey(kind: string): MessageKey {
  return (CLINIC_KINDS as readonly string[]).includes(kind) ? (`kind.${kind}` as MessageKey) : 'kind.other';
}

export function categoryKey(category: EserviceCategory): MessageKey {
  return `category.${category}`;
}

/**
 * Picks the text in the wanted language, falling back to the other one, and
 * says which language it is in (so it can be marked up with lang="…").
 */
export function pickLocalized(text: LocalizedText, lang: Lang): { text: string; lang: Lang } {
  const wanted = text[lang];
  if (wanted) return { text: wanted, lang };
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  return { text: text[other] ?? '', lang: other };
}

export function pickText(text: LocalizedText, lang: Lang): string {
  return pickLocalized(text, lang).text;
}

export interface EserviceGroup {
  category: EserviceCategory;
  items: Eservice[];
}

/**
 * Groups e-services as basic, recommended, custom (in that order), keeping
 * the API's order inside a group and leaving out empty groups.
 */
export function groupEservices(eservices: readonly Eservice[]): EserviceGroup[] {
  return ESERVICE_CATEGORIES.map((category) => ({
    category,
    items: eservices.filter((e) => e.category === category),
  })).filter((g) => g.items.length > 0);
}

/** A tel: URL for a Swedish phone number as written, e.g. "010-000 00 01". */
export function telHref(phone: string): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 3) return null;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

/** A mailto: URL, or null for something that does not look like an address. */
export function mailtoHref(email: string): string | null {
  const trimmed = email.trim();
  if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(trimmed)) return null;
  return `mailto:${trimmed}`;
}

/** "412 58 Göteborg" — postal code and town on one line, whichever exist. */
export function postalLine(address: { postalCode: string; city: string }): string {
  return [address.postalCode, address.city].filter((s) => s !== '').join(' ');
}
