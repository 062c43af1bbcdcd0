import { SEARCH_SORTS, type SearchSort } from '#shared/contracts/search.contract';
import { Button, Checkbox, Flex, Input, InputNumber, Select, Slider, Typography } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../../shared/i18n/messages';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { searchMessages } from '../messages';
import type { SearchUrlState } from '../search-query';

export type SearchFilterBarProps = {
  state: SearchUrlState;
  onChange: (patch: SearchUrlState) => void;
  onReset: () => void;
};

/** Query box, region (with everything under it), TRL range, price range in 元, sort and open licence. */
export function SearchFilterBar({ state, onChange, onReset }: SearchFilterBarProps) {
  const t = useMessages(searchMessages);
  return (
    <Flex vertical gap={12} role="search" className="tn-block">
      <Input.Search
        key={state.q ?? ''}
        defaultValue={state.q}
        placeholder={t.placeholder}
        aria-label={t.placeholder}
        enterButton={t.search}
        size="large"
        allowClear
        maxLength={500}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        data-testid="search-q"
      />
      <Flex gap={16} wrap align="center">
        <RegionCascader
          value={state.regionCode}
          onChange={(regionCode) => onChange({ regionCode })}
          style={{ width: 220 }}
          aria-label={t.region}
          data-testid="search-region"
        />
        <Flex gap={8} align="center" style={{ width: 260 }}>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t.trlRange}
          </Typography.Text>
          <TrlRange min={state.trlMin} max={state.trlMax} onChange={(trlMin, trlMax) => onChange({ trlMin, trlMax })} />
        </Flex>
        <PriceRange
          key={`${state.priceMin ?? ''}-${state.priceMax ?? ''}`}
          min={state.priceMin}
          max={state.priceMax}
          onChange={(priceMin, priceMax) => onChange({ priceMin, priceMax })}
        />
        <Select<SearchSort>
          value={state.sort}
          placeholder={t.sort}
          aria-label={t.sort}
          allowClear
          style={{ width: 160 }}
          options={SEARCH_SORTS.map((s) => ({ value: s, label: t.sorts[s] }))}
          onChange={(sort) => onChange({ sort })}
          data-testid="search-sort"
        />
        <Checkbox
          checked={state.openLicence === 'true'}
          onChange={(e) => onChange({ openLicence: e.target.checked ? 'true' : undefined })}
          data-testid="search-open-licence"
        >
          {t.openLicenceOnly}
        </Checkbox>
        <Button onClick={onReset} data-testid="search-reset">
          {t.reset}
        </Button>
      </Flex>
    </Flex>
  );
}

function TrlRange({ min, max, onChange }: { min?: number; max?: number; onChange: (min?: number, max?: number) => void }) {
  const [value, setValue] = useState<[number, number] | null>(null);
  const shown: [number, number] = value ?? [min ?? 1, max ?? 9];
  return (
    <Slider
      range
      min={1}
      max={9}
      step={1}
      value={shown}
      style={{ flex: 1 }}
      onChange={(v) => setValue([v[0] ?? 1, v[1] ?? 9])}
      onChangeComplete={(v) => {
        setValue(null);
        const [lo = 1, hi = 9] = v;
        onChange(lo === 1 && hi === 9 ? undefined : lo, lo === 1 && hi === 9 ? undefined : hi);
      }}
      data-testid="search-trl"
    />
  );
}

function PriceRange({ min, max, onChange }: { min?: number; max?: number; onChange: (min?: number, max?: number) => void }) {
  const t = useMessages(searchMessages);
  const [lo, setLo] = useState<number | null>(min ?? null);
  const [hi, setHi] = useState<number | null>(max ?? null);
  const commit = () => onChange(lo ?? undefined, hi ?? undefined);
  return (
    <Flex gap={4} align="center">
      <Typography.Text type="secondary">{t.priceRange}</Typography.Text>
      <InputNumber<number>
        min={0}
        precision={2}
        value={lo}
        onChange={setLo}
        onBlur={commit}
        onPressEnter={commit}
        placeholder={t.priceMin}
        aria-label={`${t.priceRange} ${t.priceMin}`}
        style={{ width: 110 }}
        data-testid="search-price-min"
      />
      <span>–</span>
      <InputNumber<number>
        min={0}
        precision={2}
        value={hi}
        onChange={setHi}
        onBlur={commit}
        onPressEnter={commit}
        placeholder={t.priceMax}
        aria-label={`${t.priceRange} ${t.priceMax}`}
        style={{ width: 110 }}
        data-testid="search-price-max"
      />
    </Flex>
  );
}
