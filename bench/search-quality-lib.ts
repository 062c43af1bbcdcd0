/** The abstract's first clause (up to the first Chinese/Latin comma, full stop or semicolon), ≤ 100 chars. */
export function firstClause(abstract: string): string {
  const m = /^(.+?)(?:[，。；;,]|\.(?!\d))/u.exec(abstract);
  const clause = (m?.[1] ?? abstract).trim();
  return (clause.length >= 2 ? clause : abstract).slice(0, 100);
}

