// Stop words. Kept short on purpose: BM25's idf already discounts common words, so the list
// mainly keeps postings, query plans and similarity vectors lean.

const FUNCTION_WORDS = `
的 地 得 了 着 过 和 与 及 或 而 并 且 但 则 即 又 也 都 就 还 再 更 很 最 较 其 之 所 以 于 为 被 把 将 由 从 向 对 在 是
有 无 不 没 非 这 那 此 该 各 每 某 本 我 你 他 它 们 我们 一个 一种 一些 这些 那些 这种 这个 那个 中 上 下 内 外 后 前 时
个 种 等 如 若 当 至 到 给 让 使 因 故 亦 乃 即可 以及 或者 同时 其中 以上 以下 之间 之后 之前 可以 能够 可能 已经 因此
因而 所以 如果 虽然 但是 然而 并且 而且 对于 由于 关于
a an the of and or in on for to with by is are was were be as at from that this which
`;

// Words of abstract boilerplate ("本文通过…研究…结果表明…"): frequent in every discipline.
const BOILERPLATE_WORDS = `
本文 文章 笔者 作者 通过 进行 采用 利用 使用 根据 基于 主要 分别 提出 得到 具有 表明 结果 目的 结论
`;

function wordSet(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.join(' ').split(/\s+/).filter(Boolean));
}

/** The default stop-word set (already normalised: lower case, half-width). */
export const DEFAULT_STOP_WORDS: ReadonlySet<string> = wordSet(FUNCTION_WORDS, BOILERPLATE_WORDS);

/** Function words only, without the abstract boilerplate. */
export const FUNCTION_STOP_WORDS: ReadonlySet<string> = wordSet(FUNCTION_WORDS);
