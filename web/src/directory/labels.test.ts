import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import type { Eservice } from './clinic';
import { categoryKey, groupEservices, kindKey, mailtoHref, pickLocalized, pickText, postalLine, telHref } from './labels';

function es(code: string, category: Eservice['category']): Eservice {
  return { code, category, name: { sv: code, en: code }, offered: true, reason: null };
}

describe('clinic labels', () => {
  it('names every clinic kind in Swedish and English', () => {
    expect(translate('sv', kindKey('primary_care'))).toBe('Vårdcentral');
    expect(translate('en', kindKey('primary_care'))).toBe('Primary care centre');
    expect(translate('sv', kindKey('habilitation'))).toBe('Habilitering');
    expect(translate('sv', kindKey('psychiatry'))).toBe('Psykiatri');
    expect(translate('en', kindKey('home_care'))).toBe('Home health care');
  });

  it('gives an unknown kind a neutral label instead of a code', () => {
    expect(kindKey('dental')).toBe('kind.other');
    expect(translate('sv', kindKey('dental'))).toBe('Annan verksamhet');
  });

  it('names the e-service categories', () => {
    expect(translate('sv', categoryKey('basic'))).toBe('Grundläggande e-tjänster');
    expect(translate('en', categoryKey('recommended'))).toBe('Recommended e-services');
  });

  it('picks text in the wanted language with a fallback', () => {
    expect(pickText({ sv: 'Boka tid', en: 'Book an appointment' }, 'en')).toBe('Book an appointment');
    expect(pickText({ sv: 'Boka tid', en: null }, 'en')).toBe('Boka tid');
    expect(pickText({ sv: null, en: 'Book' }, 'sv')).toBe('Book');
  });

  it('tells which language the picked text is in', () => {
    expect(pickLocalized({ sv: 'Boka tid', en: 'Book' }, 'en')).toEqual({ text: 'Book', lang: 'en' });
    expect(pickLocalized({ sv: 'Boka tid', en: null }, 'en')).toEqual({ text: 'Boka tid', lang: 'sv' });
    expect(pickLocalized({ sv: null, en: null }, 'sv')).toEqual({ text: '', lang: 'en' });
  });

  it('groups e-services basic, recommended, custom and drops empty groups', () => {
    const groups = groupEservices([es('c1', 'custom'), es('b1', 'basic'), es('b2', 'basic')]);
    expect(groups.map((g) => g.category)).toEqual(['basic', 'custom']);
    expect(groups[0]?.items.map((e) => e.code)).toEqual(['b1', 'b2']);
    expect(groupEservices([])).toEqual([]);
  });

  it('makes dialable tel: links', () => {
    expect(telHref('010-000 00 01')).toBe('tel:0100000001');
    expect(telHref('+46 10 000 00 01')).toBe('tel:+46100000001');
    expect(telHref('–')).toBeNull();
  });

  it('makes mailto: links only for plausible addresses', () => {
    expect(mailtoHref('bjorkdalen@example.se')).toBe('mailto:bjorkdalen@example.se');
    expect(mailtoHref('not an address')).toBeNull();
    expect(mailtoHref('a@b')).toBeNull();
  });

  it('writes the postal line', () => {
    expect(postalLine({ postalCode: '412 58', city: 'Göteborg' })).toBe('412 58 Göteborg');
    expect(postalLine({ postalCode: '', city: 'Göteborg' })).toBe('Göteborg');
  });
});
