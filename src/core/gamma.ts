/**
 * Γ(x) for a real x, without mathjs: the code of mathjs 15's `gammaNumber`
 * (lib/esm/plain/number/probability.js and utils/product.js, Apache-2.0,
 * © Jos de Jong and contributors), statement for statement, so the values are
 * bit-identical to `math.gamma` (test/units.test.ts checks). The circulation
 * needs Γ for its Weibull lifespan at every start; importing it from here keeps
 * mathjs out of the run path.
 */

/** Lanczos parameter g and coefficients, as in mathjs. */
const GAMMA_G = 4.7421875;
/** mathjs's literals, written as the doubles they parse to (the same values). */
const GAMMA_P = [
  0.9999999999999971, 57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  0.00003399464998481189, 0.00004652362892704858, -0.00009837447530487956, 0.0001580887032249125,
  -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275,
  -0.000026190838401581408, 0.0000036899182659531625,
];

/** Product of the integers i..n, split in halves as mathjs does (same rounding). */
function product(i: number, n: number): number {
  if (n < i) return 1;
  if (n === i) return n;
  const half = (n + i) >> 1;
  return product(i, half) * product(half + 1, n);
}

/** Γ(n), as mathjs computes it for a number. */
export function gamma(n: number): number {
  if (Number.isFinite(n) && n === Math.round(n)) {
    if (n <= 0) return Number.isFinite(n) ? Number.POSITIVE_INFINITY : Number.NaN;
    if (n > 171) return Number.POSITIVE_INFINITY; // will overflow
    return product(1, n - 1);
  }
  if (n < 0.5) return Math.PI / (Math.sin(Math.PI * n) * gamma(1 - n));
  if (n >= 171.35) return Number.POSITIVE_INFINITY; // will overflow
  if (n > 85.0) {
    // Extended Stirling approximation
    const twoN = n * n;
    const threeN = twoN * n;
    const fourN = threeN * n;
    const fiveN = fourN * n;
    return (
      Math.sqrt((2 * Math.PI) / n) *
      // biome-ignore lint/style/useExponentiationOperator: Math.pow, as in mathjs (bit-identical)
      Math.pow(n / Math.E, n) *
      (1 +
        1 / (12 * n) +
        1 / (288 * twoN) -
        139 / (51840 * threeN) -
        571 / (2488320 * fourN) +
        163879 / (209018880 * fiveN) +
        5246819 / (75246796800 * fiveN * n))
    );
  }
  const m = n - 1;
  let x = GAMMA_P[0] as number;
  for (let i = 1; i < GAMMA_P.length; ++i) x += (GAMMA_P[i] as number) / (m + i);
  const t = m + GAMMA_G + 0.5;
  // biome-ignore lint/style/useExponentiationOperator: Math.pow, as in mathjs (bit-identical)
  return Math.sqrt(2 * Math.PI) * Math.pow(t, m + 0.5) * Math.exp(-t) * x;
}
