import { seededRandom } from '../../lib/seeded-random';

export interface SyntheticPostsOptions {
  count: number;
  /** Tokens per person's posts. */
  length: number;
  incomeGroups: number;
  seed: number;
}

export interface SyntheticPosts {
  /** Row-major (count × length) token ids, all below POSTS_VOCABULARY. */
  posts: Int32Array;
  /** Age in decades (years / 10), the scale the lecture's loss weights assume: a plain mean predictor's mse is about 2. */
  age: Float32Array;
  income: Int32Array;
  /** 1 or 0. */
  gender: Float32Array;
}

export const POSTS_VOCABULARY = 200;
export const MIN_AGE = 18;
export const MAX_AGE = 70;

/** Token ranges that carry each attribute; everything else is filler from COMMON. */
const INCOME_WORDS = { from: 10, per: 10 };
const GENDER_WORDS = { from: 60, per: 10 };
/** Five age bands of about ten years, four words each. */
const AGE_WORDS = { from: 80, per: 4, bands: 5 };
const COMMON = { from: 100, count: 100 };

/**
 * Generated "posts" for the multi-output model. Each person has an age, an income group
 * and a gender; their posts mix filler words with words typical of their income group,
 * of their gender and of their age band. Each attribute shows as which words occur, what a
 * convnet with global max pooling can see, and all three heads learn from the same text,
 * as in the lecture's social-media example.
 */
export function syntheticPosts(options: SyntheticPostsOptions): SyntheticPosts {
  const { count, length, incomeGroups, seed } = options;
  if (GENDER_WORDS.from < INCOME_WORDS.from + INCOME_WORDS.per * incomeGroups) {
    throw new Error(`syntheticPosts: at most ${(GENDER_WORDS.from - INCOME_WORDS.from) / INCOME_WORDS.per} income groups, got ${incomeGroups}`);
  }
  const uniform = seededRandom(seed);
  const pick = (from: number, n: number) => from + Math.floor(uniform() * n);
  const posts = new Int32Array(count * length);
  const age = new Float32Array(count);
  const income = new Int32Array(count);
  const gender = new Float32Array(count);
  for (let n = 0; n < count; n++) {
    const years = MIN_AGE + uniform() * (MAX_AGE - MIN_AGE);
    age[n] = years / 10;
    income[n] = Math.floor(uniform() * incomeGroups);
    gender[n] = uniform() < 0.5 ? 1 : 0;
    const band = Math.min(AGE_WORDS.bands - 1, Math.floor((AGE_WORDS.bands * (years - MIN_AGE)) / (MAX_AGE - MIN_AGE)));
    for (let i = 0; i < length; i++) {
      const r = uniform();
      posts[n * length + i] =
        r < 0.1 ? pick(INCOME_WORDS.from + INCOME_WORDS.per * income[n], INCOME_WORDS.per)
        : r < 0.2 ? pick(GENDER_WORDS.from + GENDER_WORDS.per * gender[n], GENDER_WORDS.per)
        : r < 0.3 ? pick(AGE_WORDS.from + AGE_WORDS.per * band, AGE_WORDS.per)
        : pick(COMMON.from, COMMON.count);
    }
  }
  return { posts, age, income, gender };
}
