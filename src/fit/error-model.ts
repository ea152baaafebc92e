/**
 * How far a measured lab may lie from the body's true value: analytical
 * imprecision plus within-person biological variation (day-to-day), as
 * coefficients of variation. Total CV = √(CVa² + CVi²).
 *
 * Where only CVi is published, CVa is taken as CVi/2, the "desirable"
 * analytical imprecision of Fraser & Harris 1989 (Crit Rev Clin Lab Sci
 * 27:409) — an assumption, marked as such. Overridable per column.
 *
 * Labs that are log-normal across people and over time (ferritin, hepcidin,
 * EPO, …) are compared on a log scale, where a CV is (nearly) an SD.
 */

export interface LabError {
  /** Within-person biological CV (fraction). */
  cvWithin: number;
  /** Analytical CV (fraction). */
  cvAnalytical: number;
  /** Compare on the log scale. */
  log: boolean;
  source: string;
}

const half = (cv: number) => cv / 2;
const HEMATOLOGY =
  "within-subject CV over a year, 39 adults: Arch Pathol Lab Med 1992;116:825 (CVa = CVi/2, Fraser 1989)";

export const LAB_ERRORS: Record<string, LabError> = {
  hb_g_dl: { cvWithin: 0.028, cvAnalytical: half(0.028), log: false, source: HEMATOLOGY },
  hct_pct: { cvWithin: 0.029, cvAnalytical: half(0.029), log: false, source: HEMATOLOGY },
  rbc_10e12_l: { cvWithin: 0.03, cvAnalytical: half(0.03), log: false, source: HEMATOLOGY },
  mcv_fl: { cvWithin: 0.011, cvAnalytical: half(0.011), log: false, source: HEMATOLOGY },
  mch_pg: { cvWithin: 0.013, cvAnalytical: half(0.013), log: false, source: HEMATOLOGY },
  mchc_g_dl: { cvWithin: 0.016, cvAnalytical: half(0.016), log: false, source: HEMATOLOGY },
  rdw_cv_pct: { cvWithin: 0.019, cvAnalytical: half(0.019), log: false, source: `${HEMATOLOGY} (RDW-SD)` },
  ferritin_ng_ml: {
    cvWithin: 0.145,
    cvAnalytical: half(0.145),
    log: true,
    source: "Pilon 1981, Clin Chem 27:78 (13 adults, 5 weeks)",
  },
  serum_iron_ug_dl: { cvWithin: 0.285, cvAnalytical: half(0.285), log: true, source: "Pilon 1981, Clin Chem 27:78" },
  tibc_ug_dl: { cvWithin: 0.048, cvAnalytical: half(0.048), log: false, source: "Pilon 1981, Clin Chem 27:78" },
  tsat_pct: { cvWithin: 0.28, cvAnalytical: half(0.28), log: true, source: "Pilon 1981, Clin Chem 27:78" },
  stfr_mg_l: {
    cvWithin: 0.136,
    cvAnalytical: half(0.136),
    log: true,
    source: "Maes 1997, Scand J Clin Lab Invest 57:31 (26 adults, monthly for a year)",
  },
  hepcidin_ng_ml: {
    cvWithin: 0.303,
    cvAnalytical: 0.286,
    log: true,
    source: "Kroot 2009, Anal Biochem 389:124 (24 adults; within-day/within-subject 30.3 %, (pre)analytical 28.6 %)",
  },
};

/** Columns without a published figure: an assumed 15 % within-person CV, log scale. */
export const ASSUMED_ERROR: LabError = {
  cvWithin: 0.15,
  cvAnalytical: 0.075,
  log: true,
  source: "assumed (no within-person variation found for this column)",
};

export function labError(column: string): LabError {
  return LAB_ERRORS[column] ?? ASSUMED_ERROR;
}

/** Total CV of one measurement. */
export function totalCv(e: LabError): number {
  return Math.hypot(e.cvWithin, e.cvAnalytical);
}

/**
 * Standardized residual of one measurement given the model's value: linear
 * labs use an SD of CV × measured value; log labs compare logarithms with SD
 * ≈ CV.
 */
export function standardizedResidual(column: string, measured: number, modelled: number): number {
  const e = labError(column);
  const cv = totalCv(e);
  if (e.log) {
    const floor = 1e-6;
    return (Math.log(Math.max(measured, floor)) - Math.log(Math.max(modelled, floor))) / cv;
  }
  const sd = cv * Math.max(Math.abs(measured), 1e-9);
  return (measured - modelled) / sd;
}

/** −log-likelihood of one measurement given the model's value (up to a constant): half the squared standardized residual. */
export function residualSquaredHalf(column: string, measured: number, modelled: number): number {
  const z = standardizedResidual(column, measured, modelled);
  return 0.5 * z * z;
}

/** A measurement drawn from the error model around a true value, from a standard normal deviate. */
export function noisyMeasurement(column: string, truth: number, normalDeviate: number): number {
  const e = labError(column);
  const cv = totalCv(e);
  return e.log ? truth * Math.exp(cv * normalDeviate) : truth * (1 + cv * normalDeviate);
}

/** The band a measurement of a modelled value falls in 95 % of the time. */
export function predictionBand(column: string, modelled: number): [number, number] {
  const e = labError(column);
  const cv = totalCv(e);
  if (e.log) return [modelled * Math.exp(-1.96 * cv), modelled * Math.exp(1.96 * cv)];
  return [modelled * (1 - 1.96 * cv), modelled * (1 + 1.96 * cv)];
}
