import type { StatisticsText } from '../messages';
import type { StatCsvHeaders } from '../stat-csv';
import type { AmountUnit } from '../stat-format';
import type { ChartText } from '../statistics.options';

/** The chart builders' text from the page's messages. */
export function chartText(t: StatisticsText, unit: AmountUnit): ChartText {
  return { amount: t.amount, count: t.contracts, unit: t.units[unit], share: t.share, growth: t.yoy, high: t.high, low: t.low };
}

/** Column titles of a table export (statRowsCsv) from the page's messages; `label` heads the first column. */
export function statCsvHeaders(t: StatisticsText, label: string, unit: AmountUnit): StatCsvHeaders {
  return {
    label,
    count: t.contracts,
    amount: t.withUnit(t.amount, t.units[unit]),
    techAmount: t.withUnit(t.techAmount, t.units[unit]),
    share: `${t.share} %`,
    amountGrowth: `${t.amountGrowth} %`,
    countGrowth: `${t.countGrowth} %`,
  };
}
