/**
 * The blood count and iron panel, computed from the simulated body — never
 * set. Venous values carry the venous/whole-body hematocrit ratio (blood is
 * sampled from a vein; body Hct is ~0.9 of venous).
 */
import type { Body } from "../engine/body.js";
import { type ParameterPath, param } from "../engine/parameters.js";
import { bloodVolumeDl, healthyPlasmaDl } from "../physiology/blood-volume.js";
import { ferritinSecretionReference } from "../physiology/growth.js";
import type { TRAJECTORY_COLUMNS } from "./columns.js";

const DL_PER_FL = 1e-14;
const HEPCIDIN_NG_PER_NMOL = 2.79; // hepcidin-25, MW 2789 (ref header)

/**
 * Reticulocyte maturation time in the circulation by hematocrit (Hillman & Finch 1969, "Erythropoiesis:
 * normal and abnormal", Semin Hematol 4:327; Hillman 1969 J Clin Invest 48:443): 1.0 day at Hct 45 %,
 * 1.5 at 35 %, 2.0 at 25 %, 2.5 at 15 %: stress reticulocytes released early stay longer in blood.
 */
export function reticMaturationDays(hctPct: number): number {
  return Math.min(2.5, Math.max(1, 1 + (45 - hctPct) / 20));
}

/** Reticulocyte production index: retic % corrected to a normal Hct of 45 % and for maturation time. */
export function reticulocyteProductionIndex(reticPct: number, hctPct: number): number {
  return (reticPct * (hctPct / 45)) / reticMaturationDays(hctPct);
}

/**
 * Sample-to-sample factor from the sTfR reported here (R&D Systems scale, healthy ~1.2 mg/L,
 * labs.stfrPerReceptorMass) to the Ramco assay Cook's equation was derived on (healthy
 * 5.6 ± 1.1 mg/L, Flowers et al. J Lab Clin Med 1989;114:368). A proportional factor: it only
 * shifts the estimate by a constant, so changes in body iron do not depend on it.
 */
const STFR_RAMCO_PER_RND = 5.6 / 1.2;

/**
 * Body iron from the serum transferrin receptor to ferritin ratio (Cook, Flowers & Skikne,
 * Blood 2003;101:3359): mg/kg = −(log10(sTfR µg/L / ferritin µg/L) − 2.8229) / 0.1207, times
 * body weight. It reads storage iron when positive and the tissue (functional) iron deficit when
 * negative; hemoglobin iron is not in it. Trials of donors and supplements report their
 * "total body iron" this way (Cable et al. Transfusion 2016).
 */
export function cookBodyIronMg(stfrMgL: number, ferritinNgMl: number, weightKg: number): number {
  if (!(stfrMgL > 0) || !(ferritinNgMl > 0)) return Number.NaN;
  const ratio = (stfrMgL * STFR_RAMCO_PER_RND * 1000) / ferritinNgMl;
  return (-(Math.log10(ratio) - 2.8229) / 0.1207) * weightKg;
}

export type LabRow = Record<(typeof TRAJECTORY_COLUMNS)[number], number>;

export function measureLabs(body: Body): LabRow {
  const p = (k: ParameterPath) => param(body.params, k);
  const venous = p("body.venousToBodyHctRatio");
  const idx = body.blood.indices();
  const rcvDl = idx.volumeSumFl * DL_PER_FL;
  const bvDl = body.plasmaVolumeDl + rcvDl;
  const bvL = bvDl / 10;
  const n = idx.cells;
  const mcv = n > 0 ? idx.volumeSumFl / n : 0;
  const varV = n > 0 ? Math.max(0, idx.volumeSqSumFl2 / n - mcv * mcv) : 0;
  const hbG = idx.hbSumPg * 1e-12;
  const pools = body.pools;
  const tibcUgDl = body.transferrin.mgPerDl * p("transferrin.ironBindingUgPerMg");
  const serumIronUgDl = (pools.plasma / body.plasmaVolumeDl) * 1000;
  const hctPct = bvDl > 0 ? (rcvDl / bvDl) * venous * 100 : 0;
  const reticPct = n > 0 ? (idx.reticCells / n) * 100 : 0;
  const storage = pools.macrophageLabile + pools.macrophageStore + pools.hepatocyte + pools.ivComplex;
  // Soluble TfR is shed in proportion to erythroid receptor mass (cells × receptors per cell).
  const stfrMgL = (p("labs.stfrPerReceptorMass") * body.marrow.receptorMass()) / body.erythroblastRef;
  // Serum ferritin is secreted ferritin over the plasma it stands in: the secretion (serum-ferritin.ts)
  // is given as the concentration it makes in the healthy plasma volume of this body (the set point without
  // pregnancy's expansion), less what shed blood took with it, so pregnancy, the refill after a bleed,
  // anemia and altitude dilute or concentrate it (blood-volume.ts healthyPlasmaDl, secretedMassShare).
  // A child's secretion stands in the plasma of the adult it was calibrated on (growth.ts
  // ferritinSecretionReference): the mass is the same, her smaller plasma concentrates it.
  const childReference = ferritinSecretionReference(body.subjectNow());
  const secretionSetPointDl = childReference
    ? bloodVolumeDl(childReference, body.params)
    : body.bloodVolumeTargetDl - body.pregnancy.extraPlasmaDl;
  const ferritinMass =
    body.serumFerritin.ngPerMl * healthyPlasmaDl(secretionSetPointDl, body.params) * body.volume.secretedMassShare;
  const ferritin = ferritinMass / body.plasmaVolumeDl;
  const cookMg = cookBodyIronMg(stfrMgL, ferritin, body.weightKg);
  return {
    day: body.timeH / 24,
    hb_g_dl: (hbG / bvDl) * venous,
    hct_pct: hctPct,
    rbc_10e12_l: (n / bvL / 1e12) * venous,
    mcv_fl: mcv,
    mch_pg: n > 0 ? idx.hbSumPg / n : 0,
    mchc_g_dl: idx.volumeSumFl > 0 ? (idx.hbSumPg / idx.volumeSumFl) * 100 : 0,
    rdw_cv_pct: mcv > 0 ? (Math.sqrt(varV) / mcv) * 100 : 0,
    retic_pct: reticPct,
    retic_abs_10e9_l: (idx.reticCells / bvL / 1e9) * venous,
    chr_pg: idx.reticCells > 0 ? idx.reticHbSumPg / idx.reticCells : 0,
    serum_iron_ug_dl: serumIronUgDl,
    tibc_ug_dl: tibcUgDl,
    tsat_pct: (serumIronUgDl / tibcUgDl) * 100,
    // Serum ferritin is what macrophages secrete (serum-ferritin.ts): it follows their ferritin
    // store, with the plasma half-life of the protein, and more per unit store in the acute phase;
    // diluted by the plasma it stands in (above).
    ferritin_ng_ml: ferritin,
    hepcidin_ng_ml: body.liver.hepcidinNmol * HEPCIDIN_NG_PER_NMOL,
    epo_mu_ml: body.epoMuPerMl(), // immunoassays measure injected epoetin too
    stfr_mg_l: stfrMgL,
    zpp_umol_mol: idx.hbSumPg > 0 ? (idx.zppSumHbEq / idx.hbSumPg) * 1e6 : 0,
    ring_sideroblast_pct: body.marrow.ringSideroblastPct(),
    blood_lead_ug_dl: body.lead.bloodLeadUgPerDl(),
    il6_pg_ml: body.causes.il6PgPerMl,
    body_iron_mg: body.totalIronMg(),
    storage_iron_mg: storage,
    // HbA2 (α2δ2) share of the hemoglobin the marrow makes, from the globin chain balance (genotype.ts).
    hba2_pct: body.genotypeEffects.hba2Fraction * 100,
    b12_pg_ml: body.vitamins.serumB12PgPerMl(),
    folate_ng_ml: body.vitamins.serumFolateNgPerMl(),
    homocysteine_umol_l: body.vitamins.homocysteineUmolPerL(),
    mma_umol_l: body.vitamins.mmaUmolPerL(),
    egfr_ml_min: body.renal.gfrMlPerMin,
    // Arterial O2 saturation (altitude, hypoxemia); haptoglobin and unconjugated bilirubin from heme
    // turnover; mean survival a red cell released now would have under the current hazards.
    sao2_pct: body.hypoxia.sao2 * 100,
    haptoglobin_mg_dl: body.plasmaHeme.haptoglobinMgDl(body.plasmaVolumeDl),
    bilirubin_mg_dl: body.plasmaHeme.bilirubinMgDl,
    rbc_survival_days: body.blood.meanSurvivalDays(body.circulationSignals()),
    // Iron lost in urine from hemolysis (hemoglobinuria, hemosiderinuria); the basal ~0.1 mg/day is
    // part of the basal loss and not shown here.
    urine_iron_mg_day: body.plasmaHeme.urineIronMgPerDay,
    // Whole-body circulating hemoglobin and red-cell volume (what CO rebreathing and 51Cr-labelled
    // red cells measure) and plasma volume (125I-albumin), from the simulated cells and plasma.
    hb_mass_g: hbG,
    rbc_mass_ml: rcvDl * 100,
    plasma_volume_ml: body.plasmaVolumeDl * 100,
    rpi: reticulocyteProductionIndex(reticPct, hctPct),
    // Fractions of the labelled dose in plasma and in circulating red cells; 51Cr still circulating.
    tracer_plasma_fraction: body.tracer.plasmaFraction(),
    tracer_rbc_fraction: body.tracer.redCellFraction(),
    cr51_survival_fraction: body.tracer.cr51Survival(body.blood, body.timeH),
    body_iron_cook_mg: cookMg,
    body_iron_cook_plus_hb_mg: cookMg + hbG * p("iron.hbIronMgPerG"),
  };
}
