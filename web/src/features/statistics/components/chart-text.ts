import type { StatisticsText } from '../messages';
import type { AmountUnit } from '../stat-format';
import type { ChartText } from '../statistics.options';

/** The chart builders' text from the page's messages. */
export function chartText(t: StatisticsText, unit: AmountUnit): ChartText {
  return { amount: t.amount, count: t.contracts, unit: t.units[unit], share: t.share, growth: t.yoy, high: t.high, low: t.low };
}
