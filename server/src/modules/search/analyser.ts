import { createTokenizer, type Tokenizer } from './tokenizer';
import { normaliseText } from './normalize';

/** Title and keyword boosts, applied by repeating their tokens in the analysed text. */
export const TITLE_BOOST = 3;
export const KEYWORD_BOOST = 2;
/** Query terms kept after analysis (a longer query is cut, it never fails for length alone). */
export const MAX_QUERY_TERMS = 64;

/** What the analyser needs to index one listing. */
export type AnalysableDocument = { title: string; keywords: readonly string[]; body: string };

/**
 * The platform's one Chinese analyser (jieba search mode + normalisation + stop words) with its user
 * dictionary: code-list names and the catalogue's own keywords. Index and query go through it, so a
 * token written by `analyseDocument` is found by `analyseQuery`.
 */
export type Analyser = {
  /** Index-time tokens of a listing, boosts applied (title ×3, keywords ×2, body ×1). */
  analyseDocument(doc: AnalysableDocument): string[];
  /** Distinct query terms in order of first appearance, at most MAX_QUERY_TERMS. */
  analyseQuery(text: string): string[];
  /** Plain tokens of a text (no boosts, duplicates kept). */
  tokenize(text: string): string[];
  /** Adds words (keywords, code-list names) to the user dictionary. */
  addWords(words: readonly string[]): void;
  dictionaryVersion(): string;
};

// Code-list names are phrases like "农、林、牧、渔业" or "电子信息（含软件）": their parts are words.
const NAME_PARTS = /[、，,;；/（）()\s和及与]+/u;

/** Splits code-list names into dictionary words (2–16 characters). */
export function wordsFromNames(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    for (const part of normaliseText(name).split(NAME_PARTS)) {
      if (part.length >= 2 && part.length <= 16) {
        out.add(part);
      }
    }
  }
  return [...out];
}

/** Keywords usable as dictionary words: whole, short, no spaces. */
function keywordWords(keywords: readonly string[]): string[] {
  return keywords.map((k) => normaliseText(k).trim()).filter((k) => k.length >= 2 && k.length <= 16 && !/\s/.test(k));
}

export function createAnalyser(tokenizer: Tokenizer = createTokenizer()): Analyser {
  const analyser: Analyser = {
    analyseDocument(doc) {
      // The listing's own keywords join the dictionary before it is cut, so "磷酸铁锂" stays one token
      // (search mode still emits its dictionary sub-words, which keeps other processes' queries matching).
      const kw = keywordWords(doc.keywords);
      tokenizer.addWords(kw);
      const title = tokenizer.tokenize(doc.title);
      const keywordTokens = doc.keywords.flatMap((k) => tokenizer.tokenize(k));
      // A keyword is also a token whole, so a query typing it exactly scores it.
      const whole = kw.filter((k) => !keywordTokens.includes(k));
      const body = tokenizer.tokenize(doc.body);
      const out: string[] = [];
      for (let i = 0; i < TITLE_BOOST; i++) {
        out.push(...title);
      }
      for (let i = 0; i < KEYWORD_BOOST; i++) {
        out.push(...keywordTokens, ...whole);
      }
      out.push(...body);
      return out;
    },
    analyseQuery(text) {
      return [...new Set(tokenizer.tokenize(text))].slice(0, MAX_QUERY_TERMS);
    },
    tokenize: (text) => tokenizer.tokenize(text),
    addWords: (words) => tokenizer.addWords(words),
    dictionaryVersion: () => tokenizer.dictionaryVersion(),
  };
  return analyser;
}
