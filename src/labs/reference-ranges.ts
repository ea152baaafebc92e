/**
 * The one table of healthy reference ranges and diagnostic thresholds that
 * every figure, `erythron validate` and the notebooks read, with its sources
 * (docs/physiology.md, a copy of the project's physiology reference).
 * Pure data: safe in the browser.
 */
import type { Sex } from "../core/types.js";

export interface Range {
  low: number;
  high: number;
}

export interface ReferenceEntry {
  male: Range;
  female: Range;
  /** Where the numbers come from (docs/physiology.md section, with the primary source). */
  source: string;
}

const both = (low: number, high: number, source: string): ReferenceEntry => ({
  male: { low, high },
  female: { low, high },
  source,
});

const TABLE = {
  hb_g_dl: {
    male: { low: 14, high: 17 },
    female: { low: 12, high: 16 },
    source: "Merck Manual CBC table (docs/physiology.md §1.1)",
  },
  hct_pct: { male: { low: 41, high: 51 }, female: { low: 36, high: 47 }, source: "Merck Manual CBC table (§1.1)" },
  mcv_fl: both(80, 100, "Merck Manual CBC table (§1.1)"),
  mch_pg: both(27, 33, "Merck Manual, labs quoting 27–33 pg (§1.1)"),
  rdw_cv_pct: both(11.5, 14.5, "Merck Manual; FPnotebook (§1.1)"),
  retic_pct: both(0.5, 1.5, "adult reticulocyte reference (§1.2)"),
  retic_abs_10e9_l: both(25, 75, "adult absolute reticulocyte reference, some labs to 100 (§1.2)"),
  chr_pg: both(28, 35, "reticulocyte Hb content, PMC3934467 Table 1 (§1.2)"),
  serum_iron_ug_dl: both(50, 150, "Harrison's (§1.3)"),
  tibc_ug_dl: both(300, 360, "Harrison's (§1.3)"),
  tsat_pct: both(20, 50, "Harrison's; IOM DRI 2001 p.304 (§1.3)"),
  ferritin_ng_ml: {
    male: { low: 30, high: 300 },
    female: { low: 15, high: 200 },
    source: "MSD Manual (§1.3)",
  },
  // Hepcidin-25, standardised MS assay p2.5–97.5 (Radboud reference used by Donker: men <0.5–14.7,
  // premenopausal women 0.1–12.3 nmol/L) × 2.79 ng/mL per nmol/L.
  hepcidin_ng_ml: {
    male: { low: 1.4, high: 41 },
    female: { low: 0.3, high: 34 },
    source: "Radboud standardised MS assay, p2.5–97.5 (§1.3)",
  },
  epo_mu_ml: both(4, 26, "serum EPO, assay dependent (Int J Hematol 1992;55:111, §1.3)"),
  stfr_mg_l: both(0.76, 1.76, "R&D sTfR assay (PMC3934467, §1.3)"),
  zpp_umol_mol: both(0, 40, "ZPP normal < 40 µmol/mol heme (Labbé, §1.3)"),
  b12_pg_ml: both(200, 900, "ARUP: deficiency < 200 pg/mL (§5h)"),
  folate_ng_ml: both(4.4, 20, "ARUP: deficiency < 4.4 ng/mL (10 nmol/L) (§5h)"),
  homocysteine_umol_l: both(5, 15, "ARUP: > 15 µmol/L elevated (§5h)"),
  mma_umol_l: both(0, 0.4, "upper reference 0.27–0.4 µmol/L (ARUP; Hvas 2001, §5h)"),
  // Causes (issue 15).
  sao2_pct: both(95, 100, "arterial O2 saturation of healthy adults at sea level, 95–100 %"),
  haptoglobin_mg_dl: both(30, 200, "haptoglobin reference ~30–200 mg/dL (Shih 2014 Am J Hematol 89:443)"),
  bilirubin_mg_dl: both(0.2, 0.8, "unconjugated (indirect) bilirubin, typical laboratory range 0.2–0.8 mg/dL"),
} satisfies Record<string, ReferenceEntry>;

/** Healthy adult reference ranges by trajectory column (the named ones are always there). */
export const REFERENCE_RANGES: Readonly<Record<string, ReferenceEntry>> & typeof TABLE = TABLE;

/**
 * Anemia: hemoglobin below these, g/dL. WHO 1968 criteria (docs/physiology.md
 * §1.1): the definition of anemia, a little below the lower end of the
 * laboratory reference range (Hb 14 g/dL men, 12 women).
 */
export const ANEMIA_HB_G_DL: Readonly<Record<Sex, number>> = { male: 13, female: 12 };
export const ANEMIA_SOURCE = "WHO 1968 criteria (docs/physiology.md §1.1)";
/** Anemia in pregnancy: Hb below 11 g/dL (WHO 2011 VMNIS; CDC 1989 MMWR 38:400 allows 10.5 in the 2nd trimester). */
export const ANEMIA_PREGNANCY_HB_G_DL = 11;

/** Diagnostic thresholds that figures and notebooks draw, with their sources. */
export const THRESHOLDS = {
  /** Ferritin below which stores are absent (Jacobs 1972; IOM DRI 2001, §1.3 and stage table). */
  ferritinAbsentStores: { value: 15, unit: "ng/mL", source: "IOM DRI 2001; Jacobs 1972 (§1.3)" },
  /** TSAT below which erythropoiesis is iron-deficient (IOM DRI 2001 p.304). */
  tsatIronDeficientErythropoiesis: { value: 16, unit: "%", source: "IOM DRI 2001 p.304 (§1.3)" },
  /** CDC blood lead reference value for children (2021), µg/dL. */
  bloodLeadChildReference: { value: 3.5, unit: "µg/dL", source: "CDC blood lead reference value 2021" },
  /** OSHA medical removal of lead workers, µg/dL. */
  bloodLeadOshaRemoval: { value: 60, unit: "µg/dL", source: "OSHA 29 CFR 1910.1025" },
  /** Anemia in children aged 5–11 years, Hb g/dL (WHO 2011, Haemoglobin concentrations for the diagnosis of anaemia). */
  anemiaChild5to11: { value: 11.5, unit: "g/dL", source: "WHO 2011 (VMNIS), children 5–11 years" },
  /** Ring sideroblasts defining sideroblastic anemia, % of erythroblasts. */
  ringSideroblasts: { value: 15, unit: "%", source: "WHO classification (ring sideroblasts ≥ 15 %)" },
} as const;

/**
 * Children's reference ranges by age band (from `fromYears` to below the next band's), for the
 * columns that differ most from adults'. Hb and MCV: mean ± 2 SD of iron-replete Finnish children
 * (Dallman & Siimes 1979 J Pediatr 94:26, the table in Nathan & Oski's Hematology of Infancy and
 * Childhood); the Hb lower limits of 6–59 months and 5–11 years are WHO's anemia cut-offs (11.0 and
 * 11.5 g/dL; WHO 2011 VMNIS). Ferritin: depleted stores below 12 ng/mL under 5 years, 15 from 5
 * (WHO 2020 guideline on ferritin). From 18 the adult table applies.
 */
export interface PediatricBand {
  fromYears: number;
  ranges: Readonly<Record<string, ReferenceEntry>>;
}

export const PEDIATRIC_RANGES: readonly PediatricBand[] = [
  {
    fromYears: 0.5,
    ranges: {
      hb_g_dl: both(11, 13.5, "WHO 2011 cut-off 6–59 months; Dallman & Siimes 1979 (0.5–2 y)"),
      mcv_fl: both(70, 86, "Dallman & Siimes 1979 J Pediatr 94:26 (0.5–2 y, mean ± 2 SD)"),
      ferritin_ng_ml: both(12, 150, "WHO 2020: < 12 ng/mL depleted under 5 years"),
    },
  },
  {
    fromYears: 2,
    ranges: {
      hb_g_dl: both(11, 13.5, "WHO 2011 cut-off 6–59 months; Dallman & Siimes 1979 (2–6 y)"),
      mcv_fl: both(75, 87, "Dallman & Siimes 1979 J Pediatr 94:26 (2–6 y, mean ± 2 SD)"),
      ferritin_ng_ml: both(12, 150, "WHO 2020: < 12 ng/mL depleted under 5 years"),
    },
  },
  {
    fromYears: 5,
    ranges: {
      hb_g_dl: both(11.5, 15.5, "WHO 2011 cut-off 5–11 years; Dallman & Siimes 1979 (6–12 y)"),
      mcv_fl: both(77, 95, "Dallman & Siimes 1979 J Pediatr 94:26 (6–12 y, mean ± 2 SD)"),
      ferritin_ng_ml: both(15, 150, "WHO 2020: < 15 ng/mL depleted from 5 years"),
    },
  },
  {
    fromYears: 12,
    ranges: {
      hb_g_dl: {
        male: { low: 12, high: 16 },
        female: { low: 12, high: 16 },
        source: "WHO 2011 cut-off 12–14 years; Dallman & Siimes 1979 (12–18 y)",
      },
      mcv_fl: both(78, 98, "Dallman & Siimes 1979 J Pediatr 94:26 (12–18 y, mean ± 2 SD)"),
      ferritin_ng_ml: both(15, 150, "WHO 2020: < 15 ng/mL depleted from 5 years"),
    },
  },
];

/** The band of the pediatric table that covers `ageYears`, or undefined (adult, or younger than 6 months). */
export function pediatricBand(ageYears: number | undefined): PediatricBand | undefined {
  if (ageYears === undefined || ageYears >= 18) return undefined;
  let band: PediatricBand | undefined;
  for (const b of PEDIATRIC_RANGES) if (ageYears >= b.fromYears) band = b;
  return band;
}

/**
 * The reference range for a column and sex (without a sex, the union of both); for a child
 * (`ageYears` below 18), the pediatric range where the table has one.
 */
export function referenceRange(column: string, sex: Sex | undefined, ageYears?: number): Range | undefined {
  const r = pediatricBand(ageYears)?.ranges[column] ?? REFERENCE_RANGES[column];
  if (!r) return undefined;
  if (sex) return r[sex];
  return { low: Math.min(r.male.low, r.female.low), high: Math.max(r.male.high, r.female.high) };
}

/**
 * The anemia threshold for a sex (without one, the lower: women's), and for a child by age:
 * 11.0 g/dL at 6–59 months, 11.5 at 5–11 years, 12.0 at 12–14 (WHO 2011 VMNIS).
 */
export function anemiaThreshold(sex: Sex | undefined, ageYears?: number): number {
  if (ageYears !== undefined && ageYears < 15) return ageYears < 5 ? 11 : ageYears < 12 ? 11.5 : 12;
  return sex ? ANEMIA_HB_G_DL[sex] : ANEMIA_HB_G_DL.female;
}
