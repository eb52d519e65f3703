import { useId, useState, type KeyboardEvent } from 'react';
import {
  childLevel,
  isWithinRegion,
  regionLevels,
  type RegionLevel,
} from '../../core/regions/region-code.ts';
import { api, type Region, type RegionSearchItem } from '../api-client.ts';
import { useApi } from '../hooks/use-api.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { regionKindLabel, regionLevelLabel } from '../i18n/labels.ts';
import { useLang, useT } from '../i18n/language.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export interface RegionPickerProps {
  /** Selected kode wilayah, or null for none yet. */
  value: string | null;
  onChange: (code: string) => void;
  /** Only this region and what lies inside it can be chosen (a user's scope). */
  within?: string | undefined;
  /** Deepest level offered (e.g. `kecamatan` for a puskesmas scope); default `desa`. */
  maxLevel?: RegionLevel | undefined;
  /** Legend of the group; default "Wilayah". */
  label?: string | undefined;
}

const depth = (level: RegionLevel) => regionLevels.indexOf(level);
const collator = new Intl.Collator('id');
const minQuery = 2;

/**
 * Chooses one kode wilayah three ways: climb the breadcrumb of ancestors, drill down into a
 * child, or search by name. Reused by every page that works on a region.
 */
export function RegionPicker({
  value,
  onChange,
  within,
  maxLevel = 'desa',
  label,
}: RegionPickerProps) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const current = value && (!within || isWithinRegion(value, within)) ? value : (within ?? null);
  const region = useApi(current, (code) => api.region(code));
  const detail = region.data;

  const trail: Region[] = detail
    ? [...detail.ancestors.filter((a) => !within || isWithinRegion(a.code, within)), detail.region]
    : [];
  const nextLevel = detail ? childLevel(detail.region.level) : null;
  const children =
    detail && nextLevel && depth(nextLevel) <= depth(maxLevel)
      ? [...detail.children].sort((a, b) => collator.compare(a.name, b.name))
      : [];

  return (
    <fieldset className="region-picker">
      <legend>{label ?? t('region.pickerLabel')}</legend>

      {current === null && <p className="hint">{t('region.noneSelected')}</p>}
      {region.loading && !detail && <p className="hint">{t('common.loading')}</p>}
      <ErrorMessage error={region.error} />

      {trail.length > 0 && (
        <nav aria-label={t('region.breadcrumb')}>
          <ol className="breadcrumb">
            {trail.map((item, index) =>
              index < trail.length - 1 ? (
                <li key={item.code}>
                  <button type="button" className="crumb" onClick={() => onChange(item.code)}>
                    {item.name}
                  </button>
                </li>
              ) : (
                <li key={item.code}>
                  <span className="crumb crumb-current" aria-current="location">
                    {item.name}
                    <span className="crumb-level"> · {regionKindLabel(item, t, lang)}</span>
                  </span>
                </li>
              ),
            )}
          </ol>
        </nav>
      )}

      {nextLevel && children.length > 0 && (
        <div className="field">
          <label htmlFor={`${ids}-child`}>
            {t('region.chooseChild', { level: regionLevelLabel(nextLevel, lang) })}
          </label>
          <select
            id={`${ids}-child`}
            value=""
            onChange={(e) => {
              if (e.target.value) onChange(e.target.value);
            }}
          >
            <option value="">
              {t('region.chooseChildPlaceholder', { level: regionLevelLabel(nextLevel, lang) })}
            </option>
            {children.map((child) => (
              <option key={child.code} value={child.code}>
                {child.name}
              </option>
            ))}
          </select>
        </div>
      )}

      <RegionSearch within={within} maxLevel={maxLevel} onSelect={onChange} />
    </fieldset>
  );
}

interface RegionSearchProps {
  within: string | undefined;
  maxLevel: RegionLevel;
  onSelect: (code: string) => void;
}

/** Search box with a listbox of results (WAI-ARIA combobox pattern, list autocomplete). */
function RegionSearch({ within, maxLevel, onSelect }: RegionSearchProps) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const listId = `${ids}-results`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const typed = useDebouncedValue(query.trim(), 250);
  const searchKey = typed.length >= minQuery ? JSON.stringify([typed, within ?? '']) : null;
  const search = useApi(searchKey, (_key, signal) =>
    api.searchRegions({ q: typed, within, limit: 20 }, signal),
  );
  const items: RegionSearchItem[] = (search.data?.items ?? []).filter(
    (item) =>
      depth(item.level) <= depth(maxLevel) && (!within || isWithinRegion(item.code, within)),
  );
  // The highlighted option belongs to one result list; a new list starts with none.
  const [active, setActive] = useState<{ key: string | null; index: number }>({
    key: null,
    index: -1,
  });
  const activeIndex = active.key === searchKey ? Math.min(active.index, items.length - 1) : -1;
  const waiting = query.trim() !== typed || search.loading;
  const expanded =
    open && searchKey !== null && items.length > 0 && query.trim().length >= minQuery;

  function choose(item: RegionSearchItem) {
    onSelect(item.code);
    setQuery('');
    setOpen(false);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (items.length > 0) {
          setActive({ key: searchKey, index: (activeIndex + 1) % items.length });
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (items.length > 0) {
          setActive({
            key: searchKey,
            index: activeIndex <= 0 ? items.length - 1 : activeIndex - 1,
          });
        }
        break;
      case 'Enter': {
        // Never submit the surrounding form from the search box.
        event.preventDefault();
        const item = expanded ? items[activeIndex >= 0 ? activeIndex : 0] : undefined;
        if (item && (activeIndex >= 0 || items.length === 1)) choose(item);
        break;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
        } else if (query) {
          event.preventDefault();
          setQuery('');
        }
        break;
    }
  }

  let status = '';
  if (query.trim().length > 0 && query.trim().length < minQuery) status = t('region.searchHint');
  else if (query.trim().length >= minQuery) {
    if (waiting) status = t('region.searching');
    else if (!search.error) {
      status =
        items.length > 0 ? t('region.results', { count: items.length }) : t('region.noResults');
    }
  }

  return (
    <div className="region-search">
      <label htmlFor={`${ids}-input`}>{t('region.search')}</label>
      <div className="combobox">
        <input
          id={`${ids}-input`}
          type="search"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          placeholder={t('region.searchPlaceholder')}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-describedby={`${ids}-status`}
          aria-activedescendant={
            expanded && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined
          }
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={handleKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t('region.resultsLabel')}
          className="listbox"
          hidden={!expanded}
        >
          {items.map((item, index) => (
            <li
              key={item.code}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className="option"
              // Keep focus in the input so the click lands before blur closes the list.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(item)}
            >
              <span className="option-name">
                {item.name} <span className="option-level">· {regionKindLabel(item, t, lang)}</span>
              </span>
              {item.path && <span className="option-path">{item.path}</span>}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${ids}-status`} className="hint" aria-live="polite">
        {status}
      </p>
      {query.trim().length >= minQuery && <ErrorMessage error={search.error} />}
    </div>
  );
}
