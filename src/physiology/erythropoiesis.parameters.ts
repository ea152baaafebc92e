/**
 * Parameters of the marrow (erythropoiesis.ts): the division rule, hemoglobin synthesis, iron uptake and
 * release; gathered by src/engine/parameters.ts. What drives it from outside (founder influx, the EPO
 * dose-response, erythroferrone) is declared in erythropoiesis-drive.ts, the age reserve in
 * erythroid-reserve.ts.
 */
import { defineParameters, type PathsOf } from "../parameters/spec.js";

export const ERYTHROPOIESIS_PARAMETERS = defineParameters({
  // ── Erythropoiesis: the division rule
  "erythropoiesis.epoReference": {
    unit: "mU/mL",
    default: 12,
    description: "EPO (mU/mL) at which founder influx equals founderFluxPerKg",
    source: "Symeonidis 2016 equation at Hb 15 g/dL, ref §4.1",
    min: 0.1,
    max: 1000,
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
});

export type ErythropoiesisParameter = PathsOf<typeof ERYTHROPOIESIS_PARAMETERS>;
