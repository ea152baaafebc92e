/**
 * Validation targets: what the literature says each shipped scenario must show
 * (shared/validation/signatures.md, shared/reference/physiology.md), as numbers
 * measured on the simulated trajectory. `erythron validate` runs the scenarios
 * and reports each target with the value observed, so a reader can see how far
 * the model is from the published picture, not only whether it passes.
 *
 * Pure: no I/O. A target measures a finished Run; the caller runs the scenarios.
 */

import { REFERENCE_RANGES } from "../labs/reference-ranges.js";
import type { Run } from "../run.js";
import type { Role } from "./studies.js";

/** The shared reference table (src/labs/reference-ranges.ts): the figures and notebooks read the same. */
const REF = REFERENCE_RANGES;

export interface ValidationTarget {
  /** Stable identifier, e.g. "ida.rdw-before-mcv". */
  id: string;
  /** Shipped scenario (file name without .yaml) the target is measured on. */
  scenario: string;
  /** The claim in words. */
  claim: string;
  /** Where the claim comes from. */
  source: string;
  /** Unit of the measured value ("" for ratios, "days", "g/dL", …). */
  unit: string;
  measure: (run: Run) => number;
  /** Inclusive bounds the measured value must fall in. */
  min?: number;
  max?: number;
  /** Whether the model was tuned to this target (default calibration: these signatures were). */
  role?: Role;
  /** Reads a response to an event rather than a steady state (default false). */
  dynamic?: boolean;
}

export interface ValidationResult {
  id: string;
  scenario: string;
  claim: string;
  source: string;
  unit: string;
  observed: number;
  min?: number;
  max?: number;
  pass: boolean;
}

/** Value of a column at the first row at or after `day` (the last row if none). */
export function valueAt(run: Run, column: string, day: number): number {
  const days = run.column("day");
  const col = run.column(column);
  for (let i = 0; i < days.length; i++) if ((days[i] as number) >= day - 1e-9) return col[i] as number;
  return col[col.length - 1] as number;
}

/** Last value of a column. */
export function finalValue(run: Run, column: string): number {
  const col = run.column(column);
  return col[col.length - 1] as number;
}

/** First day (at or after `fromDay`) the column satisfies `test`, or +Infinity. */
export function firstDayWhere(run: Run, column: string, test: (v: number) => boolean, fromDay = 0): number {
  const days = run.column("day");
  const col = run.column(column);
  for (let i = 0; i < days.length; i++)
    if ((days[i] as number) >= fromDay && test(col[i] as number)) return days[i] as number;
  return Number.POSITIVE_INFINITY;
}

/** Day and value of a column's maximum between two days (inclusive). */
export function peakBetween(run: Run, column: string, from: number, until: number): { day: number; value: number } {
  const days = run.column("day");
  const col = run.column(column);
  let best = { day: Number.NaN, value: Number.NEGATIVE_INFINITY };
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as number;
    if (d >= from && d <= until && (col[i] as number) > best.value) best = { day: d, value: col[i] as number };
  }
  return best;
}

const final = finalValue;
const at = valueAt;
const first = firstDayWhere;

export const TARGETS: readonly ValidationTarget[] = [
  // ── Healthy adults ─────────────────────────────────────────────────────
  {
    id: "healthy-man.hb",
    scenario: "healthy-man",
    claim: "Hb inside the male reference range",
    source: `reference §1.1, ${REF.hb_g_dl.source} (${REF.hb_g_dl.male.low}–${REF.hb_g_dl.male.high} g/dL)`,
    unit: "g/dL",
    measure: (r) => final(r, "hb_g_dl"),
    min: REF.hb_g_dl.male.low,
    max: REF.hb_g_dl.male.high,
  },
  {
    id: "healthy-man.mcv",
    scenario: "healthy-man",
    claim: "MCV inside the reference range",
    source: `reference §1.1 (${REF.mcv_fl.male.low}–${REF.mcv_fl.male.high} fL)`,
    unit: "fL",
    measure: (r) => final(r, "mcv_fl"),
    min: REF.mcv_fl.male.low,
    max: REF.mcv_fl.male.high,
  },
  {
    id: "healthy-man.rdw",
    scenario: "healthy-man",
    claim: "RDW-CV inside the reference range",
    source: `reference §1.1 (${REF.rdw_cv_pct.male.low}–${REF.rdw_cv_pct.male.high} %)`,
    unit: "%",
    measure: (r) => final(r, "rdw_cv_pct"),
    min: REF.rdw_cv_pct.male.low,
    max: REF.rdw_cv_pct.male.high,
  },
  {
    id: "healthy-woman.ferritin-drift",
    scenario: "healthy-woman",
    claim: "no drift over the year: ferritin within 15 % of its start",
    source: "signatures.md, healthy adult",
    unit: "ratio",
    measure: (r) => final(r, "ferritin_ng_ml") / at(r, "ferritin_ng_ml", 0),
    min: 0.85,
    max: 1.15,
  },
  // ── Blood loss and iron deficiency ───────────────────────────────────
  {
    id: "acute-hemorrhage.retic-peak-day",
    scenario: "acute-hemorrhage",
    claim: "reticulocytes peak 4–14 days after an acute bleed",
    source: "Int J Hematol 1992 (reference §4.1)",
    unit: "days after the bleed",
    measure: (r) => peakBetween(r, "retic_pct", 2, 40).day - 2,
    min: 4,
    max: 14,
    dynamic: true,
  },
  {
    id: "gi-bleed.ferritin-before-tsat",
    scenario: "gi-bleed-iron-deficiency",
    claim: "stores fall first: ferritin halves well before TSAT drops below 16 %",
    source: "IOM 2001 p.304; signatures.md (three acts)",
    unit: "days",
    measure: (r) =>
      first(r, "tsat_pct", (v) => v < 16) - first(r, "ferritin_ng_ml", (v) => v < 0.5 * at(r, "ferritin_ng_ml", 0)),
    min: 1,
    dynamic: true,
  },
  {
    id: "gi-bleed.rdw-before-mcv",
    scenario: "gi-bleed-iron-deficiency",
    claim: "RDW rises above 14.5 % before MCV falls below 80 fL",
    source: "England et al. 1976; signatures.md act 2",
    unit: "days",
    measure: (r) => first(r, "mcv_fl", (v) => v < 80) - first(r, "rdw_cv_pct", (v) => v > 14.5),
    min: 1,
    dynamic: true,
  },
  {
    id: "gi-bleed.mentzer",
    scenario: "gi-bleed-iron-deficiency",
    claim: "Mentzer index (MCV/RBC) above 13 in iron deficiency",
    source: "Mentzer 1973",
    unit: "",
    measure: (r) => final(r, "mcv_fl") / final(r, "rbc_10e12_l"),
    min: 13,
  },
  // ── Inflammation ──────────────────────────────────────────────────────
  {
    id: "acute-inflammation.hepcidin-rise",
    scenario: "acute-inflammation",
    claim: "hepcidin rises several-fold within a day of an IL-6 surge",
    source: "Kemna 2005 (reference §4.2)",
    unit: "ratio",
    measure: (r) => peakBetween(r, "hepcidin_ng_ml", 0, 30).value / at(r, "hepcidin_ng_ml", 0),
    min: 3,
    dynamic: true,
  },
  {
    id: "chronic-inflammation.tsat",
    scenario: "chronic-inflammation",
    claim: "TSAT low in anemia of chronic disease",
    source: "Weiss & Goodnough 2005 (10–20 %)",
    unit: "%",
    measure: (r) => final(r, "tsat_pct"),
    max: 22,
  },
  {
    id: "chronic-inflammation.tibc",
    scenario: "chronic-inflammation",
    claim: "TIBC not raised (< 300 µg/dL)",
    source: "Weiss & Goodnough 2005",
    unit: "µg/dL",
    measure: (r) => final(r, "tibc_ug_dl"),
    max: 300,
  },
  {
    id: "chronic-inflammation.mcv",
    scenario: "chronic-inflammation",
    claim: "normocytic anemia",
    source: "Weiss & Goodnough 2005",
    unit: "fL",
    measure: (r) => final(r, "mcv_fl"),
    min: 80,
    max: 100,
  },
  // ── Genes ──────────────────────────────────────────────────────────────
  {
    id: "irida.tsat",
    scenario: "irida",
    claim: "very low TSAT in IRIDA",
    source: "Finberg 2008; De Falco 2013 (< 10 %)",
    unit: "%",
    measure: (r) => at(r, "tsat_pct", 0),
    max: 10,
  },
  {
    id: "irida.hepcidin",
    scenario: "irida",
    claim: "hepcidin not suppressed despite deficiency (≥ 2 nM)",
    source: "De Falco 2013",
    unit: "ng/mL",
    measure: (r) => at(r, "hepcidin_ng_ml", 0),
    min: 2 * 2.79,
  },
  {
    id: "beta-trait.mentzer",
    scenario: "beta-thalassemia-trait",
    claim: "Mentzer index below 13 in thalassemia trait",
    source: "Mentzer 1973",
    unit: "",
    measure: (r) => final(r, "mcv_fl") / final(r, "rbc_10e12_l"),
    max: 13,
  },
  {
    id: "beta-trait.hba2",
    scenario: "beta-thalassemia-trait",
    claim: "HbA2 raised to 3.5–7 %",
    source: "reference §5e",
    unit: "%",
    measure: (r) => final(r, "hba2_pct"),
    min: 3.5,
    max: 7,
  },
  {
    id: "hfe.tsat",
    scenario: "hfe-hemochromatosis",
    claim: "TSAT above 45 % in expressing HFE hemochromatosis",
    source: "Adams 2005",
    unit: "%",
    measure: (r) => final(r, "tsat_pct"),
    min: 45,
  },
  {
    id: "lead-adult.zpp",
    scenario: "lead-occupational-adult",
    claim: "ZPP several-fold raised at blood lead ~80–100 µg/dL",
    source: "Lamola 1975; reference §5c",
    unit: "ratio",
    measure: (r) => at(r, "zpp_umol_mol", 300) / at(r, "zpp_umol_mol", 0),
    min: 5,
    dynamic: true,
  },
  {
    id: "lead-adult.half-life",
    scenario: "lead-occupational-adult",
    claim: "blood lead falls with a half-life of about a month after removal",
    source: "Rabinowitz 1976",
    unit: "ratio after 34 days",
    measure: (r) => at(r, "blood_lead_ug_dl", 334) / at(r, "blood_lead_ug_dl", 300),
    min: 0.4,
    max: 0.65,
    dynamic: true,
  },
  // ── Vitamins and kidney ───────────────────────────────────────────────
  {
    id: "pernicious-anemia.mcv",
    scenario: "pernicious-anemia",
    claim: "macrocytosis (MCV > 100 fL) in B12 deficiency",
    source: "reference §5h",
    unit: "fL",
    measure: (r) => final(r, "mcv_fl"),
    min: 100,
  },
  {
    id: "folate-deficiency.mma",
    scenario: "folate-deficiency",
    claim: "methylmalonic acid stays normal in folate deficiency (< 0.4 µmol/L)",
    source: "Savage 1994",
    unit: "µmol/L",
    measure: (r) => final(r, "mma_umol_l"),
    max: 0.4,
  },
  {
    id: "ckd.mcv",
    scenario: "ckd-stage4",
    claim: "CKD anemia is normocytic",
    source: "reference §5f",
    unit: "fL",
    measure: (r) => final(r, "mcv_fl"),
    min: 80,
    max: 100,
  },
  {
    id: "ckd.hb-fall",
    scenario: "ckd-stage4",
    claim: "Hb falls by about 1.4 g/dL when GFR falls to 20–30 mL/min",
    source: "Hsu, McCulloch & Curhan 2002, J Am Soc Nephrol 13:504 (−1.4 g/dL at 20–30 mL/min)",
    unit: "g/dL",
    measure: (r) => final(r, "hb_g_dl") - at(r, "hb_g_dl", 0),
    min: -2.1,
    max: -0.7,
    dynamic: true,
  },
  // ── Everywhere ────────────────────────────────────────────────────────
  ...[
    "healthy-man",
    "gi-bleed-iron-deficiency",
    "chronic-inflammation",
    "irida",
    "lead-occupational-adult",
    "hfe-hemochromatosis",
  ].map(
    (scenario): ValidationTarget => ({
      id: `${scenario}.iron-balance`,
      scenario,
      claim: "iron is conserved: largest relative error of the ledger",
      source: "conservation (model.md)",
      unit: "",
      measure: (r) => r.summary.ironBalanceMaxRelError,
      max: 1e-9,
    }),
  ),
];

/** Judge one target on its run. */
export function judge(target: ValidationTarget, run: Run): ValidationResult {
  const observed = target.measure(run);
  const pass =
    Number.isFinite(observed) &&
    (target.min === undefined || observed >= target.min) &&
    (target.max === undefined || observed <= target.max);
  const result: ValidationResult = {
    id: target.id,
    scenario: target.scenario,
    claim: target.claim,
    source: target.source,
    unit: target.unit,
    observed,
    pass,
  };
  if (target.min !== undefined) result.min = target.min;
  if (target.max !== undefined) result.max = target.max;
  return result;
}

/** Markdown report of results, one table row per target. */
export function formatReport(results: readonly ValidationResult[], version: string): string {
  const passed = results.filter((r) => r.pass).length;
  const fmt = (x: number | undefined) =>
    x === undefined ? "" : Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(1) : String(Number(x.toPrecision(3)));
  const lines = [
    `# erythron ${version}: validation report`,
    "",
    `${passed} of ${results.length} targets met.`,
    "",
    "| | target | scenario | observed | expected | unit | source |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    const range =
      r.min !== undefined && r.max !== undefined
        ? `${fmt(r.min)}–${fmt(r.max)}`
        : r.min !== undefined
          ? `≥ ${fmt(r.min)}`
          : `≤ ${fmt(r.max)}`;
    lines.push(
      `| ${r.pass ? "✓" : "✗"} | ${r.claim} | ${r.scenario} | ${fmt(r.observed)} | ${range} | ${r.unit} | ${r.source} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
