import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { useMessages } from '../../../shared/i18n/messages';
import { uiMessages } from '../../../shared/ui/messages';
import { useOrganisation, useOrganisations } from '../organisations.api';

export type OrganisationSelectProps = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
};

/** Picks an organisation by typing part of its name; searches the API, 20 at a time. */
export function OrganisationSelect({
  value,
  onChange,
  id,
  placeholder,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: OrganisationSelectProps) {
  const t = useMessages(uiMessages);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const results = useOrganisations({ q: q || undefined, pageSize: 20 });
  // The chosen organisation may not be among the current search results; fetch it for its label.
  const selected = useOrganisation(value);
  const options = (results.data?.items ?? []).map((org) => ({ value: org.id, label: org.name }));
  if (selected.data && !options.some((o) => o.value === selected.data.id)) {
    options.unshift({ value: selected.data.id, label: selected.data.name });
  }

  return (
    <Select
      id={id}
      data-testid={testId}
      aria-label={ariaLabel}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      allowClear
      placeholder={placeholder}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={results.isFetching}
      notFoundContent={t.noData}
      style={{ width: '100%' }}
    />
  );
}
