import { ORGANISATION_TYPES, type OrganisationQuery } from '#shared/contracts/organisations.contract';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { organisationMessages } from '../messages';
import { FLAG_KEYS } from '../organisations.columns';

export type OrganisationFiltersProps = {
  filters: Partial<OrganisationQuery>;
  onChange: (patch: Partial<Record<keyof OrganisationQuery, unknown>>) => void;
  onReset: () => void;
  showStatus: boolean;
  showMine: boolean;
  /** Hide the region picker where the region is fixed (regional overview). */
  showRegion?: boolean;
};

/** The filter bar above the organisation table. */
export function OrganisationFilters({ filters, onChange, onReset, showStatus, showMine, showRegion = true }: OrganisationFiltersProps) {
  const t = useMessages(organisationMessages);
  return (
    <Flex gap={8} wrap align="center" role="search" style={{ marginBottom: 16 }}>
      <Input.Search
        key={filters.q ?? ''}
        defaultValue={filters.q}
        placeholder={t.list.search}
        aria-label={t.list.search}
        allowClear
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 280 }}
        data-testid="org-filter-q"
      />
      <Select
        value={filters.type}
        onChange={(type) => onChange({ type })}
        allowClear
        placeholder={t.list.anyType}
        aria-label={t.list.type}
        style={{ width: 160 }}
        options={ORGANISATION_TYPES.map((type) => ({ value: type, label: t.types[type] }))}
        data-testid="org-filter-type"
      />
      {showRegion ? (
        <RegionCascader
          value={filters.regionCode}
          onChange={(regionCode) => onChange({ regionCode })}
          style={{ width: 240 }}
          aria-label={t.list.region}
          data-testid="org-filter-region"
        />
      ) : null}
      <Select
        value={filters.flag}
        onChange={(flag) => onChange({ flag })}
        allowClear
        placeholder={t.list.flag}
        aria-label={t.list.flag}
        style={{ width: 160 }}
        options={FLAG_KEYS.map((flag) => ({ value: flag, label: t.flags[flag] }))}
        data-testid="org-filter-flag"
      />
      {showStatus ? (
        <Select
          value={filters.status}
          onChange={(status) => onChange({ status })}
          allowClear
          placeholder={t.list.anyStatus}
          aria-label={t.list.status}
          style={{ width: 140 }}
          options={(['pending', 'verified', 'suspended'] as const).map((s) => ({ value: s, label: t.statuses[s] }))}
          data-testid="org-filter-status"
        />
      ) : null}
      {showMine ? (
        <Checkbox checked={filters.mine === true} onChange={(e) => onChange({ mine: e.target.checked })}>
          {t.list.mine}
        </Checkbox>
      ) : null}
      <Button onClick={onReset}>{t.list.reset}</Button>
    </Flex>
  );
}
