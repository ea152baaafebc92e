/**
 * Parameters of erythropoiesis (erythropoiesis.ts): the division rule, hemoglobin synthesis, iron uptake,
 * release, founder influx and erythroferrone; gathered by src/engine/parameters.ts.
 */
import { defineParameters, type PathsOf } from "../parameters/spec.js";

export const ERYTHROPOIESIS_PARAMETERS = defineParameters({
  // ── Erythropoiesis: the division rule
  "erythropoiesis.founderFluxPerKg": {
    unit: "1/day/kg",
    default: 1.5e8,
    description: "committed proerythroblasts entering per day per kg at reference EPO",
    source: "calibrated: ~2×10^11 red cells/day (ref §2.2) at ~14 cells per founder",
    min: 0,
    max: 1e10,
    provenance: { kind: "calibrated", targets: ["healthy-man.hb", "healthy-man.mcv", "healthy-man.rdw"] },
  },
  "erythropoiesis.epoReference": {
    unit: "mU/mL",
    default: 12,
    description: "EPO (mU/mL) at which founder influx equals founderFluxPerKg",
    source: "Symeonidis 2016 equation at Hb 15 g/dL, ref §4.1",
    min: 0.1,
    max: 1000,
    provenance: { kind: "measured" },
  },
  "erythropoiesis.epoHalfMaximal": {
    unit: "mU/mL",
    default: 80,
    description: "EPO (mU/mL) giving half-maximal founder influx (maximum ≈ 7.7× basal)",
    source: "marrow capacity ×4–8 normal, Hillman & Henderson JCI 1969, ref §3.1",
    min: 1,
    max: 10000,
    provenance: { kind: "measured" },
  },
  "erythropoiesis.cycleTime": {
    unit: "h",
    default: 23.3,
    description: "erythroblast generation time",
    source: "time-lapse of human erythroblasts, Blood Cells 1987: 23.3 ± 4.8 h, ref §3.1",
    min: 4,
    max: 200,
    provenance: { kind: "measured" },
  },
  "erythropoiesis.cycleTimeCv": {
    unit: "",
    default: 0.1,
    description: "lineage-to-lineage coefficient of variation of the cycle time",
    source: "calibrated within the 15.8–30 h range of Blood Cells 1987 so healthy RDW is 12–14 %",
    min: 0,
    max: 0.5,
    provenance: { kind: "calibrated", targets: ["healthy-man.rdw"] },
  },
  "erythropoiesis.growthPerCycle": {
    unit: "",
    default: 1.5,
    description: "cytoplasmic volume growth factor per cell cycle (g < 2)",
    source: "model.md §1; stage volumes shrink ~0.7–0.75× per division, ref §3.1",
    min: 1,
    max: 1.99,
    provenance: { kind: "assumed" },
  },
  "erythropoiesis.ironRestrictionTsatHalf": {
    unit: "",
    default: 0.08,
    description:
      "transferrin saturation (fraction) at which erythroid progenitor expansion is halved by iron restriction (Hill 2, relative to reference saturation)",
    source:
      "iron restriction blunts the EPO response of progenitors via TfR2 and the aconitase pathway (Bullock 2010; Khalil 2018); IDA is hypoproliferative (R), calibrated",
    min: 0,
    max: 1,
    provenance: {
      kind: "calibrated",
      targets: ["gi-bleed.ferritin-before-tsat", "gi-bleed.rdw-before-mcv", "gi-bleed.mentzer"],
    },
  },
  "erythropoiesis.expansionIronTsatHalf": {
    unit: "",
    default: 0.29,
    description:
      "transferrin saturation (fraction) setting the ceiling on EPO-driven founder expansion: 1 + (max − 1)·t²/(t²+K²)·(1+K²)",
    source:
      "stimulated marrow ~3× normal with normal stores, 6–8× in hemolysis (high saturation), ≤ 2× when iron-restricted (Hillman & Henderson 1969 J Clin Invest 48:454; Finch 1982 Blood 60:1241; Goodnough 2000 Blood 96:823); calibrated: ceiling 4.8× at TSAT 30 %, 2.0× at 12 %, 1.2× at 5 %",
    min: 0.001,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/kinetics-marrow.test.ts"] },
  },
  "erythropoiesis.founderCytoplasmVolume": {
    unit: "fL",
    default: 295,
    description: "cytoplasmic volume of a founder (proerythroblast) at entry",
    source: "calibrated: 4 divisions to an orthochromatic cytoplasm of ~140 fL, retic ~115 fL (ref §3.1, §3.2)",
    min: 20,
    max: 5000,
    provenance: { kind: "calibrated", targets: ["healthy-man.mcv"] },
  },
  "erythropoiesis.globinSynthesisRate": {
    unit: "pg/h",
    default: 0.4,
    description: "per-cell hemoglobin synthesis capacity set by globin chains (genotype)",
    source: "calibrated: final MCH ~33 pg in young cells, 30 pg population mean (ref §6.9)",
    min: 0,
    max: 10,
    provenance: { kind: "calibrated", targets: ["healthy-man.mcv", "healthy-man.hb"] },
  },
  "erythropoiesis.hemeSynthesisRate": {
    unit: "pg/h",
    default: 0.6,
    description: "per-cell heme synthesis capacity (ALAS2, ALAD, ferrochelatase), as Hb equivalents",
    source: "set above the globin capacity: healthy synthesis is globin-limited (HRI matches globin to heme, ref §3.4)",
    min: 0,
    max: 10,
    provenance: { kind: "assumed" },
  },
  "erythropoiesis.divisionThresholdMchc": {
    unit: "",
    default: 11.4,
    description: "cytoplasmic hemoglobin concentration (g/dL) at which a cell stops dividing",
    source: "calibrated (no human measurement, ref §3.4): midway (geometric) between end of cycles 4 and 5",
    min: 1,
    max: 40,
    provenance: { kind: "calibrated", targets: ["healthy-man.mcv"] },
  },
  "erythropoiesis.hriGrowthCoupling": {
    unit: "",
    default: 0,
    description:
      "how strongly cytoplasmic growth follows heme supply (HRI–eIF2α–mTORC1): 0 none, 1 growth ∝ achieved synthesis",
    source:
      "HRI needed for the microcytic response; HRI-null iron-deficient mice make large hyperchromic cells (Han 2001; Zhang 2018, ref §3.4)",
    min: 0,
    max: 1,
    provenance: { kind: "assumed" },
  },
  "erythropoiesis.maxDivisions": {
    unit: "",
    default: 5,
    description: "cap on divisions: cells reaching it without the threshold mature small and pale, or die",
    source:
      "model.md §1: one beyond the normal 4 (ref §3.1: 4–5 divisions); calibrated: severe IDA MCV 60–70 fL with RBC falling, not rising (ref §5d)",
    min: 1,
    max: 12,
    provenance: {
      kind: "calibrated",
      targets: ["gi-bleed.ferritin-before-tsat", "gi-bleed.rdw-before-mcv", "gi-bleed.mentzer"],
    },
  },
  "erythropoiesis.divisionAsymmetrySd": {
    unit: "",
    default: 0.03,
    description:
      "SD of the fraction of volume and hemoglobin going to one daughter, around 0.5 (as a fraction of the parent)",
    source: "calibrated so healthy RDW-CV is 12–14 % (ref §1.1)",
    min: 0,
    max: 0.2,
    provenance: { kind: "calibrated", targets: ["healthy-man.rdw"] },
  },
  "erythropoiesis.orthochromaticTime": {
    unit: "h",
    default: 36,
    description: "post-mitotic (late polychromatic/orthochromatic) synthesis phase before enucleation",
    source: "orthochromatic ~48 h, polychromatic ~30 h (textbook stage residences, ref §3.1, weak)",
    min: 1,
    max: 200,
    provenance: { kind: "measured" },
  },
  "erythropoiesis.apoptosisPerCycle": {
    unit: "",
    default: 0.03,
    description:
      "fraction of cycling erythroblasts dying per cycle at reference EPO (basal ineffective erythropoiesis)",
    source: "ineffective erythropoiesis ~10–15 % of precursors (ref §3.1, R)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "erythropoiesis.capDeathFraction": {
    unit: "",
    default: 0.5,
    description:
      "fraction of cells reaching the division cap without the threshold that die in the marrow (all die below half the threshold)",
    source: "model.md §1 (ineffective erythropoiesis in severe iron deficiency), calibrated",
    min: 0,
    max: 1,
    provenance: {
      kind: "calibrated",
      targets: ["gi-bleed.ferritin-before-tsat", "gi-bleed.rdw-before-mcv", "gi-bleed.mentzer"],
    },
  },
  "erythropoiesis.ironUseTime": {
    unit: "h",
    default: 2,
    description: "time constant for a cell's labile iron to enter heme",
    source: "calibrated; fast against the cell cycle",
    min: 0.1,
    max: 48,
    provenance: { kind: "calibrated", targets: ["healthy-man.hb", "healthy-man.mcv", "healthy-man.rdw"] },
  },
  "erythropoiesis.tsatFullSupply": {
    unit: "",
    default: 0.25,
    description: "transferrin saturation at which a cell's basal receptors meet its globin-limited demand",
    source: "calibrated: iron-limited erythropoiesis below TSAT ~16 % (IOM 2001, ref §1.3)",
    min: 0.01,
    max: 1,
    provenance: {
      kind: "calibrated",
      targets: ["gi-bleed.ferritin-before-tsat", "gi-bleed.rdw-before-mcv", "gi-bleed.mentzer"],
    },
  },
  "erythropoiesis.irpGain": {
    unit: "",
    default: 3,
    description: "IRP/IRE gain: relative rise of transferrin-receptor expression as the cell's labile iron falls",
    source: "sTfR rises up to ~3–4× in iron-deficiency anemia (ref §1.3, §5d)",
    min: 0,
    max: 20,
    provenance: { kind: "measured" },
  },
  "erythropoiesis.receptorCv": {
    unit: "",
    default: 0.5,
    description: "lineage-to-lineage CV of transferrin-receptor density",
    source:
      "calibrated: unequal iron access between lineages makes RDW rise as iron runs short (England 1976, ref §5d)",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["gi-bleed.rdw-before-mcv"] },
  },
  "erythropoiesis.marrowReticulocyteTime": {
    unit: "day",
    default: 1.5,
    description: "reticulocyte residence in the marrow at reference EPO",
    source: "marrow reticulocyte maturation 1–3 days (≈1.5), ref §3.2",
    min: 0,
    max: 5,
    provenance: { kind: "measured" },
  },
  "erythropoiesis.reticulocyteShiftPerEpoDoubling": {
    unit: "day",
    default: 0.36,
    description:
      "earlier release of marrow reticulocytes per doubling of EPO (the 'shift'), programmed at their making",
    source:
      "Hillman 1969 J Clin Invest 48:443 (blood reticulocyte maturation 1.0/1.5/2.0/2.5 days at Hct 45/35/25/15, in half-day bands) with EPO doubling per 2.3 g/dL of Hb (Symeonidis 2016, epo.slope) gives 0.30–0.345 × circulation.bloodReticulocyteTime per doubling; calibrated at the low end of that range (0.30 × 1.2 d) on the production index of a large bleed: 2–3× in weeks 2–3, as Hillman & Henderson 1969 report (the production-index test in test/columns-researchers.test.ts)",
    min: 0,
    max: 2,
    provenance: { kind: "calibrated", targets: ["signature:test/columns-researchers.test.ts"] },
  },
  "erythropoiesis.maxReticulocyteShift": {
    unit: "day",
    default: 1.5,
    description: "largest shortening of the marrow reticulocyte residence under high EPO",
    source:
      "Hillman 1969 J Clin Invest 48:443: at Hct ≤ 15 % reticulocytes mature 2.5 days in blood, 1.5 days longer than normal; here the whole marrow residence (erythropoiesis.marrowReticulocyteTime)",
    min: 0,
    max: 5,
    provenance: { kind: "measured" },
  },
  "erythropoiesis.reticulocyteShiftTime": {
    unit: "day",
    default: 1,
    description: "time constant with which the residence programmed into new reticulocytes follows EPO",
    source:
      "assumed: the program averages the EPO an erythroblast sees over its EPO-dependent stages (CFU-E to polychromatic, about two cycles of 23.3 h), whose mean delay is about a day",
    min: 0.01,
    max: 10,
    provenance: { kind: "assumed" },
  },

  "erythropoiesis.reserveDeclineFromAge": {
    unit: "year",
    default: 50,
    description:
      "age from which the marrow's erythroid reserve (the share of EPO's drive above basal it carries out) declines (erythroid-reserve.ts; applies only when the subject's age is given)",
    source:
      "iliac-crest hematopoietic cellularity ~50 % and stable in adults to about 50 years, then falling (Hartsock, Smith & Petty 1965 Am J Clin Pathol 43:326)",
    min: 0,
    max: 120,
    provenance: { kind: "measured" },
  },
  "erythropoiesis.reserveDeclinePerYear": {
    unit: "1/year",
    default: 0.0133,
    description:
      "fall per year past reserveDeclineFromAge of the erythroid reserve, relative to a young adult's (1 − rate·(age − from))",
    source:
      "hematopoietic cellularity falls from ~50 % to ~30 % between 50 and 80 years (Hartsock, Smith & Petty 1965 Am J Clin Pathol 43:326): 0.4/30 per year, taking the expansion the marrow can make as proportional to its hematopoietic tissue (assumed); slower erythropoietic response to phlebotomy in the old (Lipschitz et al. 1984 Blood 63:502)",
    min: 0,
    max: 0.1,
    provenance: { kind: "assumed" },
  },

  // ── Erythroferrone
  "erfe.epoExponent": {
    unit: "",
    default: 0.5,
    description: "ERFE output per erythroblast rises as (EPO/reference)^exponent",
    source: "ERFE rises within hours of EPO (Ganz 2017, ref §4.2), calibrated",
    min: 0,
    max: 3,
    provenance: { kind: "calibrated", targets: ["acute-hemorrhage.retic-peak-day"] },
  },

  // ── Lead (model.md §4)
  "erythropoiesis.ringSideroblastIron": {
    unit: "pg",
    default: 0.015,
    description: "mitochondrial (non-heme) iron per erythroblast above which it stains as a ring sideroblast",
    source: "ring = ≥ 5 perinuclear iron granules (WHO); set at ~15 % of a cell's final heme iron, calibrated (R)",
    min: 0,
    max: 10,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "erythropoiesis.hemeCapacityCv": {
    unit: "",
    default: 0.25,
    description:
      "lineage-to-lineage CV (lognormal) of the sensitivity of heme synthesis to an acquired block: a lineage's capacity factor is F^s for the body-wide lead factor F (a germline ALAS2 block is uniform)",
    source:
      "assumed; makes ring sideroblasts graded with blood lead (a few at moderate sustained exposure, many in heavy poisoning, fading as blood lead falls) instead of all-or-none at one level; a healthy marrow (F = 1) is unaffected",
    min: 0,
    max: 2,
    provenance: { kind: "assumed" },
  },
  "erythropoiesis.ringSideroblastDeathPerCycle": {
    unit: "",
    default: 0.7,
    description: "extra death per cell cycle of an erythroblast whose mitochondria are iron-loaded (ring sideroblast)",
    source:
      "sideroblastic anemias are ineffective: iron-loaded mitochondria make erythroblasts die in the marrow (Fleming NEJM 2011-type reviews; Ducamp & Fleming 2019), calibrated to XLSA Hb 7–12 g/dL",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },

  // ── Acquired conditions: B12 and folate, kidney, marrow infiltration (issue 4)
  "erythropoiesis.infiltrationRoomExponent": {
    unit: "",
    default: 1,
    description:
      "founder capacity scales as (1 − infiltrated fraction)^exponent: the room left for erythroid progenitors",
    source: "marrow infiltration crowds out erythropoiesis (model.md §4); proportional by default (R)",
    min: 0,
    max: 5,
    provenance: { kind: "assumed" },
  },
  // ── The marrow's answer to EPO: its dose–response and the iron gate on the expansion (erythropoiesis-drive.ts)
  "erythropoiesis.epoResponseIronTsatHalf": {
    unit: "",
    default: 0.2,
    description:
      "transferrin saturation (fraction) at which the iron-dependent share of the EPO-driven expansion (founder drive above 1) is half carried out: 1 + (d − 1)·[φ + (1 − φ)·G(t)], G = tⁿ/(tⁿ+Kⁿ)·(t_refⁿ+Kⁿ)/t_refⁿ, n = erythropoiesis.epoResponseIronHill, φ = erythropoiesis.epoResponseIronFloor; the basal influx is untouched (0 = no gate)",
    source:
      "iron restriction takes away the EPO response of erythroid progenitors (Bullock et al. 2010 Blood 116:97, aconitase pathway; TfR2–EPOR: Forejtnikovà et al. 2010 Blood 116:5357); iron-deficient erythropoiesis below TSAT ~16 % (IOM 2001); calibrated with the floor: the largest gate that keeps iron-deficiency anemia microcytic with sTfR > 2× (gi-bleed), the ESA response of CKD (> 1 g/dL), a donation with oral iron ahead of one without, and the stores of a woman starting pregnancy with 150 mg exhausted (ferritin < 15) at term (Milman 1991 Dan Med Bull 38:471: 92 % of the placebo arm ≤ 20 ng/mL at term)",
    min: 0,
    max: 1,
    provenance: {
      kind: "calibrated",
      targets: [
        "gi-bleed.rdw-before-mcv",
        "gi-bleed.mentzer",
        "signature:test/signatures-blood-loss.test.ts",
        "signature:test/signatures-conditions.test.ts",
        "signature:test/pregnancy.test.ts",
      ],
    },
  },
  "erythropoiesis.epoResponseIronHill": {
    unit: "",
    default: 3,
    description: "steepness n of the iron gate on the EPO-driven expansion (erythropoiesis.epoResponseIronTsatHalf)",
    source:
      "switch-like between iron-restricted (TSAT < 16 %) and iron-replete (> 25 %) erythropoiesis (IOM 2001), so the healthy marrow at TSAT 30–35 % answers EPO nearly in full; calibrated with epoResponseIronTsatHalf: 3 rather than 4 keeps a woman starting pregnancy with 150 mg stores exhausted (ferritin < 15) at term",
    min: 0.5,
    max: 10,
    provenance: { kind: "calibrated", targets: ["signature:test/pregnancy.test.ts"] },
  },
  "erythropoiesis.epoResponseIronFloor": {
    unit: "",
    default: 0.6,
    description:
      "share φ of the EPO-driven expansion that does not depend on iron: gate φ + (1 − φ)·G(t) (erythropoiesis.epoResponseIronTsatHalf)",
    source:
      "iron-deficiency anemia keeps a moderate erythroid hyperplasia with sTfR 3–4× normal (Skikne, Flowers & Cook 1990 Blood 75:1870), so iron restriction blunts the EPO response rather than abolishing it; calibrated with epoResponseIronTsatHalf on the signatures it names: Hb recovers faster after a donation with oral iron than without (Kiss 2015 JAMA 313:575), and the EPO ratio of unsupplemented vs supplemented pregnancy is not carried by the Hb difference alone (Milman 1997, test/epo-iron.test.ts)",
    min: 0,
    max: 1,
    provenance: {
      kind: "calibrated",
      targets: [
        "gi-bleed.rdw-before-mcv",
        "signature:test/signatures-blood-loss.test.ts",
        "signature:test/epo-iron.test.ts",
      ],
    },
  },
  "erythropoiesis.epoResponseExponent": {
    unit: "",
    default: 1,
    description:
      "exponent n of the marrow's answer to EPO, h(e) = eⁿ/(eⁿ + Kⁿ) with K = erythropoiesis.epoHalfMaximal (1: Michaelis–Menten); n < 1 spreads the response over a wide EPO range (CFU-E differ in their EPO need), so a 1.5–2× rise of endogenous EPO raises production less while pharmacological levels still reach the ceiling (keep the ceiling (e_refⁿ + Kⁿ)/e_refⁿ when changing n)",
    source:
      "1 (Michaelis–Menten) as before. Shallower candidates: CFU-E survival rises over a ~100-fold EPO range in vitro (Koury & Bondurant 1990 Science 248:378); epoetin PK/PD in cynomolgus monkeys (not humans) finds a high half-maximal concentration with a 3–4× ceiling (Ramakrishnan et al. 2003 J Pharmacol Exp Ther 306:324: Smax 3.13, SC50 842 IU/L); in healthy humans single SC doses of 20–160 kIU raised reticulocyte production by a similar 140–160 % at peak (Pérez-Ruixo, Krzyzanski & Hing 2008 Clin Pharmacokinet 47:399); kept at 1 until a calibration study fixes it",
    min: 0.1,
    max: 4,
    provenance: { kind: "assumed" },
  },
});

export type ErythropoiesisParameter = PathsOf<typeof ERYTHROPOIESIS_PARAMETERS>;
