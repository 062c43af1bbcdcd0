import type { Facets } from '#shared/contracts/search.contract';
import { Card, Checkbox, Flex, Typography } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { achievementMessages } from '../../achievements/messages';
import { searchMessages } from '../messages';
import { csvValues, toggleCsv, type SearchUrlState } from '../search-query';

type FacetKey = keyof Facets;
const ORDER: FacetKey[] = ['domain', 'transferMode', 'trl', 'province', 'industry', 'ipKind'];

/** Facet counts from the search response as checkboxes; a click adds or removes that filter. */
export function FacetPanel({
  facets,
  state,
  onChange,
}: {
  facets: Facets;
  state: SearchUrlState;
  onChange: (patch: SearchUrlState) => void;
}) {
  const t = useMessages(searchMessages);
  const ta = useMessages(achievementMessages);

  function isChecked(key: FacetKey, value: string): boolean {
    switch (key) {
      case 'domain':
        return csvValues(state.domainCode).includes(value);
      case 'industry':
        return csvValues(state.industryCode).includes(value);
      case 'transferMode':
        return csvValues(state.transferMode).includes(value);
      case 'ipKind':
        return csvValues(state.ipKind).includes(value);
      case 'province':
        return state.regionCode === value;
      case 'trl':
        return state.trlMin === Number(value) && state.trlMax === Number(value);
    }
  }

  function toggle(key: FacetKey, value: string) {
    switch (key) {
      case 'domain':
        return onChange({ domainCode: toggleCsv(state.domainCode, value) });
      case 'industry':
        return onChange({ industryCode: toggleCsv(state.industryCode, value) });
      case 'transferMode':
        return onChange({ transferMode: toggleCsv(state.transferMode, value) });
      case 'ipKind':
        return onChange({ ipKind: toggleCsv(state.ipKind, value) });
      case 'province':
        return onChange({ regionCode: state.regionCode === value ? undefined : value });
      case 'trl': {
        const n = Number(value);
        const on = state.trlMin === n && state.trlMax === n;
        return onChange({ trlMin: on ? undefined : n, trlMax: on ? undefined : n });
      }
    }
  }

  function label(key: FacetKey, value: string, fallback: string): string {
    if (key === 'transferMode' && value in ta.transferModes) {
      return ta.transferModes[value as keyof typeof ta.transferModes];
    }
    if (key === 'ipKind' && value in ta.ipKinds) {
      return ta.ipKinds[value as keyof typeof ta.ipKinds];
    }
    if (key === 'trl') {
      return ta.trl(Number(value));
    }
    return fallback || value;
  }

  return (
    <Card size="small" title={t.facetsTitle} data-testid="search-facets">
      <Flex vertical gap={12}>
        {ORDER.filter((key) => facets[key].length > 0).map((key) => (
          <div key={key} data-testid={`facet-${key}`}>
            <Typography.Text strong>{t.facets[key]}</Typography.Text>
            <Flex vertical gap={2} style={{ marginTop: 4 }}>
              {facets[key].slice(0, 12).map((b) => (
                <Checkbox
                  key={b.value}
                  checked={isChecked(key, b.value)}
                  onChange={() => toggle(key, b.value)}
                  data-testid={`facet-${key}-${b.value}`}
                >
                  {label(key, b.value, b.label)} <Typography.Text type="secondary">({b.count})</Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
