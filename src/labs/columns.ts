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
] as const;

export type TrajectoryColumn = (typeof TRAJECTORY_COLUMNS)[number];
