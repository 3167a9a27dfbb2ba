import { describe, expect, it } from 'vitest';
import { en } from './en';
import { initialLang, interpolate, isLang, plural, translate, translator } from './index';
import { sv } from './sv';

describe('i18n', () => {
  it('defaults to Swedish when nothing valid is remembered', () => {
    expect(initialLang(null)).toBe('sv');
    expect(initialLang(undefined)).toBe('sv');
    expect(initialLang('de')).toBe('sv');
    expect(initialLang('en')).toBe('en');
  });

  it('recognises only supported languages', () => {
    expect(isLang('sv')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('EN')).toBe(false);
    expect(isLang(42)).toBe(false);
  });

  it('translates into both languages', () => {
    expect(translate('sv', 'nav.directory')).toBe('Hitta mottagning');
    expect(translate('en', 'nav.directory')).toBe('Find a clinic');
  });

  it('fills placeholders and leaves unknown ones alone', () => {
    expect(interpolate('Hej {name}, {missing}', { name: 'Anna' })).toBe('Hej Anna, {missing}');
    expect(interpolate('{a}{a}', { a: 1 })).toBe('11');
    expect(interpolate('no params')).toBe('no params');
    expect(translate('sv', 'directory.empty', { q: 'xyz' })).toBe('Inga mottagningar matchar ”xyz”.');
  });

  it('uses the plural forms of each language', () => {
    expect(plural('sv', 'directory.count', 1)).toBe('1 mottagning visas.');
    expect(plural('sv', 'directory.count', 4)).toBe('4 mottagningar visas.');
    expect(plural('sv', 'directory.count', 0)).toBe('0 mottagningar visas.');
    expect(plural('en', 'directory.count', 1)).toBe('Showing 1 clinic.');
    expect(plural('en', 'directory.count', 2)).toBe('Showing 2 clinics.');
  });

  it('has the same keys and no empty messages in both dictionaries', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const [key, text] of [...Object.entries(sv), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('keeps placeholders the same in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(names(en[key]), key).toEqual(names(sv[key]));
    }
  });

  it('binds a language in a translator', () => {
    const tr = translator('en');
    expect(tr.lang).toBe('en');
    expect(tr.t('nav.patient')).toBe('My pages');
    expect(tr.plural('directory.count', 3)).toBe('Showing 3 clinics.');
  });
});
