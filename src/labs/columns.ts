/**
 * The trajectory contract (shared/design/interfaces.md): these columns first,
 * in this order, units in the names. More columns may follow, never fewer.
 */
export const TRAJECTORY_COLUMNS = [
  "day",
  "hb_g_dl",
  "hct_pct",
  "rbc_10e12_l",
  "mcv_fl",
  "mch_pg",
  "mchc_g_dl",
  "rdw_cv_pct",
  "retic_pct",
  "retic_abs_10e9_l",
  "chr_pg",
  "serum_iron_ug_dl",
  "tibc_ug_dl",
  "tsat_pct",
  "ferritin_ng_ml",
  "hepcidin_ng_ml",
  "epo_mu_ml",
  "stfr_mg_l",
  "zpp_umol_mol",
  "ring_sideroblast_pct",
  "blood_lead_ug_dl",
  "il6_pg_ml",
  "body_iron_mg",
  "storage_iron_mg",
  // Beyond the contract's first version (appended, never reordered):
  "hba2_pct",
  // Acquired conditions (issue 4): vitamins, their metabolites, renal function.
  "b12_pg_ml",
  "folate_ng_ml",
  "homocysteine_umol_l",
  "mma_umol_l",
  "egfr_ml_min",
  // Causes (issue 15): hypoxia and hemolysis.
  "sao2_pct",
  "haptoglobin_mg_dl",
  "bilirubin_mg_dl",
  "rbc_survival_days",
  "urine_iron_mg_day",
  // Columns researchers ask for (issue 15): masses and volumes, and the reticulocyte production index.
  "hb_mass_g",
  "rbc_mass_ml",
  "plasma_volume_ml",
  "rpi",
  // Tracer studies (physiology/tracer.ts): 0 until a tracer is given.
  "tracer_plasma_fraction",
  "tracer_rbc_fraction",
  "cr51_survival_fraction",
  // Body iron estimated from serum ferritin and sTfR (Cook et al. Blood 2003), as donor and
  // supplementation trials report it: stores when positive, a tissue iron deficit when negative.
  "body_iron_cook_mg",
  // REDS-III's total body iron: the Cook estimate plus hemoglobin iron from the circulating
  // hemoglobin mass (Cable 2016 Transfusion 56:2005: "TBI was estimated by summing iron stores and
  // hemoglobin iron").
  "body_iron_cook_plus_hb_mg",
] as const;

export type TrajectoryColumn = (typeof TRAJECTORY_COLUMNS)[number];

/**
 * Unit suffixes of the column names, longest first where one ends another, each as written in
 * files (ASCII, the canonical unit of sweep results) and for people (tables, figures).
 * Dimensionless columns (an index, a fraction) have the unit "1".
 */
const COLUMN_SUFFIX_UNITS: readonly (readonly [suffix: string, ascii: string, display: string])[] = [
  ["_10e12_l", "10^12/L", "10¹²/L"],
  ["_10e9_l", "10^9/L", "10⁹/L"],
  ["_umol_mol", "umol/mol", "µmol/mol"],
  ["_umol_l", "umol/L", "µmol/L"],
  ["_ml_min", "mL/min", "mL/min"],
  ["_mg_day", "mg/day", "mg/day"],
  ["_ug_dl", "ug/dL", "µg/dL"],
  ["_mg_dl", "mg/dL", "mg/dL"],
  ["_ng_ml", "ng/mL", "ng/mL"],
  ["_pg_ml", "pg/mL", "pg/mL"],
  ["_mu_ml", "mU/mL", "mU/mL"],
  ["_g_dl", "g/dL", "g/dL"],
  ["_mg_l", "mg/L", "mg/L"],
  ["_days", "day", "day"],
  ["_pct", "%", "%"],
  ["_fraction", "1", "1"],
  ["_ml", "mL", "mL"],
  ["_fl", "fL", "fL"],
  ["_pg", "pg", "pg"],
  ["_mg", "mg", "mg"],
  ["_g", "g", "g"],
];
/** Columns whose name carries no unit: dimensionless indices. */
const DIMENSIONLESS_COLUMNS: ReadonlySet<string> = new Set(["rpi"]);

/** The unit of a trajectory column, read from its name ("" when the name carries none). */
export function columnUnit(column: string, style: "ascii" | "display" = "ascii"): string {
  if (column === "day") return "day";
  if (DIMENSIONLESS_COLUMNS.has(column)) return "1";
  for (const [suffix, ascii, display] of COLUMN_SUFFIX_UNITS)
    if (column.endsWith(suffix)) return style === "ascii" ? ascii : display;
  return "";
}
