/**
 * Every model parameter: dotted path, canonical unit, default, source.
 *
 * Sources are abbreviated; the full references are in docs/method.md and
 * ../shared/reference/physiology.md (section numbers given as "ref §x").
 * "calibrated" means: no direct measurement exists, the value is chosen so the
 * healthy steady state lands on the reference numbers named.
 */
import type { Sex } from "../scenario/types.js";
import { defaultFor, defineParameters, type ParameterSpec, type ParameterValues } from "./registry.js";

export const PARAMETERS: ReadonlyMap<string, ParameterSpec> = defineParameters({
  // ── Body ────────────────────────────────────────────────────────────────
  "body.bloodVolumePerKg": {
    unit: "mL/kg",
    default: { male: 70, female: 65 },
    description: "blood volume per kg when no height is given (otherwise Nadler's formula)",
    source: "Nadler/ICSH-type values, ref §1.4",
    min: 40,
    max: 120,
  },
  "body.venousToBodyHctRatio": {
    unit: "",
    default: 1 / 0.9,
    description: "venous over whole-body hematocrit (labs sample venous blood)",
    source: "The Blood Volume of Normal Women, Blood 1954 (body/venous Hct 0.90), ref §1.4",
    min: 1,
    max: 1.3,
  },
  "body.plasmaRefillTime": {
    unit: "h",
    default: 24,
    description: "time constant of plasma-volume restoration toward the blood-volume set point",
    source: "hemodilution over 1–2 days after hemorrhage, model.md §signatures (R)",
    min: 1,
    max: 240,
  },

  // ── Erythropoiesis: the division rule ───────────────────────────────────
  "erythropoiesis.founderFluxPerKg": {
    unit: "1/day/kg",
    default: 1.5e8,
    description: "committed proerythroblasts entering per day per kg at reference EPO",
    source: "calibrated: ~2×10^11 red cells/day (ref §2.2) at ~14 cells per founder",
    min: 0,
    max: 1e10,
  },
  "erythropoiesis.epoReference": {
    unit: "",
    default: 12,
    description: "EPO (mU/mL) at which founder influx equals founderFluxPerKg",
    source: "Symeonidis 2016 equation at Hb 15 g/dL, ref §4.1",
    min: 0.1,
    max: 1000,
  },
  "erythropoiesis.epoHalfMaximal": {
    unit: "",
    default: 80,
    description: "EPO (mU/mL) giving half-maximal founder influx (maximum ≈ 7.7× basal)",
    source: "marrow capacity ×4–8 normal, Hillman & Henderson JCI 1969, ref §3.1",
    min: 1,
    max: 10000,
  },
  "erythropoiesis.cycleTime": {
    unit: "h",
    default: 23.3,
    description: "erythroblast generation time",
    source: "time-lapse of human erythroblasts, Blood Cells 1987: 23.3 ± 4.8 h, ref §3.1",
    min: 4,
    max: 200,
  },
  "erythropoiesis.cycleTimeCv": {
    unit: "",
    default: 0.1,
    description: "lineage-to-lineage coefficient of variation of the cycle time",
    source: "calibrated within the 15.8–30 h range of Blood Cells 1987 so healthy RDW is 12–14 %",
    min: 0,
    max: 0.5,
  },
  "erythropoiesis.growthPerCycle": {
    unit: "",
    default: 1.5,
    description: "cytoplasmic volume growth factor per cell cycle (g < 2)",
    source: "model.md §1; stage volumes shrink ~0.7–0.75× per division, ref §3.1",
    min: 1,
    max: 1.99,
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
  },
  "erythropoiesis.founderCytoplasmVolume": {
    unit: "fL",
    default: 295,
    description: "cytoplasmic volume of a founder (proerythroblast) at entry",
    source: "calibrated: 4 divisions to an orthochromatic cytoplasm of ~140 fL, retic ~115 fL (ref §3.1, §3.2)",
    min: 20,
    max: 5000,
  },
  "erythropoiesis.globinSynthesisRate": {
    unit: "pg/h",
    default: 0.4,
    description: "per-cell hemoglobin synthesis capacity set by globin chains (genotype)",
    source: "calibrated: final MCH ~33 pg in young cells, 30 pg population mean (ref §6.9)",
    min: 0,
    max: 10,
  },
  "erythropoiesis.hemeSynthesisRate": {
    unit: "pg/h",
    default: 0.6,
    description: "per-cell heme synthesis capacity (ALAS2, ALAD, ferrochelatase), as Hb equivalents",
    source: "set above the globin capacity: healthy synthesis is globin-limited (HRI matches globin to heme, ref §3.4)",
    min: 0,
    max: 10,
  },
  "erythropoiesis.divisionThresholdMchc": {
    unit: "",
    default: 11.4,
    description: "cytoplasmic hemoglobin concentration (g/dL) at which a cell stops dividing",
    source: "calibrated (no human measurement, ref §3.4): midway (geometric) between end of cycles 4 and 5",
    min: 1,
    max: 40,
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
  },
  "erythropoiesis.maxDivisions": {
    unit: "",
    default: 5,
    description: "cap on divisions: cells reaching it without the threshold mature small and pale, or die",
    source:
      "model.md §1: one beyond the normal 4 (ref §3.1: 4–5 divisions); calibrated: severe IDA MCV 60–70 fL with RBC falling, not rising (ref §5d)",
    min: 1,
    max: 12,
  },
  "erythropoiesis.divisionAsymmetrySd": {
    unit: "",
    default: 0.03,
    description:
      "SD of the fraction of volume and hemoglobin going to one daughter, around 0.5 (as a fraction of the parent)",
    source: "calibrated so healthy RDW-CV is 12–14 % (ref §1.1)",
    min: 0,
    max: 0.2,
  },
  "erythropoiesis.orthochromaticTime": {
    unit: "h",
    default: 36,
    description: "post-mitotic (late polychromatic/orthochromatic) synthesis phase before enucleation",
    source: "orthochromatic ~48 h, polychromatic ~30 h (textbook stage residences, ref §3.1, weak)",
    min: 1,
    max: 200,
  },
  "erythropoiesis.apoptosisPerCycle": {
    unit: "",
    default: 0.03,
    description:
      "fraction of cycling erythroblasts dying per cycle at reference EPO (basal ineffective erythropoiesis)",
    source: "ineffective erythropoiesis ~10–15 % of precursors (ref §3.1, R)",
    min: 0,
    max: 1,
  },
  "erythropoiesis.capDeathFraction": {
    unit: "",
    default: 0.5,
    description:
      "fraction of cells reaching the division cap without the threshold that die in the marrow (all die below half the threshold)",
    source: "model.md §1 (ineffective erythropoiesis in severe iron deficiency), calibrated",
    min: 0,
    max: 1,
  },
  "erythropoiesis.ironUseTime": {
    unit: "h",
    default: 2,
    description: "time constant for a cell's labile iron to enter heme",
    source: "calibrated; fast against the cell cycle",
    min: 0.1,
    max: 48,
  },
  "erythropoiesis.tsatFullSupply": {
    unit: "",
    default: 0.25,
    description: "transferrin saturation at which a cell's basal receptors meet its globin-limited demand",
    source: "calibrated: iron-limited erythropoiesis below TSAT ~16 % (IOM 2001, ref §1.3)",
    min: 0.01,
    max: 1,
  },
  "erythropoiesis.irpGain": {
    unit: "",
    default: 3,
    description: "IRP/IRE gain: relative rise of transferrin-receptor expression as the cell's labile iron falls",
    source: "sTfR rises up to ~3–4× in iron-deficiency anemia (ref §1.3, §5d)",
    min: 0,
    max: 20,
  },
  "erythropoiesis.receptorCv": {
    unit: "",
    default: 0.5,
    description: "lineage-to-lineage CV of transferrin-receptor density",
    source:
      "calibrated: unequal iron access between lineages makes RDW rise as iron runs short (England 1976, ref §5d)",
    min: 0,
    max: 1,
  },
  "erythropoiesis.marrowReticulocyteTime": {
    unit: "day",
    default: 1.5,
    description: "reticulocyte residence in the marrow at reference EPO",
    source: "marrow reticulocyte maturation 1–3 days (≈1.5), ref §3.2",
    min: 0,
    max: 5,
  },
  "erythropoiesis.reticulocyteShiftPerEpoDoubling": {
    unit: "day",
    default: 0.5,
    description: "earlier release of marrow reticulocytes per doubling of EPO (the 'shift')",
    source: "calibrated to Hillman & Finch maturation times (Hct 25 → 2 days in blood), ref §3.2",
    min: 0,
    max: 2,
  },

  // ── Circulation ─────────────────────────────────────────────────────────
  "circulation.bloodReticulocyteTime": {
    unit: "day",
    default: 1,
    description: "time a released reticulocyte still counts as one in blood at reference EPO",
    source: "Hillman & Finch: 1.0 day at Hct 36–45 %, ref §3.2",
    min: 0.1,
    max: 5,
  },
  "circulation.reticulocyteShrinkTime": {
    unit: "day",
    default: 1,
    description: "time constant of reticulocyte volume loss toward the mature MCHC",
    source: "retic ~115 fL shrinks ~10–20 % in the first days, ref §3.2",
    min: 0.05,
    max: 10,
  },
  "circulation.matureMchc": {
    unit: "",
    default: 31.5,
    description: "hemoglobin concentration (g/dL) young mature cells shrink to",
    source: "young mature cell ≈ 105 fL / 33 pg (ref §6.9)",
    min: 20,
    max: 40,
  },
  "circulation.maxReticulocyteShrink": {
    unit: "",
    default: 0.3,
    description: "largest fractional volume loss in maturation: cells with too little Hb stay hypochromic",
    source: "calibrated: MCHC falls last in iron deficiency (England 1976, ref §5d)",
    min: 0,
    max: 0.9,
  },
  "circulation.lifespanMean": {
    unit: "day",
    default: 115.6,
    description: "mean red-cell lifespan",
    source: "Shrestha et al. 2016 (biotin labelling): 115.6 d, ref §3.3",
    min: 5,
    max: 300,
  },
  "circulation.lifespanSd": {
    unit: "day",
    default: 24.8,
    description: "SD of red-cell lifespan",
    source: "Shrestha et al. 2016: SD 24.8 d, ref §3.3",
    min: 1,
    max: 100,
  },
  "circulation.volumeLossOverLife": {
    unit: "",
    default: 0.3,
    description: "fraction of volume lost by a cell over a mean lifespan",
    source: "Malka et al. 2014: ~30 % volume over ~100 d, ref §3.3",
    min: 0,
    max: 0.8,
  },
  "circulation.hemoglobinLossOverLife": {
    unit: "",
    default: 0.2,
    description: "fraction of hemoglobin lost (by vesiculation) over a mean lifespan",
    source: "Malka et al. 2014: ~20 % Hb, ref §3.3",
    min: 0,
    max: 0.8,
  },
  "circulation.updateInterval": {
    unit: "h",
    default: 6,
    description: "how often mature red cells are aged and cleared (numerical)",
    source: "numerical: slow processes (days) integrated exactly over the interval",
    min: 0.25,
    max: 24,
  },

  // ── Iron ────────────────────────────────────────────────────────────────
  "iron.hbIronMgPerG": {
    unit: "mg/g",
    default: 3.47,
    description: "iron per gram of hemoglobin",
    source: "4 Fe per 64.5 kDa tetramer: 3.47 mg/g (model.md §2; IOM uses 3.39)",
    min: 3,
    max: 4,
  },
  "iron.diet.nonHeme": {
    unit: "mg/day",
    default: { male: 15.5, female: 13 },
    description: "dietary non-heme iron intake",
    source: "typical US intakes: men ~16–18, women ~12–13 mg/day total iron (NHANES via IOM DRI 2001, R)",
    min: 0,
    max: 500,
  },
  "iron.diet.heme": {
    unit: "mg/day",
    default: { male: 1.5, female: 1 },
    description: "dietary heme iron intake",
    source: "typical Western intakes (R)",
    min: 0,
    max: 100,
  },
  "iron.absorption.nonHemeUptake": {
    unit: "",
    default: 0.215,
    description: "fraction of non-heme iron taken into enterocytes (DMT1) when iron status is normal",
    source:
      "calibrated: absorption = basal losses at ferritin ~95 (men) and ~45 (women) with reference hepcidin leaving ~54 % of DMT1 (Hallberg; Hunt & Roughead 2000, ref §2.2; HEIRS stores 0.8/0.4 g)",
    min: 0,
    max: 1,
  },
  "iron.absorption.hemeUptake": {
    unit: "",
    default: 0.25,
    description: "fraction of heme iron taken into enterocytes",
    source: "heme iron 15–35 % absorbed (R)",
    min: 0,
    max: 1,
  },
  "iron.absorption.dmt1Max": {
    unit: "",
    default: 1.6,
    description: "largest rise of DMT1 uptake (HIF-2α) in iron deficiency",
    source:
      "calibrated: with hepcidin near zero, ~25–30 % of non-heme iron absorbed in deficiency (Hallberg 1997; IOM 2001 p.340: ≤ 18 % of the whole diet)",
    min: 1,
    max: 20,
  },
  "iron.absorption.dmt1Exponent": {
    unit: "",
    default: 2,
    description: "log–log slope of DMT1 uptake on transferrin saturation (HIF-2α senses iron status)",
    source:
      "calibrated: absorption inverse to iron status below ferritin ~60 (Hallberg, ref §2.2); 400 vs 800 mg equilibrium stores for women and men",
    min: 0,
    max: 5,
  },
  "iron.absorption.dmt1HepcidinHalf": {
    unit: "",
    default: 5,
    description: "hepcidin (nmol/L) that halves apical DMT1 on duodenal enterocytes",
    source:
      "hepcidin lowers enterocyte DMT1 (proteasomal degradation) more than enterocyte ferroportin (Chaston et al. Gut 2008; Brasse-Lagnel et al. Gastroenterology 2011); half at about reference hepcidin, as for ferroportin",
    min: 0.01,
    max: 100,
  },
  "iron.absorption.dmt1HepcidinHill": {
    unit: "",
    default: 1.5,
    description: "steepness of DMT1 loss with hepcidin",
    source: "taken equal to the ferroportin Hill coefficient (no separate measurement)",
    min: 0.5,
    max: 4,
  },
  "iron.enterocyteLifetime": {
    unit: "day",
    default: 2.5,
    description: "enterocyte life before shedding (its iron is lost with it)",
    source: "model.md §2 (2–3 days)",
    min: 0.5,
    max: 10,
  },
  "iron.enterocyteTransitExport": {
    unit: "1/h",
    default: 0.9,
    description:
      "rate constant of labile enterocyte (transit) iron leaving by basolateral ferroportin, at full ferroportin",
    source:
      "calibrated: serum iron peaks 1–3 h after a fasting oral dose in iron deficiency (oral iron absorption test, e.g. Kuvibidila 1984 JAMA small-dose tolerance test; Am J Med 2008 OIAT: rise > 100 µg/dL at 1–2 h); export/sequestration ratio 3.6 keeps ~1 mg/day absorbed by an iron-replete man (Hunt & Roughead 2000, ref §2.2)",
    min: 0,
    max: 100,
  },
  "iron.enterocyteFerritinSequestration": {
    unit: "1/h",
    default: 0.25,
    description: "rate constant of transit iron being locked in enterocyte ferritin (lost when the cell is shed)",
    source:
      "mucosal block: iron retained in enterocyte ferritin is lost with the shed cell (Conrad & Crosby Blood 1963); calibrated with the transit export so a third of the uptake is retained at reference hepcidin",
    min: 0,
    max: 100,
  },
  "iron.macrophageExportRate": {
    unit: "1/day",
    default: 4.5,
    description: "ferroportin export rate constant of macrophage labile iron at full ferroportin",
    source: "calibrated: recycled iron returns to plasma within about a day (20–25 mg/day, ref §2.2)",
    min: 0,
    max: 100,
  },
  "iron.macrophageStoreDeposit": {
    unit: "1/day",
    default: 0.3,
    description: "rate constant of labile macrophage iron entering ferritin",
    source: "calibrated with the mobilisation rate: storage turnover ~7 mg/day (PMC4345694, ref §2.2)",
    min: 0,
    max: 100,
  },
  "iron.macrophageStoreMobilisation": {
    unit: "1/day",
    default: 0.012,
    description: "rate constant of ferritin iron returning to the labile macrophage pool",
    source: "storage turnover ~7 mg/day (PMC4345694 Table 2, ref §2.2)",
    min: 0,
    max: 10,
  },
  "iron.hepatocyteUptake": {
    unit: "1/day",
    default: 2,
    description: "clearance rate constant of plasma iron into hepatocytes",
    source: "parenchymal turnover ~10 mg/day of PIT 30 (PMC4345694 Table 2, ref §2.2)",
    min: 0,
    max: 100,
  },
  "iron.hepatocyteUptakeTsatExponent": {
    unit: "",
    default: 2,
    description:
      "hepatocyte uptake of transferrin iron rises as saturation^exponent (TfR2 has low affinity for holo-transferrin)",
    source:
      "TfR2 affinity ~25-fold below TfR1 (R); calibrated so liver stores empty in iron deficiency (ferritin < 15, ref §5d)",
    min: 1,
    max: 4,
  },
  "iron.macrophageFerritinLabileRef": {
    unit: "mg",
    default: 10,
    description:
      "labile macrophage iron below which IRPs repress ferritin synthesis (deposit ∝ (labile/ref)² below it)",
    source:
      "IRP/IRE control of ferritin translation; stores empty in iron deficiency (ferritin < 12, ref §5d), calibrated",
    min: 0,
    max: 1000,
  },
  "iron.hepatocyteExportRate": {
    unit: "1/day",
    default: 0.025,
    description: "ferroportin export rate constant of hepatocyte iron at full ferroportin",
    source: "calibrated: hepatocyte store ~60 % of storage iron at steady state (Andrews 1999, ref §2.1)",
    min: 0,
    max: 10,
  },
  "iron.tissueUptake": {
    unit: "1/day",
    default: 0.35,
    description: "clearance of plasma iron into other tissues (myoglobin, enzymes, desquamating cells)",
    source: "balances basal losses at normal plasma iron (IOM 2001, ref §2.2)",
    min: 0,
    max: 100,
  },
  "iron.tissueUptakeTsatExponent": {
    unit: "",
    default: 0.7,
    description:
      "how much tissue clearance of plasma iron falls as saturation rises (0 = none: uptake ∝ plasma iron; 1 = full: uptake fixed)",
    source:
      "non-erythroid TfR1 is IRP-regulated (Hentze et al. Cell 2010); calibrated so basal losses stay ~0.6–1.6 mg/day across iron states (Hunt et al. AJCN 2009: losses rise only modestly with body iron)",
    min: 0,
    max: 1,
  },
  "iron.tissueIronPerKg": {
    unit: "mg/kg",
    default: 6,
    description: "myoglobin and enzyme iron",
    source: "myoglobin ~4 mg/kg + enzymes ~2 mg/kg (ref §2.1)",
    min: 0,
    max: 50,
  },
  "iron.basalLossPerKg": {
    unit: "ug/day/kg",
    default: 14,
    description: "basal iron loss (desquamation, sweat, stool) at normal tissue iron",
    source: "Green et al. 1968 via IOM DRI 2001 p.340: 14 µg/kg/day, ref §2.2",
    min: 0,
    max: 200,
  },
  "iron.storeMacrophageFraction": {
    unit: "",
    default: 0.375,
    description: "share of starting storage iron held by macrophages (rest: hepatocytes)",
    source: "Andrews NEJM 1999: macrophage ~600 mg, liver ~1000 mg (ref §2.1, R)",
    min: 0,
    max: 1,
  },
  "iron.defaultStorage": {
    unit: "mg",
    default: { male: 800, female: 400 },
    description: "storage iron when the subject does not give one",
    source: "HEIRS, Gordeuk et al. 2008: mean 0.8 g men, 0.4 g women (ref §2.1)",
    min: 0,
    max: 20000,
  },
  "iron.menstrualBloodLoss": {
    unit: "mL",
    default: { male: 0, female: 35 },
    description: "blood lost per menstrual cycle",
    source: "median ~30–40 mL/cycle; 0.56 mg Fe/day averaged (Hallberg 1991, ref §2.2)",
    min: 0,
    max: 1000,
  },
  "iron.menarcheAge": {
    unit: "year",
    default: 12.5,
    description: "age at which menstrual losses begin",
    source: "median age at menarche ~12.4 years (NHANES, Chumlea et al. Pediatrics 2003)",
    min: 5,
    max: 25,
  },
  "iron.menopauseAge": {
    unit: "year",
    default: 51,
    description: "age at which menstrual losses end",
    source: "median age at natural menopause ~51 years (McKinlay 1992)",
    min: 30,
    max: 70,
  },
  "iron.menstrualCycleLength": {
    unit: "day",
    default: 28,
    description: "length of the menstrual cycle",
    source: "textbook",
    min: 14,
    max: 60,
  },
  "iron.mensesDuration": {
    unit: "day",
    default: 5,
    description: "days of bleeding per cycle",
    source: "textbook",
    min: 1,
    max: 14,
  },

  // ── Transferrin ─────────────────────────────────────────────────────────
  "transferrin.minimum": {
    unit: "",
    default: 200,
    description: "transferrin (mg/dL) when hepatocytes are iron-loaded",
    source: "reference transferrin 200–360 mg/dL (PMC3934467, ref §1.3)",
    min: 50,
    max: 500,
  },
  "transferrin.ironDeficiencyRise": {
    unit: "",
    default: 110,
    description: "largest rise of transferrin (mg/dL) as hepatocyte iron empties",
    source: "TIBC 350–450 µg/dL in IDA (ref §4.3)",
    min: 0,
    max: 500,
  },
  "transferrin.hepatocyteIronHalf": {
    unit: "mg",
    default: 150,
    description: "hepatocyte iron at which transferrin synthesis is half-way raised",
    source: "calibrated: TIBC ~330 µg/dL at normal stores (Harrison's, ref §1.3)",
    min: 1,
    max: 5000,
  },
  "transferrin.halfLife": {
    unit: "day",
    default: 8,
    description: "plasma half-life of transferrin",
    source: "8–10 days (R)",
    min: 1,
    max: 30,
  },
  "transferrin.ironBindingUgPerMg": {
    unit: "",
    default: 1.4,
    description: "µg iron bound per mg transferrin at full saturation",
    source: "2 Fe per 79.6 kDa (ref header)",
    min: 1,
    max: 2,
  },

  // ── Hepcidin ────────────────────────────────────────────────────────────
  "hepcidin.reference": {
    unit: "",
    default: 4.5,
    description: "hepcidin (nmol/L) at reference hepatocyte iron and saturation, no erythroid or inflammatory signal",
    source: "median 4.5 nM in men (standardised MS assay, Donker thesis; ref §1.3)",
    min: 0,
    max: 100,
  },
  "hepcidin.referenceHepatocyteIron": {
    unit: "mg",
    default: 500,
    description: "hepatocyte iron at which the BMP6 signal is at its reference",
    source: "60 % of 0.8 g storage iron in men (ref §2.1)",
    min: 1,
    max: 10000,
  },
  "hepcidin.storeExponent": {
    unit: "",
    default: 0.8,
    description: "log–log slope of hepcidin on liver iron (BMP6–SMAD)",
    source: "Galesloot 2011: log hepcidin vs log ferritin slope 0.78–0.83 (ref §1.3)",
    min: 0,
    max: 3,
  },
  "hepcidin.referenceTsat": {
    unit: "",
    default: 0.3,
    description: "transferrin saturation at which the holo-transferrin signal is at its reference",
    source: "median TSAT 26–30 % in men (NHANES III, ref §1.3)",
    min: 0.01,
    max: 1,
  },
  "hepcidin.tsatExponent": {
    unit: "",
    default: 1,
    description: "log–log slope of hepcidin on transferrin saturation (TfR2/HFE)",
    source: "rat: TSAT 71→24 % with ~100× fall in hepcidin mRNA (Zhang 2011, ref §4.2); set lower for serum (R)",
    min: 0,
    max: 5,
  },
  "hepcidin.erfeExponent": {
    unit: "",
    default: 1,
    description: "suppression of hepcidin by erythroferrone: factor (ERFE/reference)^-exponent",
    source: "hepcidin falls from day 1 after donation (PMC4698650, ref §4.2)",
    min: 0,
    max: 5,
  },
  "hepcidin.il6HalfEffect": {
    unit: "pg/mL",
    default: 60,
    description: "IL-6 above baseline giving half of the largest STAT3 drive of hepcidin",
    source:
      "calibrated: IL-6 ~50 pg/mL gives hepcidin ~14 nM (ACD) and sepsis IL-6 ~125 pg/mL gives ~18 nM (van Eijk et al. Crit Care 2011, ref §4.2): saturating, not linear",
    min: 0.01,
    max: 10000,
  },
  "hepcidin.il6MaxEffect": {
    unit: "",
    default: 4.5,
    description: "largest STAT3 (IL-6) drive of hepcidin, in reference units added to the BMP arm",
    source:
      "calibrated with il6HalfEffect on the same two points (van Eijk 2011); endotoxin: hepcidin several-fold within 6 h (Kemna et al. Blood 2005)",
    min: 0,
    max: 100,
  },
  "hepcidin.responseTime": {
    unit: "h",
    default: 6,
    description: "first-order lag of hepcidin toward its drive",
    source: "after endotoxin urinary hepcidin peaks within 6 h, IL-6 within 3 h (Kemna et al. Blood 2005); hepcidin mRNA falls within 9–15 h of ERFE (Kautz 2014, ref §4.2); 6 h keeps hepcidin up the day after an oral dose (Moretti 2015)",
    min: 0.1,
    max: 96,
  },
  "hepcidin.ferroportinHill": {
    unit: "",
    default: 1,
    description: "Hill exponent of ferroportin loss with hepcidin: Fpn = 1 / (1 + (hepcidin/K)^n)",
    source:
      "calibrated: chronic hepcidin ~15–20 nM must hold TSAT at 10–20 % (ACD, ref §5a) against macrophage iron build-up; hepcidin infusion cuts serum iron ~80 % (Rivera 2005, ref §4.2)",
    min: 0.5,
    max: 4,
  },
  "hepcidin.ferroportinResynthesisTime": {
    unit: "h",
    default: 24,
    description:
      "time constant of ferroportin resynthesis; internalisation runs at (hepcidin/half)^Hill times this rate",
    source:
      "hepcidin internalises ferroportin within hours (Nemeth et al. Science 2004); serum iron stays low ~1–2 days after a hepcidin pulse (Rivera et al. Blood 2005, mice) and after endotoxin (Kemna et al. Blood 2005: still low at 22 h)",
    min: 0.1,
    max: 1000,
  },
  "hepcidin.ferroportinHalf": {
    unit: "",
    default: 5,
    description: "hepcidin (nmol/L) that halves ferroportin on exporting cells",
    source: "calibrated: reference hepcidin leaves about half of ferroportin active",
    min: 0.01,
    max: 100,
  },

  // ── EPO ─────────────────────────────────────────────────────────────────
  "epo.intercept": {
    unit: "",
    default: 3.05,
    description: "log10 EPO (mU/mL) at Hb 0 in log10 EPO = a − b·Hb",
    source: "Symeonidis et al. 2016, n = 1096 (ref §4.1)",
    min: 0,
    max: 10,
  },
  "epo.slope": {
    unit: "",
    default: 0.131,
    description: "fall of log10 EPO per g/dL of hemoglobin",
    source: "Symeonidis et al. 2016 (ref §4.1)",
    min: 0,
    max: 1,
  },
  "epo.halfLife": {
    unit: "h",
    default: 5,
    description: "plasma half-life of EPO",
    source: "rhEPO IV ~4 h healthy, ~5 h renal (ref §4.1)",
    min: 0.5,
    max: 48,
  },
  "epo.androgenFactor": {
    unit: "",
    default: { male: 1, female: 0.62 },
    description: "renal EPO production relative to men at the same Hb (androgens raise it)",
    source:
      "calibrated: women Hb ~13.5 vs men ~15 g/dL with similar EPO (13.4 vs 14.6 mU/mL, Int J Hematol 1992) and lower sTfR (ref §1.1, §1.3)",
    min: 0,
    max: 3,
  },
  "epo.renalFunction": {
    unit: "",
    default: 1,
    description: "fraction of normal renal EPO-producing capacity",
    source: "1 = healthy kidney; CKD acts through GFR instead (the kidney action, kidney.* parameters)",
    min: 0,
    max: 2,
  },

  // ── Erythroferrone ──────────────────────────────────────────────────────
  "erfe.epoExponent": {
    unit: "",
    default: 0.5,
    description: "ERFE output per erythroblast rises as (EPO/reference)^exponent",
    source: "ERFE rises within hours of EPO (Ganz 2017, ref §4.2), calibrated",
    min: 0,
    max: 3,
  },

  // ── Inflammation (baseline here; the inflammation issue drives IL-6) ────
  "inflammation.il6Baseline": {
    unit: "",
    default: 1.5,
    description: "plasma IL-6 (pg/mL) in health",
    source: "healthy IL-6 < 5–7 pg/mL (R)",
    min: 0,
    max: 10000,
  },

  // ── Labs ────────────────────────────────────────────────────────────────
  "labs.macrophageIronPerFerritin": {
    unit: "mg",
    default: 6.6,
    description: "macrophage ferritin iron per ng/mL of the serum ferritin secreted from what macrophages hold",
    source:
      "Cohen et al. Blood 2010 (serum ferritin is macrophage-derived); calibrated with the three other ferritin terms: healthy men (800 mg stores) ~95, women (400 mg) ~40 ng/mL, half from stores held and half from ferritin being made (Walters et al. 1973: 8–10 mg storage iron per ng/mL, ref §2.3)",
    min: 0.1,
    max: 10000,
  },
  "labs.hepatocyteIronPerFerritin": {
    unit: "mg",
    default: 66,
    description: "hepatocyte iron per ng/mL of serum ferritin (hepatocytes secrete little of it)",
    source: "calibrated with macrophageIronPerFerritin (Walters et al. 1973; Cohen et al. Blood 2010)",
    min: 0.1,
    max: 100000,
  },
  "labs.ferritinPerMacrophageSynthesis": {
    unit: "",
    default: 9.25,
    description:
      "serum ferritin (ng/mL) per mg/day of iron macrophages put into ferritin (macrophages secrete most serum ferritin)",
    source:
      "Cohen et al. Blood 2010 (serum ferritin is macrophage-derived, secreted with synthesis); calibrated with ferritinPerHepatocyteUptake so healthy men (800 mg stores) read ~95 and women (400 mg) ~40 ng/mL (Walters et al. 1973: 8–10 mg storage iron per ng/mL, ref §2.3)",
    min: 0,
    max: 10000,
  },
  "labs.ferritinPerHepatocyteUptake": {
    unit: "",
    default: 2.7,
    description: "serum ferritin (ng/mL) per mg/day of plasma iron taken up by hepatocytes",
    source: "calibrated with ferritinPerMacrophageSynthesis on the same two steady states (Walters et al. 1973)",
    min: 0,
    max: 10000,
  },
  "labs.serumFerritinHalfLife": {
    unit: "h",
    default: 30,
    description: "plasma half-life of secreted ferritin (serum ferritin relaxes toward macrophage secretion)",
    source:
      "plasma clearance of ferritin, half-life ~30 h in man (Worwood et al. 1982 Clin Sci; Cohen et al. Blood 2010)",
    min: 0.1,
    max: 2000,
  },
  "labs.stfrPerReceptorMass": {
    unit: "",
    default: 1.2,
    description: "soluble transferrin receptor (mg/L) at the healthy erythroid receptor mass per litre of blood",
    source: "R&D assay range 0.76–1.76 mg/L (PMC3934467, ref §1.3)",
    min: 0,
    max: 100,
  },
  "labs.zppBaseline": {
    unit: "",
    default: 30,
    description: "zinc protoporphyrin (µmol/mol heme) made when iron meets protoporphyrin",
    source: "normal ZPP < 40 µmol/mol (Labbé, ref §1.3, R)",
    min: 0,
    max: 1000,
  },
  "labs.zppPerIronDeficit": {
    unit: "",
    default: 500,
    description: "ZPP (µmol/mol heme) added per unit fractional iron deficit of heme synthesis",
    source: "calibrated: ZPP > 100 (EP > 70–100 µg/dL) in iron-deficient erythropoiesis (IOM; Harrison's, ref §1.3)",
    min: 0,
    max: 100000,
  },
  // ── Genotypes (effect sizes; the genes are in src/model/genotype.ts) ────
  "hepcidin.tmprss6HomozygousLossFloor": {
    unit: "",
    default: 4,
    description:
      "BMP–SMAD signal (reference units) left when matriptase-2 is absent: uncleaved hemojuvelin keeps signalling however low iron falls",
    source:
      "calibrated: IRIDA hepcidin 2–10 nM (model ~5.8 nM) with TSAT 2–6 % (model 5 %), Hb ~6–10 (model 10.8) and MCV low (Finberg 2008; De Falco 2013, ref §5b)",
    min: 0,
    max: 100,
  },
  "hepcidin.tmprss6HeterozygousLossFloor": {
    unit: "",
    default: 0.8,
    description: "BMP–SMAD floor (reference units) with one TMPRSS6 allele lost",
    source: "mono-allelic patients milder and later (Donker 2016, ref §5b), calibrated",
    min: 0,
    max: 100,
  },
  "erythropoiesis.alphaGlobinCapacity3Genes": {
    unit: "",
    default: 0.92,
    description: "globin synthesis capacity with 3 working alpha genes (silent carrier), relative to 4",
    source: "silent carriers near-normal MCV (ref §5e, R), calibrated",
    min: 0,
    max: 1,
  },
  "erythropoiesis.alphaGlobinCapacity2Genes": {
    unit: "",
    default: 0.84,
    description: "globin synthesis capacity with 2 working alpha genes (alpha-thalassemia trait)",
    source: "calibrated: MCV ~70–80 fL, Hb normal or −1 to −1.5 g/dL (ref §5e)",
    min: 0,
    max: 1,
  },
  "erythropoiesis.alphaGlobinCapacity1Genes": {
    unit: "",
    default: 0.55,
    description: "globin synthesis capacity with 1 working alpha gene (HbH disease)",
    source: "HbH MCV ~55–65 fL (R), calibrated",
    min: 0,
    max: 1,
  },
  "erythropoiesis.betaTraitGlobinCapacity": {
    unit: "",
    default: 0.7,
    description: "globin synthesis capacity with one defective beta allele (beta-thalassemia trait)",
    source: "calibrated: MCV 60–72 fL, RBC > 5.5, Hb 10–14 (PMC10444720 Table 2; ref §5e)",
    min: 0,
    max: 1,
  },
  "erythropoiesis.betaIntermediaGlobinCapacity": {
    unit: "",
    default: 0.35,
    description: "beta-chain output in thalassemia intermedia (two mild beta+ alleles), relative to normal",
    source: "calibrated: untransfused Hb 7–10 g/dL, MCV 55–70 fL (Taher et al. Lancet 2018; Musallam 2012)",
    min: 0,
    max: 1,
  },
  "erythropoiesis.unpairedAlphaDeathPerCycle": {
    unit: "",
    default: 0.8,
    description:
      "erythroblast death per cycle per (alpha excess)³: unpaired alpha chains precipitate (ineffective erythropoiesis)",
    source:
      "calibrated: most erythroblasts die in the marrow in severe beta-thalassemia (Finch 1970; Rund & Rachmilewitz NEJM 2005), few in trait",
    min: 0,
    max: 10,
  },
  "circulation.betaIntermediaDestructionPerDay": {
    unit: "1/day",
    default: 0.008,
    description: "age-independent red-cell destruction in thalassemia intermedia (alpha-chain inclusions)",
    source: "red-cell survival shortened in thalassemia intermedia (R; Rund & Rachmilewitz 2005), calibrated",
    min: 0,
    max: 1,
  },
  "erythropoiesis.deltaUpregulationBetaThal": {
    unit: "",
    default: 1.3,
    description: "delta-chain output relative to normal when a beta allele is defective (cis upregulation)",
    source: "calibrated: HbA2 4–6 % in beta-thalassemia trait vs 2.5 % normal (ref §5e; Steinberg 2001)",
    min: 0,
    max: 10,
  },
  "erythropoiesis.gammaOutputBetaIntermedia": {
    unit: "",
    default: 0.2,
    description: "gamma-chain (HbF) output relative to normal beta in thalassemia intermedia",
    source: "HbF 10–50 % of hemoglobin in thalassemia intermedia (Taher 2018), calibrated",
    min: 0,
    max: 2,
  },
  "erythropoiesis.alas2LossHemeCapacity": {
    unit: "",
    default: 0.5,
    description:
      "erythroid heme synthesis capacity with an ALAS2 loss-of-function variant (X-linked sideroblastic anemia)",
    source:
      "calibrated: Hb 7–12 g/dL, MCV 60–75 fL, ring sideroblasts > 15 %, iron loading (Bottomley & Fleming 2014; Ducamp & Fleming 2019)",
    min: 0,
    max: 1,
  },
  "iron.ferroportinLossOfFunctionCapacity": {
    unit: "",
    default: 0.4,
    description:
      "macrophage and hepatocyte ferroportin export with a loss-of-function SLC40A1 variant (ferroportin disease A)",
    source:
      "dominant-negative/haploinsufficient ferroportin: macrophage iron retention, high ferritin with low-normal TSAT (Pietrangelo NEJM 2004; Mayr 2010), calibrated",
    min: 0,
    max: 1,
  },
  "hepcidin.ferroportinResistantFraction": {
    unit: "",
    default: 0.85,
    description:
      "fraction of ferroportin that hepcidin cannot remove with a gain-of-function SLC40A1 variant (ferroportin disease B)",
    source:
      "C326S-type ferroportin binds hepcidin poorly: high TSAT and parenchymal iron loading despite high hepcidin (Fernandes 2009; Pietrangelo 2017), calibrated",
    min: 0,
    max: 1,
  },
  "hepcidin.hfeC282YSensing": {
    unit: "",
    default: 0.2,
    description:
      "iron-sensing (BMP × holo-transferrin) arm of hepcidin with HFE C282Y homozygosity, relative to normal",
    source:
      "hepcidin inappropriately low for iron stores in HFE hemochromatosis (hepcidin/ferritin ratio ~3-fold down: Piperno 2007; van Dijk 2008), calibrated",
    min: 0,
    max: 1,
  },
  "circulation.hbhDestructionPerDay": {
    unit: "1/day",
    default: 0.015,
    description: "age-independent red-cell destruction in HbH disease (beta-4 inclusions removed by the spleen)",
    source:
      "HbH: chronic hemolysis, Hb 7–10 g/dL, reticulocytes 3–6 %, red-cell survival about half normal (Chui et al. Blood 2003; Fucharoen & Viprakasit 2009), calibrated",
    min: 0,
    max: 1,
  },

  // ── Inflammation: one IL-6 drive, several targets (model.md §3) ─────────
  "inflammation.halfEffectIl6": {
    unit: "pg/mL",
    default: 30,
    description:
      "IL-6 above baseline giving half the maximal effect on transferrin, ferritin, EPO, progenitors and red-cell survival",
    source: "ACD with IL-6 tens of pg/mL: Hb 9.5–11, TIBC < 300 (Weiss & Goodnough 2005, ref §5a), calibrated",
    min: 0.01,
    max: 10000,
  },
  "inflammation.transferrinMaxFall": {
    unit: "",
    default: 0.4,
    description: "largest fractional fall of transferrin synthesis (negative acute-phase protein)",
    source: "TIBC < 300 µg/dL in ACD, normal-low (ref §4.3, §5a), calibrated",
    min: 0,
    max: 0.95,
  },
  "inflammation.ferritinAcutePhaseMax": {
    unit: "",
    default: 2,
    description: "largest extra serum ferritin secretion per unit storage iron (positive acute-phase protein)",
    source: "ferritin rises 1–2 days after onset, peaks 3–5 days (Krause 2013 quoted, ref §4.3), calibrated",
    min: 0,
    max: 20,
  },
  "inflammation.ferritinResponseTime": {
    unit: "h",
    default: 48,
    description: "time constant of the acute-phase ferritin response",
    source: "rise over 1–2 days, peak at 3–5 days (ref §4.3)",
    min: 1,
    max: 720,
  },
  "inflammation.epoMaxBlunting": {
    unit: "",
    default: 0.6,
    description: "largest fractional cut of renal EPO production by inflammatory cytokines",
    source: "EPO lower than the anemia predicts in ACD (Weiss & Goodnough 2005, ref §5a; signatures.md), calibrated",
    min: 0,
    max: 0.99,
  },
  "inflammation.progenitorMaxSuppression": {
    unit: "",
    default: 0.5,
    description: "largest fractional cut of erythroid progenitor influx (IFN-γ, TNF-α)",
    source: "cytokine suppression of CFU-E (Weiss & Goodnough 2005, R), calibrated",
    min: 0,
    max: 0.99,
  },
  "inflammation.macrophageFerritinInduction": {
    unit: "",
    default: 6,
    description:
      "largest extra macrophage ferritin synthesis (deposit of labile iron into stores) with inflammation, relative to health",
    source:
      "IL-1/TNF-α raise ferritin translation and macrophages retain iron in inflammation (Rogers et al. 1990; Weiss & Goodnough NEJM 2005); calibrated: ACD TSAT 10–20 % under sustained IL-6 (Weiss & Goodnough 2005)",
    min: 0,
    max: 100,
  },
  "inflammation.maxDestructionRate": {
    unit: "1/day",
    default: 0.006,
    description: "largest added age-independent red-cell destruction (activated macrophages)",
    source: "red-cell life modestly shortened in ACD, ~80–90 days (R), calibrated",
    min: 0,
    max: 1,
  },

  // ── Lead (model.md §4) ──────────────────────────────────────────────────
  "lead.absorbedFractionAdult": {
    unit: "",
    default: 0.12,
    description: "fraction of ingested lead absorbed, adult",
    source: "adults about 10–15 % (model.md §4)",
    min: 0,
    max: 1,
  },
  "lead.absorbedFractionChild": {
    unit: "",
    default: 0.45,
    description: "fraction of ingested lead absorbed, child",
    source: "children about 40–50 % (model.md §4)",
    min: 0,
    max: 1,
  },
  "lead.childUntilAge": {
    unit: "year",
    default: 12,
    description: "age below which the child absorption fraction applies",
    source: "convention (ATSDR 2007, R)",
    min: 0,
    max: 120,
  },
  "lead.distributionVolumePerKg": {
    unit: "dL/kg",
    default: 2,
    description: "volume of blood and soft tissue through which absorbed lead spreads, per kg",
    source: "calibrated: adult biokinetic slope ~0.4 µg/dL per µg/day absorbed (EPA adult lead methodology, R)",
    min: 0.1,
    max: 100,
  },
  "lead.bloodHalfLife": {
    unit: "day",
    default: 34,
    description: "half-life of lead in blood (to excretion and bone)",
    source: "34 d fast component (Rabinowitz 1976; ref §5c)",
    min: 1,
    max: 1000,
  },
  "lead.boneDepositFraction": {
    unit: "",
    default: 0.3,
    description: "fraction of lead leaving blood that goes to bone rather than being excreted",
    source: "tri-exponential decline 34 d, 1.2 y, 13 y (Nilsson 1991, ref §5c), calibrated",
    min: 0,
    max: 1,
  },
  "lead.boneHalfLife": {
    unit: "day",
    default: 4750,
    description: "half-life of lead returning from bone to blood",
    source: "13 y slow component (Nilsson 1991, ref §5c)",
    min: 30,
    max: 100000,
  },
  "lead.hemeSynthesisHalfPbB": {
    unit: "ug/dL",
    default: 108,
    description: "blood lead halving erythroblast heme synthesis capacity (ALAD and ferrochelatase together)",
    source:
      "anemia in adults mostly above ~50 µg/dL (ATSDR 2007, ref §5c); calibrated: ring sideroblasts at PbB ~100 with MCV in the 70s (the block on heme is partial: ALAD has a large reserve)",
    min: 1,
    max: 10000,
  },
  "lead.zppMax": {
    unit: "",
    default: 2000,
    description: "largest zinc protoporphyrin (µmol/mol heme) from ferrochelatase inhibition",
    source: "EP > 100 µg/dL in heavy-metal toxicity (ref §5c), calibrated",
    min: 0,
    max: 100000,
  },
  "lead.zppHalfPbB": {
    unit: "ug/dL",
    default: 100,
    description: "blood lead at half the largest ferrochelatase-inhibition ZPP (Hill exponent 3)",
    source: "ZPP rises steeply above 15–30 µg/dL (Piomelli 1978; ATSDR 2007, ref §5c), calibrated",
    min: 1,
    max: 10000,
  },
  "lead.nucleotidaseHalfPbB": {
    unit: "ug/dL",
    default: 40,
    description: "blood lead halving pyrimidine 5'-nucleotidase activity",
    source: "~25 % activity in a poisoned patient (Valentine 1976, ref §5c), calibrated",
    min: 1,
    max: 10000,
  },
  "lead.maxDestructionRate": {
    unit: "1/day",
    default: 0.005,
    description: "largest added red-cell destruction with pyrimidine 5'-nucleotidase lost (stippled cells)",
    source: "shortened survival in lead poisoning (Valentine 1976, ref §5c), calibrated",
    min: 0,
    max: 1,
  },

  "erythropoiesis.ringSideroblastIron": {
    unit: "pg",
    default: 0.015,
    description: "mitochondrial (non-heme) iron per erythroblast above which it stains as a ring sideroblast",
    source: "ring = ≥ 5 perinuclear iron granules (WHO); set at ~15 % of a cell's final heme iron, calibrated (R)",
    min: 0,
    max: 10,
  },
  "erythropoiesis.ringSideroblastDeathPerCycle": {
    unit: "",
    default: 0.7,
    description: "extra death per cell cycle of an erythroblast whose mitochondria are iron-loaded (ring sideroblast)",
    source:
      "sideroblastic anemias are ineffective: iron-loaded mitochondria make erythroblasts die in the marrow (Fleming NEJM 2011-type reviews; Ducamp & Fleming 2019), calibrated to XLSA Hb 7–12 g/dL",
    min: 0,
    max: 1,
  },

  // ── Iron treatment and transfusion ──────────────────────────────────────
  "iron.oralDoseHalfSaturation": {
    unit: "mg",
    default: 125,
    description: "oral iron dose at which mucosal uptake per mg is halved (saturable DMT1 transport)",
    source:
      "fractional absorption falls to ~0.45× from 40 to 240 mg (Moretti et al. Blood 2015: (h+40)/(h+240) = 0.45 gives h ≈ 125 mg); gross uptake of 60 mg in iron-depleted women then ~17 % (Stoffel 2017: 16–22 %)",
    min: 0.1,
    max: 10000,
  },
  "iron.ivProcessingTime": {
    unit: "day",
    default: 7,
    description: "time constant of macrophages freeing iron from an IV iron–carbohydrate complex",
    source:
      "iron–carbohydrate complexes leave plasma into macrophages within hours and their iron reaches new red cells over 2–4 weeks (Beshara et al. Br J Haematol 1999, 52Fe PET of iron sucrose); serum ferritin peaks ~1 week after ferric carboxymaltose (FCM RCT, BMJ Open Respir Res 2020, Table 2)",
    min: 0.01,
    max: 365,
  },
  "iron.ivToFerritinFraction": {
    unit: "",
    default: 0.7,
    description: "share of iron freed from an IV iron complex that macrophages put straight into ferritin",
    source:
      "IV iron carbohydrate complexes are degraded in macrophage lysosomes and their iron stored in ferritin, then released over weeks: serum ferritin rises to several hundred ng/mL while TSAT rises only moderately (Geisser & Burckhardt 2011; Danielson 2004), calibrated",
    min: 0,
    max: 1,
  },
  "transfusion.unitVolume": {
    unit: "mL",
    default: 300,
    description: "volume of one unit of packed red cells",
    source: "typical unit 250–350 mL at Hct 0.55–0.65 (R)",
    min: 50,
    max: 1000,
  },
  "transfusion.storageLossFraction": {
    unit: "",
    default: 0.1,
    description: "fraction of transfused cells cleared within a day (storage lesion)",
    source: "24-h post-transfusion recovery ≥ 75 % required, typically ~90 % (R)",
    min: 0,
    max: 1,
  },

  // ── ESA (epoetin) pharmacokinetics ──────────────────────────────────────
  "esa.intravenousHalfLife": {
    unit: "h",
    default: 6,
    description: "plasma half-life of epoetin given intravenously",
    source: "~4 h healthy, 6.5–12.7 h renal failure (ref §4.1)",
    min: 0.5,
    max: 200,
  },
  "esa.subcutaneousBioavailability": {
    unit: "",
    default: 0.3,
    description: "fraction of a subcutaneous epoetin dose reaching plasma",
    source: "SC bioavailability ~20–40 % (epoetin label, R)",
    min: 0,
    max: 1,
  },
  "esa.subcutaneousAbsorptionHalfLife": {
    unit: "h",
    default: 19,
    description: "half-life of absorption from the subcutaneous depot (sets the apparent SC half-life)",
    source: "SC apparent half-life 19.4 ± 8.1 h (ref §4.1)",
    min: 0.5,
    max: 500,
  },
  "esa.distributionVolumePerKg": {
    unit: "mL/kg",
    default: 45,
    description: "volume of distribution of epoetin per kg (about the plasma volume)",
    source: "Vd ≈ plasma volume (ref §4.1)",
    min: 1,
    max: 1000,
  },

  // ── Acquired conditions: B12 and folate, kidney, marrow infiltration (issue 4) ──
  "vitamins.b12.healthyStore": {
    unit: "ug",
    default: 2500,
    description:
      "body (mostly liver) vitamin B12 store of a healthy adult; the reference for availability and serum B12",
    source: "stores 2–5 mg (Snow 1999, ref §5h); most estimates 2–3 mg (IOM DRI 1998, ch. 9 p. 308)",
    min: 100,
    max: 20000,
  },
  "vitamins.b12.intake": {
    unit: "ug/day",
    default: 5,
    description: "dietary vitamin B12 eaten per day",
    source: "median US intake from food ~5 µg/day in men, 3.5 in women (IOM DRI 1998, ch. 9 p. 306)",
    min: 0,
    max: 1e5,
  },
  "vitamins.b12.absorption": {
    unit: "",
    default: 0.5,
    description:
      "fraction of a small oral B12 amount absorbed (intrinsic-factor-mediated plus passive); it applies to biliary B12 too",
    source: "50 % of dietary B12 absorbed by healthy adults (IOM DRI 1998, ch. 9 p. 309)",
    min: 0,
    max: 1,
  },
  "vitamins.b12.passiveAbsorption": {
    unit: "",
    default: 0.01,
    description: "fraction of B12 crossing the gut without intrinsic factor (whatever the dose)",
    source:
      "~1 % of large doses absorbed without intrinsic factor (Berlin 1968, IOM DRI 1998 Table 9-2): why 1000 µg oral B12 treats pernicious anemia",
    min: 0,
    max: 1,
  },
  "vitamins.b12.intrinsicFactorCapacity": {
    unit: "ug/day",
    default: 4.5,
    description: "most dietary B12 intrinsic factor can carry per day (~1.5 µg per meal × 3 meals)",
    source: "1.5–2.5 µg a meal saturates the ileal receptors (Scott 1997, in IOM DRI 1998 p. 309)",
    min: 0,
    max: 100,
  },
  "vitamins.b12.biliaryExcretion": {
    unit: "1/day",
    default: 0.0018,
    description:
      "fraction of the B12 store secreted in bile per day (enterohepatic circulation; reabsorbed like food B12, lost without intrinsic factor)",
    source:
      "4.5 µg/day at 2.5 mg stores, so losses are 0.1 %/day with intrinsic factor and 0.19 %/day without (IOM DRI 1998 p. 331: 0.1–0.2 %/day, ~0.2 % in pernicious anemia, Boddy & Adams 1972); measured bile B12 1.4 µg/day (El Kholty 1991) to 5–10 µg/day (Herbert), calibrated",
    min: 0,
    max: 0.1,
  },
  "vitamins.b12.otherLoss": {
    unit: "1/day",
    default: 0.0001,
    description: "fraction of the B12 store lost per day other than through bile (urine, skin, cells shed)",
    source:
      "calibrated: the default diet (2.5 µg/day absorbed) keeps the 2.5 mg store, net loss 0.1 %/day (IOM DRI 1998 p. 331; 0.13 ± 0.03 %/day pooled, Doets 2013)",
    min: 0,
    max: 0.1,
  },
  "vitamins.b12.halfAvailabilityStore": {
    unit: "",
    default: 0.1,
    description: "B12 store (fraction of healthy) at which tissue availability is half maximal (Hill 2)",
    source:
      "calibrated: anemia only when stores are mostly gone, 3–5 years after intrinsic factor is lost (Snow 1999, ref §5h)",
    min: 0.001,
    max: 10,
  },
  "vitamins.b12.halfEnzymeSaturationStore": {
    unit: "",
    default: 0.35,
    description:
      "B12 store (fraction of healthy) at which whole-body methionine synthase and methylmalonyl-CoA mutase saturation is half maximal (Hill 2): sets homocysteine and MMA",
    source:
      "calibrated: MMA and homocysteine rise before the blood count (Savage 1994: Hct normal in 28 %, MCV normal in 17 % of metabolite-proven B12 deficiency, ref §5h)",
    min: 0.001,
    max: 10,
  },
  "vitamins.b12.serumAtHealthyStore": {
    unit: "pg/mL",
    default: 450,
    description: "serum B12 at the healthy store (proportional to the store)",
    source: "reference ~200–900 pg/mL; deficiency < 200 pg/mL, indeterminate 100–400 (ARUP, ref §5h)",
    min: 1,
    max: 5000,
  },
  "vitamins.folate.healthyStore": {
    unit: "ug",
    default: 15000,
    description: "body folate store of a healthy adult; the reference for availability and serum folate",
    source: "body folate ~10–20 mg (R); stores last ~3–4 months (ref §5h)",
    min: 100,
    max: 100000,
  },
  "vitamins.folate.intake": {
    unit: "ug/day",
    default: 300,
    description: "dietary folate eaten per day",
    source: "typical intake 250–400 µg/day (R); RDA 400 µg DFE",
    min: 0,
    max: 1e5,
  },
  "vitamins.folate.absorption": {
    unit: "",
    default: 0.5,
    description: "fraction of dietary folate absorbed",
    source: "food folate bioavailability ~50 % (vs ~85 % for folic acid; IOM 1998, R)",
    min: 0,
    max: 1,
  },
  "vitamins.folate.loss": {
    unit: "1/day",
    default: 0.01,
    description: "fraction of the folate store used or lost per day",
    source:
      "calibrated: the default diet keeps the healthy store; with no intake folate-deficient anemia in ~4–5 months (Herbert 1962, R; ref §5h: folate stores ~3 months)",
    min: 0,
    max: 1,
  },
  "vitamins.folate.halfAvailabilityStore": {
    unit: "",
    default: 0.25,
    description: "folate store (fraction of healthy) at which tissue availability is half maximal (Hill 2)",
    source: "calibrated: megaloblastic anemia ~4–5 months after intake stops (Herbert 1962, R)",
    min: 0.001,
    max: 10,
  },
  "vitamins.folate.halfEnzymeSaturationStore": {
    unit: "",
    default: 0.45,
    description:
      "folate store (fraction of healthy) at which whole-body methionine synthase saturation with methyl-THF is half maximal (Hill 2): sets homocysteine",
    source:
      "calibrated: homocysteine rises before the anemia of folate deficiency (Herbert 1962, R; Savage 1994, ref §5h)",
    min: 0.001,
    max: 10,
  },
  "vitamins.folate.serumAtHealthyStore": {
    unit: "ng/mL",
    default: 10,
    description: "serum folate at the healthy store (proportional to the store)",
    source: "deficiency < 4.4 ng/mL (10 nmol/L) (ARUP, ref §5h); healthy ~5–20 ng/mL (R)",
    min: 0.1,
    max: 100,
  },
  "vitamins.maxCycleSlowing": {
    unit: "",
    default: 1,
    description:
      "added erythroblast cycle time, as a multiple of the normal, when DNA-synthesis capacity falls to zero (cycle × (1 + σ(1 − c)))",
    source:
      "S phase 2.5–6.5 h of a ~23 h cycle (ref §3.1) lengthens as megaloblasts stall in S (Herbert 2003, ref §5h); calibrated to MCV 110–130 when anemic (ref §5h)",
    min: 0,
    max: 10,
  },
  "vitamins.maxExtraDeathPerCycle": {
    unit: "",
    default: 0.3,
    description: "added fraction of erythroblasts dying at each cycle end as DNA-synthesis capacity falls to zero",
    source:
      "intramedullary death in megaloblastic anemia (ineffective erythropoiesis; Herbert 2003, ref §5h); calibrated to low reticulocytes with a hyperplastic marrow",
    min: 0,
    max: 1,
  },
  "vitamins.homocysteineReference": {
    unit: "",
    default: 9,
    description: "plasma total homocysteine (µmol/L) with replete B12 and folate",
    source: "healthy ~5–15 µmol/L, > 15 elevated (ARUP, ref §5h)",
    min: 0,
    max: 100,
  },
  "vitamins.homocysteineRemethylatedFraction": {
    unit: "",
    default: 0.85,
    description: "fraction of homocysteine clearance by methionine synthase (B12 and folate dependent) in health",
    source:
      "calibrated: Hcy elevated in ~96 % of B12 and ~91 % of folate deficiency, severe values 30–100 µmol/L (Savage 1994, ref §5h)",
    min: 0,
    max: 0.999,
  },
  "vitamins.mmaReference": {
    unit: "",
    default: 0.18,
    description: "serum methylmalonic acid (µmol/L) with replete B12",
    source: "upper reference 0.27–0.4 µmol/L (ARUP; Hvas 2001, ref §5h)",
    min: 0,
    max: 10,
  },
  "vitamins.mmaMutaseFraction": {
    unit: "",
    default: 0.97,
    description: "fraction of methylmalonyl-CoA cleared by the B12-dependent mutase in health",
    source: "calibrated: MMA elevated in ~98 % of B12 deficiency, often several µmol/L (Savage 1994, ref §5h)",
    min: 0,
    max: 0.999,
  },
  "kidney.healthyGfr": {
    unit: "mL/min",
    default: { male: 115, female: 105 },
    description: "glomerular filtration rate of a healthy young adult: the reference for renal effects",
    source: "normal GFR ~100–130 mL/min/1.73 m² in young adults, a little lower in women (KDIGO 2012, R)",
    min: 10,
    max: 200,
  },
  "kidney.gfrDeclinePerYearAfter40": {
    unit: "mL/min",
    default: 0.8,
    description: "fall of the resting GFR per year of age past 40 (applies only when the subject's age is given)",
    source: "~0.75–1 mL/min per year (Lindeman 1985, Baltimore Longitudinal Study, R)",
    min: 0,
    max: 5,
  },
  "kidney.epoCapacityHalfGfr": {
    unit: "",
    default: 0.2,
    description:
      "GFR (fraction of healthy) at which renal EPO production capacity is half of what it would be in proportion (f = g(1+K)/(g+K))",
    source:
      "calibrated: Hb falls from CrCl ~70 mL/min, −1.4 g/dL at 20–30 mL/min (Hsu 2002); EPO ~half of that of iron deficiency at the same Hb (Gowanlock 2016), ref §5g",
    min: 0.001,
    max: 10,
  },
  "kidney.hepcidinRenalClearanceFraction": {
    unit: "",
    default: 0.5,
    description: "fraction of hepcidin-25 clearance that is renal (filtration and tubular degradation) in health",
    source:
      "hepcidin elevated in CKD from reduced renal clearance (Krishnan review, ref §5g); ~2× at stage 4–5 (Zaritsky 2009, R), calibrated",
    min: 0,
    max: 1,
  },
  "kidney.uremicDestructionRate": {
    unit: "1/day",
    default: 0.0004,
    description: "added random red-cell destruction per unit of uremic load (GFR_ref/GFR − 1)",
    source: "red-cell life ~60–90 days in advanced CKD (ref §3.3, R), calibrated: ~80 days at GFR 10 mL/min",
    min: 0,
    max: 0.1,
  },
  "erythropoiesis.infiltrationRoomExponent": {
    unit: "",
    default: 1,
    description:
      "founder capacity scales as (1 − infiltrated fraction)^exponent: the room left for erythroid progenitors",
    source: "marrow infiltration crowds out erythropoiesis (model.md §4); proportional by default (R)",
    min: 0,
    max: 5,
  },
});

export class ParameterError extends Error {
  override name = "ParameterError";
}

/** Resolve defaults for a sex and apply overrides (already in canonical units). */
export function resolveParameters(sex: Sex, overrides: Readonly<Record<string, number>> = {}): ParameterValues {
  const values: Record<string, number> = {};
  for (const spec of PARAMETERS.values()) values[spec.path] = defaultFor(spec, sex);
  for (const [path, value] of Object.entries(overrides)) {
    const spec = PARAMETERS.get(path);
    if (!spec) throw new ParameterError(`unknown parameter "${path}"`);
    if (!Number.isFinite(value)) throw new ParameterError(`parameter "${path}": ${value} is not a finite number`);
    if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
      throw new ParameterError(
        `parameter "${path}": ${value} ${spec.unit} is outside ${spec.min ?? "-∞"}…${spec.max ?? "∞"} ${spec.unit}`,
      );
    }
    values[path] = value;
  }
  return Object.freeze(values);
}

/** Read a resolved parameter; throws on a typo in the model code itself. */
export function param(values: ParameterValues, path: string): number {
  const v = values[path];
  if (v === undefined) throw new Error(`internal: no parameter ${path}`);
  return v;
}
