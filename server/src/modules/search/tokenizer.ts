import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { charBigrams } from './bigrams';
import { hasHan, isHanWord, normaliseText } from './normalize';
import { DEFAULT_STOP_WORDS } from './stop-words';

/** Options of the jieba analyser; the defaults are the measured best on CSL (bench/README.md). */
export type TokenizerOptions = {
  /** Stop words, normalised (lower case, half-width). */
  stopWords?: ReadonlySet<string>;
  /** Let jieba's HMM guess words missing from the dictionary (default false: bigrams cover them). */
  hmm?: boolean;
  /** Emit character bigrams for runs of single Han characters jieba could not group (default true). */
  oovBigrams?: boolean;
  /** Keep single Han characters that are not stop words (default false). */
  keepSingleHan?: boolean;
};

/** A deterministic Chinese analyser: the same text and dictionary always give the same tokens. */
export type Tokenizer = {
  /** Index-time tokens (search mode: a long word also yields its dictionary sub-words). */
  tokenize(text: string): string[];
  /** Adds words to the user dictionary; documents tokenised earlier must be re-indexed. */
  addWords(words: readonly string[]): void;
  /** A short hash of the user dictionary, to store next to an index built with it. */
  dictionaryVersion(): string;
};

// Long enough for real terms, short enough to keep junk out of the postings.
const MAX_TOKEN_LENGTH = 32;
// Han runs, decimal numbers with their point ('0.093'), and other letter/digit runs; everything
// else (punctuation, spaces, symbols) separates tokens.
const SEGMENT = /\p{Script=Han}+|\d+(?:\.\d+)+|(?:[^\P{L}\p{Script=Han}]|\p{N})+/gu;
// User words need a frequency; a high one makes jieba prefer them over splitting.
const USER_WORD_FREQUENCY = 2000;

/** Creates an analyser; its jieba dictionary (0.2 s) is loaded on first use. */
export function createTokenizer(opts: TokenizerOptions = {}): Tokenizer {
  const stopWords = opts.stopWords ?? DEFAULT_STOP_WORDS;
  const hmm = opts.hmm ?? false;
  const oovBigrams = opts.oovBigrams ?? true;
  const keepSingleHan = opts.keepSingleHan ?? false;
  const userWords = new Set<string>();
  let jieba: Jieba | undefined;
  // Stored with every indexed row: computed once per dictionary change, not per row (sorting and
  // hashing tens of thousands of user words per row made a 1M rebuild crawl).
  let version: string | undefined;

  const engine = (): Jieba => (jieba ??= Jieba.withDict(dict));

  function accept(token: string, out: string[]): void {
    if (token.length > MAX_TOKEN_LENGTH || stopWords.has(token)) {
      return;
    }
    if (token.length === 1 && !keepSingleHan && isHanWord(token)) {
      return;
    }
    out.push(token);
  }

  function tokenize(text: string): string[] {
    const out: string[] = [];
    const normalised = normaliseText(text);
    // Only Han runs go through jieba; Latin words and numbers are cut by a regex, so that
    // '0.0936' or 'gst' come out the same whatever the dictionary or HMM setting.
    for (const m of normalised.matchAll(SEGMENT)) {
      const segment = m[0];
      if (isHanWord(segment)) {
        cutHan(segment, out);
      } else {
        accept(segment, out);
      }
    }
    return out;
  }

  function cutHan(segment: string, out: string[]): void {
    // Runs of single Han characters are what the dictionary could not segment: index their bigrams.
    let run = '';
    const flushRun = () => {
      if (oovBigrams && run.length >= 2) {
        for (const bigram of charBigrams(run)) {
          accept(bigram, out);
        }
      }
      run = '';
    };
    for (const word of engine().cutForSearch(segment, hmm)) {
      if (word.length === 1 && !stopWords.has(word)) {
        run += word;
        if (keepSingleHan) {
          accept(word, out);
        }
        continue;
      }
      flushRun();
      accept(word, out);
    }
    flushRun();
  }

  return {
    tokenize,
    addWords(words) {
      const fresh = words
        .map((w) => normaliseText(w).trim())
        .filter((w) => w.length >= 2 && w.length <= MAX_TOKEN_LENGTH && hasHan(w) && !/\s/.test(w) && !userWords.has(w));
      if (fresh.length === 0) {
        return;
      }
      // Sorted so that the same set of words gives the same dictionary whatever the call order.
      fresh.sort();
      for (const w of fresh) {
        userWords.add(w);
      }
      version = undefined;
      engine().loadDict(Buffer.from(fresh.map((w) => `${w} ${USER_WORD_FREQUENCY}`).join('\n') + '\n'));
    },
    dictionaryVersion() {
      return (version ??= hashWords([...userWords].sort()));
    },
  };
}

// FNV-1a over the sorted words: a cheap, stable fingerprint (not a security hash).
function hashWords(words: string[]): string {
  let h = 0x811c9dc5;
  for (const w of words) {
    for (let i = 0; i < w.length; i++) {
      h ^= w.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x0a;
    h = Math.imul(h, 0x01000193);
  }
  return `${words.length}-${(h >>> 0).toString(16)}`;
}
