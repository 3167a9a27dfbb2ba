import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../context';
import { MAX_QUERY_LENGTH, normalizeQuery } from '../query';

export const SEARCH_DEBOUNCE_MS = 350;

interface SearchFormProps {
  /** The search text currently in the URL. */
  q: string;
  /** Called with the normalised text, debounced while typing, at once on submit. */
  onSearch: (q: string) => void;
}

export function SearchForm({ q, onSearch }: SearchFormProps) {
  const { t } = useT();
  const [value, setValue] = useState(q);
  const sent = useRef(q);
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;

  // The URL changed from outside (back/forward, a link): show its text.
  useEffect(() => {
    if (q !== sent.current) {
      sent.current = q;
      setValue(q);
    }
  }, [q]);

  // Typing: search when the person pauses.
  useEffect(() => {
    const text = normalizeQuery(value);
    if (text === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = text;
      onSearchRef.current(text);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const text = normalizeQuery(value);
    if (text === sent.current) return;
    sent.current = text;
    onSearchRef.current(text);
  };

  return (
    <form class="search" role="search" aria-label={t('directory.searchRegion')} onSubmit={onSubmit}>
      <label class="search__label" for="clinic-search">
        {t('directory.searchLabel')}
      </label>
      <div class="search__row">
        <input
          id="clinic-search"
          class="search__input"
          type="search"
          name="q"
          autocomplete="off"
          spellcheck={false}
          enterKeyHint="search"
          maxLength={MAX_QUERY_LENGTH}
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit" class="button">
          {t('directory.searchButton')}
        </button>
      </div>
    </form>
  );
}
