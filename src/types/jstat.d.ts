/** The parts of jStat (npm "jstat", which ships no types) that erythron uses. */
declare module "jstat" {
  interface Distribution {
    inv(p: number, ...params: number[]): number;
    cdf(x: number, ...params: number[]): number;
  }
  const jStat: {
    studentt: Distribution;
    chisquare: Distribution;
    normal: Distribution;
  };
  export default jStat;
}
