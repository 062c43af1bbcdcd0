/** Sum of the weights typed in the criteria form (non-numbers count 0). */
export function weightSum(criteria: readonly { weight?: unknown }[] | undefined): number {
  return (criteria ?? []).reduce<number>((s, c) => s + (typeof c.weight === 'number' && Number.isFinite(c.weight) ? c.weight : 0), 0);
}
