/** Types for the parts of untyped npm packages that erythron uses. jStat (npm "jstat"): */
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
