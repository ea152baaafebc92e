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
    provenance: { kind: "measured" },
  },
  "body.venousToBodyHctRatio": {
    unit: "",
    default: 1 / 0.9,
    description: "venous over whole-body hematocrit (labs sample venous blood)",
    source: "The Blood Volume of Normal Women, Blood 1954 (body/venous Hct 0.90), ref §1.4",
    min: 1,
    max: 1.3,
    provenance: { kind: "measured" },
  },
  "body.plasmaRefillTime": {
    unit: "h",
    default: 24,
    description: "time constant of plasma-volume restoration toward the blood-volume set point",
    source: "hemodilution over 1–2 days after hemorrhage, model.md §signatures (R)",
    min: 1,
    max: 240,
    provenance: { kind: "assumed" },
  },
  "body.plasmaExcessShiftTime": {
    unit: "h",
    default: 0.25,
    description:
      "time constant with which plasma volume above the blood-volume set point (after a transfusion) leaves the circulation",
    source:
      "the Hb increment 15 min after a red-cell transfusion equals the 24-h one (Wiesen 1994 Arch Intern Med 154:1432; Elizalde 1997 Transfusion 37:573): ~1 g/dL per unit in a 70 kg adult",
    min: 0.01,
    max: 240,
    provenance: { kind: "assumed" },
  },
  "body.childWeightGain": {
    unit: "kg/day",
    default: 2.3 / 365,
    description:
      "weight gained by a growing child aged 2–10 (subject with an age below body.growthUntilAge); other ages follow the CDC curve scaled by this against 2.3 kg/year (src/physiology/growth.ts); blood volume, marrow and tissue iron follow",
    source:
      "~2–2.5 kg/year between ages 2 and 10 (CDC 2000 growth charts, 50th centile; Kuczmarski 2002 Vital Health Stat 11(246))",
    min: 0,
    max: 0.1,
    provenance: { kind: "measured" },
  },
  "body.childBloodVolumePerKg": {
    unit: "mL/kg",
    default: 75,
    description:
      "blood volume per kg of a child up to 12 years (then moving to the adult value by 18); height is not used below 18",
    source:
      "~75–80 mL/kg in children after infancy (Linderkamp 1977 Eur J Pediatr 125:227; Nathan & Oski's Hematology of Infancy and Childhood)",
    min: 40,
    max: 120,
    provenance: { kind: "measured" },
  },
  "body.growthUntilAge": {
    unit: "year",
    default: 18,
    description: "age below which a subject grows (on the CDC weight-for-age curve, scaled by body.childWeightGain)",
    source: "weight gain ends at ~18 years on the CDC 2000 growth charts (the curve itself stops there)",
    min: 0,
    max: 25,
    provenance: { kind: "assumed" },
  },

  // ── Erythropoiesis: the division rule ───────────────────────────────────
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
    default: 0.5,
    description: "earlier release of marrow reticulocytes per doubling of EPO (the 'shift')",
    source: "calibrated to Hillman & Finch maturation times (Hct 25 → 2 days in blood), ref §3.2",
    min: 0,
    max: 2,
    provenance: { kind: "calibrated", targets: ["acute-hemorrhage.retic-peak-day"] },
  },

  "erythropoiesis.maxReticulocyteShift": {
    unit: "day",
    default: 0.5,
    description: "largest shortening of the marrow reticulocyte residence under high EPO",
    source:
      "bolus epoetin releases some immature reticulocytes at once (Major 1994 Br J Haematol) but retic % only begins to rise on days 3–4 after single SC doses of 300–2400 IU/kg (Cheung 1998 Clin Pharmacol Ther 64:412); calibrated to those targets",
    min: 0,
    max: 5,
    provenance: { kind: "calibrated", targets: ["signature:test/kinetics-marrow.test.ts"] },
  },
  "erythropoiesis.reticulocyteShiftTime": {
    unit: "day",
    default: 1,
    description: "time constant with which the marrow reticulocyte residence follows EPO",
    source: "assumed: the release program changes over about a day (Cheung 1998: no retic rise before day 3)",
    min: 0.01,
    max: 10,
    provenance: { kind: "assumed" },
  },

  // ── Circulation ─────────────────────────────────────────────────────────
  "circulation.bloodReticulocyteTime": {
    unit: "day",
    default: 1,
    description: "time a released reticulocyte still counts as one in blood at reference EPO",
    source: "Hillman & Finch: 1.0 day at Hct 36–45 %, ref §3.2",
    min: 0.1,
    max: 5,
    provenance: { kind: "measured" },
  },
  "circulation.reticulocyteShrinkTime": {
    unit: "day",
    default: 1,
    description: "time constant of reticulocyte volume loss toward the mature MCHC",
    source: "retic ~115 fL shrinks ~10–20 % in the first days, ref §3.2",
    min: 0.05,
    max: 10,
    provenance: { kind: "measured" },
  },
  "circulation.matureMchc": {
    unit: "",
    default: 31.5,
    description: "hemoglobin concentration (g/dL) young mature cells shrink to",
    source: "young mature cell ≈ 105 fL / 33 pg (ref §6.9)",
    min: 20,
    max: 40,
    provenance: { kind: "measured" },
  },
  "circulation.maxReticulocyteShrink": {
    unit: "",
    default: 0.3,
    description: "largest fractional volume loss in maturation: cells with too little Hb stay hypochromic",
    source: "calibrated: MCHC falls last in iron deficiency (England 1976, ref §5d)",
    min: 0,
    max: 0.9,
    provenance: { kind: "calibrated", targets: ["gi-bleed.rdw-before-mcv"] },
  },
  "circulation.lifespanMean": {
    unit: "day",
    default: 115.6,
    description: "mean red-cell lifespan",
    source: "Shrestha et al. 2016 (biotin labelling): 115.6 d, ref §3.3",
    min: 5,
    max: 300,
    provenance: { kind: "measured" },
  },
  "circulation.lifespanSd": {
    unit: "day",
    default: 24.8,
    description: "SD of red-cell lifespan",
    source: "Shrestha et al. 2016: SD 24.8 d, ref §3.3",
    min: 1,
    max: 100,
    provenance: { kind: "measured" },
  },
  "circulation.volumeLossOverLife": {
    unit: "",
    default: 0.3,
    description: "fraction of volume lost by a cell over a mean lifespan",
    source: "Malka et al. 2014: ~30 % volume over ~100 d, ref §3.3",
    min: 0,
    max: 0.8,
    provenance: { kind: "measured" },
  },
  "circulation.hemoglobinLossOverLife": {
    unit: "",
    default: 0.2,
    description: "fraction of hemoglobin lost (by vesiculation) over a mean lifespan",
    source: "Malka et al. 2014: ~20 % Hb, ref §3.3",
    min: 0,
    max: 0.8,
    provenance: { kind: "measured" },
  },
  "circulation.updateInterval": {
    unit: "h",
    default: 6,
    description: "how often mature red cells are aged and cleared (numerical)",
    source: "numerical: slow processes (days) integrated exactly over the interval",
    min: 0.25,
    max: 24,
    provenance: { kind: "numerical" },
  },

  // ── Iron ────────────────────────────────────────────────────────────────
  "iron.hbIronMgPerG": {
    unit: "mg/g",
    default: 3.47,
    description: "iron per gram of hemoglobin",
    source: "4 Fe per 64.5 kDa tetramer: 3.47 mg/g (model.md §2; IOM uses 3.39)",
    min: 3,
    max: 4,
    provenance: { kind: "measured" },
  },
  "iron.diet.nonHeme": {
    unit: "mg/day",
    default: { male: 15.5, female: 13 },
    description: "dietary non-heme iron intake",
    source: "typical US intakes: men ~16–18, women ~12–13 mg/day total iron (NHANES via IOM DRI 2001, R)",
    min: 0,
    max: 500,
    provenance: { kind: "measured" },
  },
  "iron.diet.heme": {
    unit: "mg/day",
    default: { male: 1.5, female: 1 },
    description: "dietary heme iron intake",
    source: "typical Western intakes (R)",
    min: 0,
    max: 100,
    provenance: { kind: "assumed" },
  },
  "iron.absorption.nonHemeUptake": {
    unit: "",
    default: 0.215,
    description: "fraction of non-heme iron taken into enterocytes (DMT1) when iron status is normal",
    source:
      "calibrated: absorption = basal losses at ferritin ~95 (men) and ~45 (women) with reference hepcidin leaving ~54 % of DMT1 (Hallberg; Hunt & Roughead 2000, ref §2.2; HEIRS stores 0.8/0.4 g)",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift"] },
  },
  "iron.absorption.hemeUptake": {
    unit: "",
    default: 0.25,
    description: "fraction of heme iron taken into enterocytes",
    source: "heme iron 15–35 % absorbed (R)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "iron.absorption.dmt1Max": {
    unit: "",
    default: 1.6,
    description: "largest rise of DMT1 uptake (HIF-2α) in iron deficiency",
    source:
      "calibrated: with hepcidin near zero, ~25–30 % of non-heme iron absorbed in deficiency (Hallberg 1997; IOM 2001 p.340: ≤ 18 % of the whole diet)",
    min: 1,
    max: 20,
    provenance: {
      kind: "calibrated",
      targets: ["gi-bleed.ferritin-before-tsat", "gi-bleed.rdw-before-mcv", "gi-bleed.mentzer"],
    },
  },
  "iron.absorption.dmt1Exponent": {
    unit: "",
    default: 2,
    description: "log–log slope of DMT1 uptake on transferrin saturation (HIF-2α senses iron status)",
    source:
      "calibrated: absorption inverse to iron status below ferritin ~60 (Hallberg, ref §2.2); 400 vs 800 mg equilibrium stores for women and men",
    min: 0,
    max: 5,
    provenance: {
      kind: "calibrated",
      targets: [
        "healthy-woman.ferritin-drift",
        "gi-bleed.ferritin-before-tsat",
        "gi-bleed.rdw-before-mcv",
        "gi-bleed.mentzer",
      ],
    },
  },
  "iron.absorption.dmt1HepcidinHalf": {
    unit: "",
    default: 5,
    description: "hepcidin (nmol/L) that halves apical DMT1 on duodenal enterocytes",
    source:
      "hepcidin lowers enterocyte DMT1 (proteasomal degradation) more than enterocyte ferroportin (Chaston et al. Gut 2008; Brasse-Lagnel et al. Gastroenterology 2011); half at about reference hepcidin, as for ferroportin",
    min: 0.01,
    max: 100,
    provenance: { kind: "measured" },
  },
  "iron.absorption.dmt1HepcidinHill": {
    unit: "",
    default: 1.5,
    description: "steepness of DMT1 loss with hepcidin",
    source: "taken equal to the ferroportin Hill coefficient (no separate measurement)",
    min: 0.5,
    max: 4,
    provenance: { kind: "assumed" },
  },
  "iron.enterocyteLifetime": {
    unit: "day",
    default: 2.5,
    description: "enterocyte life before shedding (its iron is lost with it)",
    source: "model.md §2 (2–3 days)",
    min: 0.5,
    max: 10,
    provenance: { kind: "measured" },
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
    provenance: { kind: "calibrated", targets: ["alleyne-2008-oiat-rise"] },
  },
  "iron.enterocyteFerritinSequestration": {
    unit: "1/h",
    default: 0.25,
    description: "rate constant of transit iron being locked in enterocyte ferritin (lost when the cell is shed)",
    source:
      "mucosal block: iron retained in enterocyte ferritin is lost with the shed cell (Conrad & Crosby Blood 1963); calibrated with the transit export so a third of the uptake is retained at reference hepcidin",
    min: 0,
    max: 100,
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift"] },
  },
  "iron.macrophageExportRate": {
    unit: "1/day",
    default: 4.5,
    description: "ferroportin export rate constant of macrophage labile iron at full ferroportin",
    source: "calibrated: recycled iron returns to plasma within about a day (20–25 mg/day, ref §2.2)",
    min: 0,
    max: 100,
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift"] },
  },
  "iron.macrophageStoreDeposit": {
    unit: "1/day",
    default: 0.3,
    description: "rate constant of labile macrophage iron entering ferritin",
    source: "calibrated with the mobilisation rate: storage turnover ~7 mg/day (PMC4345694, ref §2.2)",
    min: 0,
    max: 100,
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift"] },
  },
  "iron.macrophageStoreMobilisation": {
    unit: "1/day",
    default: 0.012,
    description: "rate constant of ferritin iron returning to the labile macrophage pool",
    source: "storage turnover ~7 mg/day (PMC4345694 Table 2, ref §2.2)",
    min: 0,
    max: 10,
    provenance: { kind: "measured" },
  },
  "iron.hepatocyteUptake": {
    unit: "1/day",
    default: 2,
    description: "clearance rate constant of plasma iron into hepatocytes",
    source: "parenchymal turnover ~10 mg/day of PIT 30 (PMC4345694 Table 2, ref §2.2)",
    min: 0,
    max: 100,
    provenance: { kind: "measured" },
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
    provenance: {
      kind: "calibrated",
      targets: ["gi-bleed.ferritin-before-tsat", "gi-bleed.rdw-before-mcv", "gi-bleed.mentzer"],
    },
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
    provenance: {
      kind: "calibrated",
      targets: ["gi-bleed.ferritin-before-tsat", "gi-bleed.rdw-before-mcv", "gi-bleed.mentzer"],
    },
  },
  "iron.hepatocyteExportRate": {
    unit: "1/day",
    default: 0.025,
    description: "ferroportin export rate constant of hepatocyte iron at full ferroportin",
    source: "calibrated: hepatocyte store ~60 % of storage iron at steady state (Andrews 1999, ref §2.1)",
    min: 0,
    max: 10,
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift"] },
  },
  "iron.tissueUptake": {
    unit: "1/day",
    default: 0.35,
    description: "clearance of plasma iron into other tissues (myoglobin, enzymes, desquamating cells)",
    source: "balances basal losses at normal plasma iron (IOM 2001, ref §2.2)",
    min: 0,
    max: 100,
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift"] },
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
    provenance: {
      kind: "calibrated",
      targets: [
        "healthy-woman.ferritin-drift",
        "gi-bleed.ferritin-before-tsat",
        "gi-bleed.rdw-before-mcv",
        "gi-bleed.mentzer",
      ],
    },
  },
  "iron.tissueIronPerKg": {
    unit: "mg/kg",
    default: 6,
    description: "myoglobin and enzyme iron",
    source: "myoglobin ~4 mg/kg + enzymes ~2 mg/kg (ref §2.1)",
    min: 0,
    max: 50,
    provenance: { kind: "measured" },
  },
  "iron.basalLossPerKg": {
    unit: "ug/day/kg",
    default: 14,
    description: "basal iron loss (desquamation, sweat, stool) at normal tissue iron",
    source: "Green et al. 1968 via IOM DRI 2001 p.340: 14 µg/kg/day, ref §2.2",
    min: 0,
    max: 200,
    provenance: { kind: "measured" },
  },
  "iron.storeMacrophageFraction": {
    unit: "",
    default: 0.375,
    description: "share of starting storage iron held by macrophages (rest: hepatocytes)",
    source: "Andrews NEJM 1999: macrophage ~600 mg, liver ~1000 mg (ref §2.1, R)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "iron.defaultStorage": {
    unit: "mg",
    default: { male: 800, female: 400 },
    description: "storage iron when the subject does not give one",
    source: "HEIRS, Gordeuk et al. 2008: mean 0.8 g men, 0.4 g women (ref §2.1)",
    min: 0,
    max: 20000,
    provenance: { kind: "measured" },
  },
  "iron.menstrualBloodLoss": {
    unit: "mL",
    default: { male: 0, female: 35 },
    description: "blood lost per menstrual cycle",
    source: "median ~30–40 mL/cycle; 0.56 mg Fe/day averaged (Hallberg 1991, ref §2.2)",
    min: 0,
    max: 1000,
    provenance: { kind: "measured" },
  },
  "iron.menarcheAge": {
    unit: "year",
    default: 12.5,
    description: "age at which menstrual losses begin",
    source: "median age at menarche ~12.4 years (NHANES, Chumlea et al. Pediatrics 2003)",
    min: 5,
    max: 25,
    provenance: { kind: "measured" },
  },
  "iron.menopauseAge": {
    unit: "year",
    default: 51,
    description: "age at which menstrual losses end",
    source: "median age at natural menopause ~51 years (McKinlay 1992)",
    min: 30,
    max: 70,
    provenance: { kind: "measured" },
  },
  "iron.menstrualCycleLength": {
    unit: "day",
    default: 28,
    description: "length of the menstrual cycle",
    source: "textbook",
    min: 14,
    max: 60,
    provenance: { kind: "assumed" },
  },
  "iron.mensesDuration": {
    unit: "day",
    default: 5,
    description: "days of bleeding per cycle",
    source: "textbook",
    min: 1,
    max: 14,
    provenance: { kind: "assumed" },
  },

  // ── Transferrin ─────────────────────────────────────────────────────────
  "transferrin.minimum": {
    unit: "",
    default: 200,
    description: "transferrin (mg/dL) when hepatocytes are iron-loaded",
    source: "reference transferrin 200–360 mg/dL (PMC3934467, ref §1.3)",
    min: 50,
    max: 500,
    provenance: { kind: "measured" },
  },
  "transferrin.ironDeficiencyRise": {
    unit: "",
    default: 110,
    description: "largest rise of transferrin (mg/dL) as hepatocyte iron empties",
    source: "TIBC 350–450 µg/dL in IDA (ref §4.3)",
    min: 0,
    max: 500,
    provenance: { kind: "measured" },
  },
  "transferrin.hepatocyteIronHalf": {
    unit: "mg",
    default: 150,
    description: "hepatocyte iron at which transferrin synthesis is half-way raised",
    source: "calibrated: TIBC ~330 µg/dL at normal stores (Harrison's, ref §1.3)",
    min: 1,
    max: 5000,
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift"] },
  },
  "transferrin.halfLife": {
    unit: "day",
    default: 8,
    description: "plasma half-life of transferrin",
    source: "8–10 days (R)",
    min: 1,
    max: 30,
    provenance: { kind: "measured" },
  },
  "transferrin.ironBindingUgPerMg": {
    unit: "",
    default: 1.4,
    description: "µg iron bound per mg transferrin at full saturation",
    source: "2 Fe per 79.6 kDa (ref header)",
    min: 1,
    max: 2,
    provenance: { kind: "measured" },
  },

  // ── Hepcidin ────────────────────────────────────────────────────────────
  "hepcidin.reference": {
    unit: "",
    default: 4.5,
    description: "hepcidin (nmol/L) at reference hepatocyte iron and saturation, no erythroid or inflammatory signal",
    source: "median 4.5 nM in men (standardised MS assay, Donker thesis; ref §1.3)",
    min: 0,
    max: 100,
    provenance: { kind: "measured" },
  },
  "hepcidin.referenceHepatocyteIron": {
    unit: "mg",
    default: 500,
    description: "hepatocyte iron at which the BMP6 signal is at its reference",
    source: "60 % of 0.8 g storage iron in men (ref §2.1)",
    min: 1,
    max: 10000,
    provenance: { kind: "measured" },
  },
  "hepcidin.storeExponent": {
    unit: "",
    default: 0.8,
    description: "log–log slope of hepcidin on liver iron (BMP6–SMAD)",
    source: "Galesloot 2011: log hepcidin vs log ferritin slope 0.78–0.83 (ref §1.3)",
    min: 0,
    max: 3,
    provenance: { kind: "measured" },
  },
  "hepcidin.referenceTsat": {
    unit: "",
    default: 0.3,
    description: "transferrin saturation at which the holo-transferrin signal is at its reference",
    source: "median TSAT 26–30 % in men (NHANES III, ref §1.3)",
    min: 0.01,
    max: 1,
    provenance: { kind: "measured" },
  },
  "hepcidin.tsatExponent": {
    unit: "",
    default: 1,
    description: "log–log slope of hepcidin on transferrin saturation (TfR2/HFE)",
    source: "rat: TSAT 71→24 % with ~100× fall in hepcidin mRNA (Zhang 2011, ref §4.2); set lower for serum (R)",
    min: 0,
    max: 5,
    provenance: { kind: "assumed" },
  },
  "hepcidin.erfeExponent": {
    unit: "",
    default: 1,
    description: "suppression of hepcidin by erythroferrone: factor (ERFE/reference)^-exponent",
    source: "hepcidin falls from day 1 after donation (PMC4698650, ref §4.2)",
    min: 0,
    max: 5,
    provenance: { kind: "assumed" },
  },
  "hepcidin.il6HalfEffect": {
    unit: "pg/mL",
    default: 60,
    description: "IL-6 above baseline giving half of the largest STAT3 drive of hepcidin",
    source:
      "calibrated: IL-6 ~50 pg/mL gives hepcidin ~14 nM (ACD) and sepsis IL-6 ~125 pg/mL gives ~18 nM (van Eijk et al. Crit Care 2011, ref §4.2): saturating, not linear",
    min: 0.01,
    max: 10000,
    provenance: { kind: "calibrated", targets: ["acd-2005-tsat-chronic"] },
  },
  "hepcidin.il6MaxEffect": {
    unit: "",
    default: 4.5,
    description: "largest STAT3 (IL-6) drive of hepcidin, in reference units added to the BMP arm",
    source:
      "calibrated with il6HalfEffect on the same two points (van Eijk 2011); endotoxin: hepcidin several-fold within 6 h (Kemna et al. Blood 2005)",
    min: 0,
    max: 100,
    provenance: { kind: "calibrated", targets: ["acd-2005-tsat-chronic", "kemna-2005-lps-hepcidin-peak-day"] },
  },
  "hepcidin.responseTime": {
    unit: "h",
    default: 6,
    description: "first-order lag of hepcidin toward its drive",
    source:
      "after endotoxin urinary hepcidin peaks within 6 h, IL-6 within 3 h (Kemna et al. Blood 2005); hepcidin mRNA falls within 9–15 h of ERFE (Kautz 2014, ref §4.2); 6 h keeps hepcidin up the day after an oral dose (Moretti 2015)",
    min: 0.1,
    max: 96,
    provenance: { kind: "assumed" },
  },
  "hepcidin.ferroportinHill": {
    unit: "",
    default: 1,
    description: "Hill exponent of ferroportin loss with hepcidin: Fpn = 1 / (1 + (hepcidin/K)^n)",
    source:
      "calibrated: chronic hepcidin ~15–20 nM must hold TSAT at 10–20 % (ACD, ref §5a) against macrophage iron build-up; hepcidin infusion cuts serum iron ~80 % (Rivera 2005, ref §4.2)",
    min: 0.5,
    max: 4,
    provenance: {
      kind: "calibrated",
      targets: [
        "acute-inflammation.hepcidin-rise",
        "chronic-inflammation.tsat",
        "chronic-inflammation.tibc",
        "chronic-inflammation.mcv",
      ],
    },
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
    provenance: { kind: "assumed" },
  },
  "hepcidin.ferroportinHalf": {
    unit: "",
    default: 5,
    description: "hepcidin (nmol/L) that halves ferroportin on exporting cells",
    source: "calibrated: reference hepcidin leaves about half of ferroportin active",
    min: 0.01,
    max: 100,
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift"] },
  },

  // ── EPO ─────────────────────────────────────────────────────────────────
  "epo.intercept": {
    unit: "",
    default: 3.05,
    description: "log10 EPO (mU/mL) at Hb 0 in log10 EPO = a − b·Hb",
    source: "Symeonidis et al. 2016, n = 1096 (ref §4.1)",
    min: 0,
    max: 10,
    provenance: { kind: "measured" },
  },
  "epo.slope": {
    unit: "",
    default: 0.131,
    description: "fall of log10 EPO per g/dL of hemoglobin",
    source: "Symeonidis et al. 2016 (ref §4.1)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "epo.halfLife": {
    unit: "h",
    default: 5,
    description: "plasma half-life of EPO",
    source: "rhEPO IV ~4 h healthy, ~5 h renal (ref §4.1)",
    min: 0.5,
    max: 48,
    provenance: { kind: "measured" },
  },
  "epo.androgenFactor": {
    unit: "",
    default: { male: 1, female: 0.62 },
    description: "renal EPO production relative to men at the same Hb (androgens raise it)",
    source:
      "calibrated: women Hb ~13.5 vs men ~15 g/dL with similar EPO (13.4 vs 14.6 mU/mL, Int J Hematol 1992) and lower sTfR (ref §1.1, §1.3)",
    min: 0,
    max: 3,
    provenance: { kind: "calibrated", targets: ["healthy-man.hb", "signature:test/healthy.test.ts"] },
  },
  "epo.renalFunction": {
    unit: "",
    default: 1,
    description: "fraction of normal renal EPO-producing capacity",
    source: "1 = healthy kidney; CKD acts through GFR instead (the kidney action, kidney.* parameters)",
    min: 0,
    max: 2,
    provenance: { kind: "assumed" },
  },

  // ── Erythroferrone ──────────────────────────────────────────────────────
  "erfe.epoExponent": {
    unit: "",
    default: 0.5,
    description: "ERFE output per erythroblast rises as (EPO/reference)^exponent",
    source: "ERFE rises within hours of EPO (Ganz 2017, ref §4.2), calibrated",
    min: 0,
    max: 3,
    provenance: { kind: "calibrated", targets: ["acute-hemorrhage.retic-peak-day"] },
  },

  // ── Inflammation (baseline here; the inflammation issue drives IL-6) ────
  "inflammation.il6Baseline": {
    unit: "",
    default: 1.5,
    description: "plasma IL-6 (pg/mL) in health",
    source: "healthy IL-6 < 5–7 pg/mL (R)",
    min: 0,
    max: 10000,
    provenance: { kind: "measured" },
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
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift"] },
  },
  "labs.hepatocyteIronPerFerritin": {
    unit: "mg",
    default: 66,
    description: "hepatocyte iron per ng/mL of serum ferritin (hepatocytes secrete little of it)",
    source: "calibrated with macrophageIronPerFerritin (Walters et al. 1973; Cohen et al. Blood 2010)",
    min: 0.1,
    max: 100000,
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift"] },
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
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift"] },
  },
  "labs.ferritinPerHepatocyteUptake": {
    unit: "",
    default: 2.7,
    description: "serum ferritin (ng/mL) per mg/day of plasma iron taken up by hepatocytes",
    source: "calibrated with ferritinPerMacrophageSynthesis on the same two steady states (Walters et al. 1973)",
    min: 0,
    max: 10000,
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift"] },
  },
  "labs.serumFerritinHalfLife": {
    unit: "h",
    default: 30,
    description: "plasma half-life of secreted ferritin (serum ferritin relaxes toward macrophage secretion)",
    source:
      "plasma clearance of ferritin, half-life ~30 h in man (Worwood et al. 1982 Clin Sci; Cohen et al. Blood 2010)",
    min: 0.1,
    max: 2000,
    provenance: { kind: "measured" },
  },
  "labs.stfrPerReceptorMass": {
    unit: "",
    default: 1.2,
    description: "soluble transferrin receptor (mg/L) at the healthy erythroid receptor mass per litre of blood",
    source: "R&D assay range 0.76–1.76 mg/L (PMC3934467, ref §1.3)",
    min: 0,
    max: 100,
    provenance: { kind: "measured" },
  },
  "labs.zppBaseline": {
    unit: "",
    default: 30,
    description: "zinc protoporphyrin (µmol/mol heme) made when iron meets protoporphyrin",
    source: "normal ZPP < 40 µmol/mol (Labbé, ref §1.3, R)",
    min: 0,
    max: 1000,
    provenance: { kind: "measured" },
  },
  "labs.zppPerIronDeficit": {
    unit: "",
    default: 500,
    description: "ZPP (µmol/mol heme) added per unit fractional iron deficit of heme synthesis",
    source: "calibrated: ZPP > 100 (EP > 70–100 µg/dL) in iron-deficient erythropoiesis (IOM; Harrison's, ref §1.3)",
    min: 0,
    max: 100000,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-causes.test.ts"] },
  },
  // ── Genotypes (effect sizes; the genes are in src/model/genotype.ts) ────
  "hepcidin.tmprss6HomozygousLossFloor": {
    unit: "",
    default: 4,
    description:
      "BMP–SMAD signal (reference units) left when matriptase-2 is absent: uncleaved hemojuvelin keeps signalling however low iron falls",
    source:
      "calibrated: IRIDA hepcidin 2–10 nM with TSAT 2–6 %, Hb ~6–10 and MCV low (Finberg 2008; De Falco 2013, ref §5b)",
    min: 0,
    max: 100,
    provenance: { kind: "calibrated", targets: ["irida.tsat", "irida.hepcidin"] },
  },
  "hepcidin.tmprss6HeterozygousLossFloor": {
    unit: "",
    default: 0.8,
    description: "BMP–SMAD floor (reference units) with one TMPRSS6 allele lost",
    source: "mono-allelic patients milder and later (Donker 2016, ref §5b), calibrated",
    min: 0,
    max: 100,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-causes.test.ts"] },
  },
  "erythropoiesis.alphaGlobinCapacity3Genes": {
    unit: "",
    default: 0.92,
    description: "globin synthesis capacity with 3 working alpha genes (silent carrier), relative to 4",
    source: "silent carriers near-normal MCV (ref §5e, R), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "erythropoiesis.alphaGlobinCapacity2Genes": {
    unit: "",
    default: 0.84,
    description: "globin synthesis capacity with 2 working alpha genes (alpha-thalassemia trait)",
    source: "calibrated: MCV ~70–80 fL, Hb normal or −1 to −1.5 g/dL (ref §5e)",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "erythropoiesis.alphaGlobinCapacity1Genes": {
    unit: "",
    default: 0.55,
    description: "globin synthesis capacity with 1 working alpha gene (HbH disease)",
    source: "HbH MCV ~55–65 fL (R), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "erythropoiesis.betaTraitGlobinCapacity": {
    unit: "",
    default: 0.7,
    description: "globin synthesis capacity with one defective beta allele (beta-thalassemia trait)",
    source: "calibrated: MCV 60–72 fL, RBC > 5.5, Hb 10–14 (PMC10444720 Table 2; ref §5e)",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["beta-trait.mentzer"] },
  },
  "erythropoiesis.betaIntermediaGlobinCapacity": {
    unit: "",
    default: 0.35,
    description: "beta-chain output in thalassemia intermedia (two mild beta+ alleles), relative to normal",
    source: "calibrated: untransfused Hb 7–10 g/dL, MCV 55–70 fL (Taher et al. Lancet 2018; Musallam 2012)",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
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
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "circulation.betaIntermediaDestructionPerDay": {
    unit: "1/day",
    default: 0.008,
    description: "age-independent red-cell destruction in thalassemia intermedia (alpha-chain inclusions)",
    source: "red-cell survival shortened in thalassemia intermedia (R; Rund & Rachmilewitz 2005), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "erythropoiesis.deltaUpregulationBetaThal": {
    unit: "",
    default: 1.3,
    description: "delta-chain output relative to normal when a beta allele is defective (cis upregulation)",
    source: "calibrated: HbA2 4–6 % in beta-thalassemia trait vs 2.5 % normal (ref §5e; Steinberg 2001)",
    min: 0,
    max: 10,
    provenance: { kind: "calibrated", targets: ["beta-trait.hba2"] },
  },
  "erythropoiesis.gammaOutputBetaIntermedia": {
    unit: "",
    default: 0.2,
    description: "gamma-chain (HbF) output relative to normal beta in thalassemia intermedia",
    source: "HbF 10–50 % of hemoglobin in thalassemia intermedia (Taher 2018), calibrated",
    min: 0,
    max: 2,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
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
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
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
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
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
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
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
    provenance: { kind: "calibrated", targets: ["hfe.tsat"] },
  },
  "circulation.hbhDestructionPerDay": {
    unit: "1/day",
    default: 0.015,
    description: "age-independent red-cell destruction in HbH disease (beta-4 inclusions removed by the spleen)",
    source:
      "HbH: chronic hemolysis, Hb 7–10 g/dL, reticulocytes 3–6 %, red-cell survival about half normal (Chui et al. Blood 2003; Fucharoen & Viprakasit 2009), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
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
    provenance: {
      kind: "calibrated",
      targets: [
        "acute-inflammation.hepcidin-rise",
        "chronic-inflammation.tsat",
        "chronic-inflammation.tibc",
        "chronic-inflammation.mcv",
      ],
    },
  },
  "inflammation.transferrinMaxFall": {
    unit: "",
    default: 0.4,
    description: "largest fractional fall of transferrin synthesis (negative acute-phase protein)",
    source: "TIBC < 300 µg/dL in ACD, normal-low (ref §4.3, §5a), calibrated",
    min: 0,
    max: 0.95,
    provenance: { kind: "calibrated", targets: ["chronic-inflammation.tibc"] },
  },
  "inflammation.ferritinAcutePhaseMax": {
    unit: "",
    default: 2,
    description: "largest extra serum ferritin secretion per unit storage iron (positive acute-phase protein)",
    source: "ferritin rises 1–2 days after onset, peaks 3–5 days (Krause 2013 quoted, ref §4.3), calibrated",
    min: 0,
    max: 20,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-conditions.test.ts"] },
  },
  "inflammation.ferritinResponseTime": {
    unit: "h",
    default: 48,
    description: "time constant of the acute-phase ferritin response",
    source: "rise over 1–2 days, peak at 3–5 days (ref §4.3)",
    min: 1,
    max: 720,
    provenance: { kind: "measured" },
  },
  "inflammation.epoMaxBlunting": {
    unit: "",
    default: 0.6,
    description: "largest fractional cut of renal EPO production by inflammatory cytokines",
    source: "EPO lower than the anemia predicts in ACD (Weiss & Goodnough 2005, ref §5a; signatures.md), calibrated",
    min: 0,
    max: 0.99,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-conditions.test.ts"] },
  },
  "inflammation.progenitorMaxSuppression": {
    unit: "",
    default: 0.5,
    description: "largest fractional cut of erythroid progenitor influx (IFN-γ, TNF-α)",
    source: "cytokine suppression of CFU-E (Weiss & Goodnough 2005, R), calibrated",
    min: 0,
    max: 0.99,
    provenance: {
      kind: "calibrated",
      targets: [
        "acute-inflammation.hepcidin-rise",
        "chronic-inflammation.tsat",
        "chronic-inflammation.tibc",
        "chronic-inflammation.mcv",
      ],
    },
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
    provenance: { kind: "calibrated", targets: ["acd-2005-tsat-chronic"] },
  },
  "inflammation.maxDestructionRate": {
    unit: "1/day",
    default: 0.006,
    description: "largest added age-independent red-cell destruction (activated macrophages)",
    source: "red-cell life modestly shortened in ACD, ~80–90 days (R), calibrated",
    min: 0,
    max: 1,
    provenance: {
      kind: "calibrated",
      targets: [
        "acute-inflammation.hepcidin-rise",
        "chronic-inflammation.tsat",
        "chronic-inflammation.tibc",
        "chronic-inflammation.mcv",
      ],
    },
  },

  // ── Lead (model.md §4) ──────────────────────────────────────────────────
  "lead.absorbedFractionAdult": {
    unit: "",
    default: 0.12,
    description: "fraction of ingested lead absorbed, adult",
    source: "adults about 10–15 % (model.md §4)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "lead.absorbedFractionChild": {
    unit: "",
    default: 0.45,
    description: "fraction of ingested lead absorbed, child",
    source: "children about 40–50 % (model.md §4)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "lead.childUntilAge": {
    unit: "year",
    default: 12,
    description: "age below which the child absorption fraction applies",
    source: "convention (ATSDR 2007, R)",
    min: 0,
    max: 120,
    provenance: { kind: "assumed" },
  },
  "lead.distributionVolumePerKg": {
    unit: "dL/kg",
    default: 2,
    description: "volume of blood and soft tissue through which absorbed lead spreads, per kg",
    source: "calibrated: adult biokinetic slope ~0.4 µg/dL per µg/day absorbed (EPA adult lead methodology, R)",
    min: 0.1,
    max: 100,
    provenance: { kind: "calibrated", targets: ["lead-adult.zpp", "lead-adult.half-life"] },
  },
  "lead.bloodHalfLife": {
    unit: "day",
    default: 34,
    description: "half-life of lead in blood (to excretion and bone)",
    source: "34 d fast component (Rabinowitz 1976; ref §5c)",
    min: 1,
    max: 1000,
    provenance: { kind: "measured" },
  },
  "lead.boneDepositFraction": {
    unit: "",
    default: 0.3,
    description: "fraction of lead leaving blood that goes to bone rather than being excreted",
    source: "tri-exponential decline 34 d, 1.2 y, 13 y (Nilsson 1991, ref §5c), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["lead-adult.half-life"] },
  },
  "lead.boneHalfLife": {
    unit: "day",
    default: 4750,
    description: "half-life of lead returning from bone to blood",
    source: "13 y slow component (Nilsson 1991, ref §5c)",
    min: 30,
    max: 100000,
    provenance: { kind: "measured" },
  },
  "lead.hemeSynthesisHalfPbB": {
    unit: "ug/dL",
    default: 108,
    description: "blood lead halving erythroblast heme synthesis capacity (ALAD and ferrochelatase together)",
    source:
      "anemia in adults mostly above ~50 µg/dL (ATSDR 2007, ref §5c); calibrated: ring sideroblasts at PbB ~100 with MCV in the 70s (the block on heme is partial: ALAD has a large reserve)",
    min: 1,
    max: 10000,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-causes.test.ts"] },
  },
  "lead.zppMax": {
    unit: "",
    default: 2000,
    description: "largest zinc protoporphyrin (µmol/mol heme) from ferrochelatase inhibition",
    source: "EP > 100 µg/dL in heavy-metal toxicity (ref §5c), calibrated",
    min: 0,
    max: 100000,
    provenance: { kind: "calibrated", targets: ["lead-adult.zpp"] },
  },
  "lead.zppHalfPbB": {
    unit: "ug/dL",
    default: 100,
    description: "blood lead at half the largest ferrochelatase-inhibition ZPP (Hill exponent 3)",
    source: "ZPP rises steeply above 15–30 µg/dL (Piomelli 1978; ATSDR 2007, ref §5c), calibrated",
    min: 1,
    max: 10000,
    provenance: { kind: "calibrated", targets: ["lead-adult.zpp"] },
  },
  "lead.nucleotidaseHalfPbB": {
    unit: "ug/dL",
    default: 40,
    description: "blood lead halving pyrimidine 5'-nucleotidase activity",
    source: "~25 % activity in a poisoned patient (Valentine 1976, ref §5c), calibrated",
    min: 1,
    max: 10000,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-causes.test.ts"] },
  },
  "lead.maxDestructionRate": {
    unit: "1/day",
    default: 0.005,
    description: "largest added red-cell destruction with pyrimidine 5'-nucleotidase lost (stippled cells)",
    source: "shortened survival in lead poisoning (Valentine 1976, ref §5c), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-causes.test.ts"] },
  },

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

  // ── Iron treatment and transfusion ──────────────────────────────────────
  "iron.oralDoseHalfSaturation": {
    unit: "mg",
    default: 125,
    description: "oral iron dose at which mucosal uptake per mg is halved (saturable DMT1 transport)",
    source:
      "fractional absorption falls to ~0.45× from 40 to 240 mg (Moretti et al. Blood 2015: (h+40)/(h+240) = 0.45 gives h ≈ 125 mg); gross uptake of 60 mg in iron-depleted women then ~17 % (Stoffel 2017: 16–22 %)",
    min: 0.1,
    max: 10000,
    provenance: { kind: "calibrated", targets: ["moretti-2015-40mg-absorbed", "moretti-2015-240mg-absorbed"] },
  },
  "iron.ivProcessingTime": {
    unit: "day",
    default: 14,
    description: "time constant of macrophages freeing iron from an IV iron–carbohydrate complex",
    source:
      "iron–carbohydrate complexes leave plasma into macrophages within hours and their iron reaches new red cells over 2–4 weeks (Beshara et al. Br J Haematol 1999, 52Fe PET of iron sucrose); a time constant of ~2 weeks, the middle of that range; serum ferritin is highest in the first weeks after ferric carboxymaltose and about a third of that at week 8 (FCM RCT, BMJ Open Respir Res 2020, Table 2: 1150 → 395 µg/L)",
    min: 0.01,
    max: 365,
    provenance: { kind: "assumed" },
  },
  "iron.ivToFerritinFraction": {
    unit: "",
    default: 0.7,
    description: "share of iron freed from an IV iron complex that macrophages put straight into ferritin",
    source:
      "IV iron carbohydrate complexes are degraded in macrophage lysosomes and their iron stored in ferritin, then released over weeks: serum ferritin rises to several hundred ng/mL while TSAT rises only moderately (Geisser & Burckhardt 2011; Danielson 2004), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-conditions.test.ts"] },
  },
  "transfusion.unitVolume": {
    unit: "mL",
    default: 300,
    description: "volume of one unit of packed red cells",
    source: "typical unit 250–350 mL at Hct 0.55–0.65 (R)",
    min: 50,
    max: 1000,
    provenance: { kind: "measured" },
  },
  "transfusion.infusionTimePerUnit": {
    unit: "h",
    default: 1.5,
    description:
      "time one unit of packed cells takes to run in (a transfusion event marks the end of the infusion); the bag's volume leaves the circulation while it runs",
    source:
      "BCSH guideline on the administration of blood components 2009 (Br J Haematol 2010): a unit over 90–120 min in a stable patient, within 4 h",
    min: 0,
    max: 4,
    provenance: { kind: "measured" },
  },
  "transfusion.storageLossFraction": {
    unit: "",
    default: 0.1,
    description: "fraction of transfused cells cleared within a day (storage lesion)",
    source: "24-h post-transfusion recovery ≥ 75 % required, typically ~90 % (R)",
    min: 0,
    max: 1,
    provenance: { kind: "assumed" },
  },

  // ── ESA (epoetin) pharmacokinetics ──────────────────────────────────────
  "esa.intravenousHalfLife": {
    unit: "h",
    default: 6,
    description: "plasma half-life of epoetin given intravenously",
    source: "~4 h healthy, 6.5–12.7 h renal failure (ref §4.1)",
    min: 0.5,
    max: 200,
    provenance: { kind: "measured" },
  },
  "esa.subcutaneousBioavailability": {
    unit: "",
    default: 0.3,
    description: "fraction of a subcutaneous epoetin dose reaching plasma",
    source: "SC bioavailability ~20–40 % (epoetin label, R)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "esa.subcutaneousAbsorptionHalfLife": {
    unit: "h",
    default: 19,
    description: "half-life of absorption from the subcutaneous depot (sets the apparent SC half-life)",
    source: "SC apparent half-life 19.4 ± 8.1 h (ref §4.1)",
    min: 0.5,
    max: 500,
    provenance: { kind: "measured" },
  },
  "esa.distributionVolumePerKg": {
    unit: "mL/kg",
    default: 45,
    description: "volume of distribution of epoetin per kg (about the plasma volume)",
    source: "Vd ≈ plasma volume (ref §4.1)",
    min: 1,
    max: 1000,
    provenance: { kind: "measured" },
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
    provenance: { kind: "measured" },
  },
  "vitamins.b12.intake": {
    unit: "ug/day",
    default: 5,
    description: "dietary vitamin B12 eaten per day",
    source: "median US intake from food ~5 µg/day in men, 3.5 in women (IOM DRI 1998, ch. 9 p. 306)",
    min: 0,
    max: 1e5,
    provenance: { kind: "measured" },
  },
  "vitamins.b12.absorption": {
    unit: "",
    default: 0.5,
    description:
      "fraction of a small oral B12 amount absorbed (intrinsic-factor-mediated plus passive); it applies to biliary B12 too",
    source: "50 % of dietary B12 absorbed by healthy adults (IOM DRI 1998, ch. 9 p. 309)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "vitamins.b12.passiveAbsorption": {
    unit: "",
    default: 0.01,
    description: "fraction of B12 crossing the gut without intrinsic factor (whatever the dose)",
    source:
      "~1 % of large doses absorbed without intrinsic factor (Berlin 1968, IOM DRI 1998 Table 9-2): why 1000 µg oral B12 treats pernicious anemia",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "vitamins.b12.intrinsicFactorCapacity": {
    unit: "ug/day",
    default: 4.5,
    description: "most dietary B12 intrinsic factor can carry per day (~1.5 µg per meal × 3 meals)",
    source: "1.5–2.5 µg a meal saturates the ileal receptors (Scott 1997, in IOM DRI 1998 p. 309)",
    min: 0,
    max: 100,
    provenance: { kind: "measured" },
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
    provenance: { kind: "calibrated", targets: ["pernicious-anemia.mcv"] },
  },
  "vitamins.b12.otherLoss": {
    unit: "1/day",
    default: 0.0001,
    description: "fraction of the B12 store lost per day other than through bile (urine, skin, cells shed)",
    source:
      "calibrated: the default diet (2.5 µg/day absorbed) keeps the 2.5 mg store, net loss 0.1 %/day (IOM DRI 1998 p. 331; 0.13 ± 0.03 %/day pooled, Doets 2013)",
    min: 0,
    max: 0.1,
    provenance: { kind: "calibrated", targets: ["pernicious-anemia.mcv"] },
  },
  "vitamins.b12.halfAvailabilityStore": {
    unit: "",
    default: 0.1,
    description: "B12 store (fraction of healthy) at which tissue availability is half maximal (Hill 2)",
    source:
      "calibrated: anemia only when stores are mostly gone, 3–5 years after intrinsic factor is lost (Snow 1999, ref §5h)",
    min: 0.001,
    max: 10,
    provenance: { kind: "calibrated", targets: ["pernicious-anemia.mcv"] },
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
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-conditions.test.ts"] },
  },
  "vitamins.b12.serumAtHealthyStore": {
    unit: "pg/mL",
    default: 450,
    description: "serum B12 at the healthy store (proportional to the store)",
    source: "reference ~200–900 pg/mL; deficiency < 200 pg/mL, indeterminate 100–400 (ARUP, ref §5h)",
    min: 1,
    max: 5000,
    provenance: { kind: "measured" },
  },
  "vitamins.folate.healthyStore": {
    unit: "ug",
    default: 15000,
    description: "body folate store of a healthy adult; the reference for availability and serum folate",
    source: "body folate ~10–20 mg (R); stores last ~3–4 months (ref §5h)",
    min: 100,
    max: 100000,
    provenance: { kind: "measured" },
  },
  "vitamins.folate.intake": {
    unit: "ug/day",
    default: 300,
    description: "dietary folate eaten per day",
    source: "typical intake 250–400 µg/day (R); RDA 400 µg DFE",
    min: 0,
    max: 1e5,
    provenance: { kind: "measured" },
  },
  "vitamins.folate.absorption": {
    unit: "",
    default: 0.5,
    description: "fraction of dietary folate absorbed",
    source: "food folate bioavailability ~50 % (vs ~85 % for folic acid; IOM 1998, R)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "vitamins.folate.loss": {
    unit: "1/day",
    default: 0.01,
    description: "fraction of the folate store used or lost per day",
    source:
      "calibrated: the default diet keeps the healthy store; with no intake folate-deficient anemia in ~4–5 months (Herbert 1962, R; ref §5h: folate stores ~3 months)",
    min: 0,
    max: 1,
    provenance: {
      kind: "calibrated",
      targets: ["herbert-1962-folate-anemia", "folate-deficiency.mma"],
    },
  },
  "vitamins.folate.halfAvailabilityStore": {
    unit: "",
    default: 0.25,
    description: "folate store (fraction of healthy) at which tissue availability is half maximal (Hill 2)",
    source: "calibrated: megaloblastic anemia ~4–5 months after intake stops (Herbert 1962, R)",
    min: 0.001,
    max: 10,
    provenance: {
      kind: "calibrated",
      targets: ["herbert-1962-folate-anemia", "folate-deficiency.mma"],
    },
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
    provenance: { kind: "calibrated", targets: ["folate-deficiency.mma"] },
  },
  "vitamins.folate.serumIntakeShare": {
    unit: "",
    default: 0.7,
    description:
      "share of serum (plasma) folate that is newly absorbed folate in health; the rest is released from the tissue store",
    source:
      "assumed: serum folate reflects recent intake and red-cell folate the stores (IOM 1998 DRI, folate: indicators); on a folate-free diet serum folate falls within weeks, red-cell folate and the blood count only after months (Herbert 1962 Trans Assoc Am Physicians 75:307)",
    min: 0,
    max: 1,
    provenance: { kind: "assumed" },
  },
  "vitamins.folate.serumTurnoverTime": {
    unit: "day",
    default: 3,
    description: "time constant with which serum folate follows absorption and store release",
    source:
      "assumed: plasma folate is cleared into tissues within hours (folic acid loading tests) but fasting serum folate settles over days after a change of diet (IOM 1998 DRI, folate)",
    min: 0,
    max: 60,
    provenance: { kind: "assumed" },
  },
  "vitamins.folate.serumAtHealthyStore": {
    unit: "ng/mL",
    default: 10,
    description: "serum folate at the healthy store (proportional to the store)",
    source: "deficiency < 4.4 ng/mL (10 nmol/L) (ARUP, ref §5h); healthy ~5–20 ng/mL (R)",
    min: 0.1,
    max: 100,
    provenance: { kind: "measured" },
  },
  "vitamins.maxCycleSlowing": {
    unit: "",
    default: 0.65,
    description:
      "added erythroblast cycle time, as a multiple of the normal, when DNA-synthesis capacity falls to zero (cycle × (1 + σ(1 − c)))",
    source:
      "S phase 2.5–6.5 h of a ~23 h cycle (ref §3.1) lengthens as megaloblasts stall in S (Herbert 2003, ref §5h); calibrated to MCV 110–130 when anemic (ref §5h): severe pernicious anemia plateaus ~115–120 fL with a normal MCHC (issue 10: 1 gave 138 fL, MCHC < 30)",
    min: 0,
    max: 10,
    provenance: { kind: "calibrated", targets: ["pernicious-anemia.mcv"] },
  },
  "vitamins.maxExtraDeathPerCycle": {
    unit: "",
    default: 0.3,
    description: "added fraction of erythroblasts dying at each cycle end as DNA-synthesis capacity falls to zero",
    source:
      "intramedullary death in megaloblastic anemia (ineffective erythropoiesis; Herbert 2003, ref §5h); calibrated to low reticulocytes with a hyperplastic marrow",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["pernicious-anemia.mcv"] },
  },
  "vitamins.homocysteineReference": {
    unit: "umol/L",
    default: 9,
    description: "plasma total homocysteine (µmol/L) with replete B12 and folate",
    source: "healthy ~5–15 µmol/L, > 15 elevated (ARUP, ref §5h)",
    min: 0,
    max: 100,
    provenance: { kind: "measured" },
  },
  "vitamins.homocysteineRemethylatedFraction": {
    unit: "",
    default: 0.85,
    description: "fraction of homocysteine clearance by methionine synthase (B12 and folate dependent) in health",
    source:
      "calibrated: Hcy elevated in ~96 % of B12 and ~91 % of folate deficiency, severe values 30–100 µmol/L (Savage 1994, ref §5h)",
    min: 0,
    max: 0.999,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-conditions.test.ts"] },
  },
  "vitamins.mmaReference": {
    unit: "umol/L",
    default: 0.18,
    description: "serum methylmalonic acid (µmol/L) with replete B12",
    source: "upper reference 0.27–0.4 µmol/L (ARUP; Hvas 2001, ref §5h)",
    min: 0,
    max: 10,
    provenance: { kind: "measured" },
  },
  "vitamins.mmaMutaseFraction": {
    unit: "",
    default: 0.97,
    description: "fraction of methylmalonyl-CoA cleared by the B12-dependent mutase in health",
    source: "calibrated: MMA elevated in ~98 % of B12 deficiency, often several µmol/L (Savage 1994, ref §5h)",
    min: 0,
    max: 0.999,
    provenance: { kind: "calibrated", targets: ["folate-deficiency.mma"] },
  },
  "kidney.healthyGfr": {
    unit: "mL/min",
    default: { male: 115, female: 105 },
    description: "glomerular filtration rate of a healthy young adult: the reference for renal effects",
    source: "normal GFR ~100–130 mL/min/1.73 m² in young adults, a little lower in women (KDIGO 2012, R)",
    min: 10,
    max: 200,
    provenance: { kind: "measured" },
  },
  "kidney.gfrDeclinePerYearAfter40": {
    unit: "mL/min",
    default: 0.8,
    description: "fall of the resting GFR per year of age past 40 (applies only when the subject's age is given)",
    source: "~0.75–1 mL/min per year (Lindeman 1985, Baltimore Longitudinal Study, R)",
    min: 0,
    max: 5,
    provenance: { kind: "measured" },
  },
  "kidney.epoCapacityHalfGfr": {
    unit: "",
    default: 0.145,
    description:
      "GFR (fraction of healthy) at which renal EPO production capacity is half-lost, f = gⁿ(1+Kⁿ)/(gⁿ+Kⁿ) with n = kidney.epoCapacityHill",
    source:
      "calibrated: Hb falls from CrCl ~70 mL/min, −1.4 g/dL at 20–30 mL/min (Hsu 2002); EPO ~half of that of iron deficiency at the same Hb (Gowanlock 2016), ref §5g; untreated dialysis Hct 22 % (Eschbach 1989); with epoCapacityHill and the uremic IL-6 (kidney.uremicIl6)",
    min: 0.001,
    max: 10,
    provenance: {
      kind: "calibrated",
      targets: [
        "ckd.mcv",
        "ckd.hb-fall",
        "eschbach-1989-epoetin-hct-untreated",
        "signature:test/signatures-conditions.test.ts",
      ],
    },
  },
  "kidney.hepcidinRenalClearanceFraction": {
    unit: "",
    default: 0.5,
    description: "fraction of hepcidin-25 clearance that is renal (filtration and tubular degradation) in health",
    source:
      "hepcidin elevated in CKD from reduced renal clearance (Krishnan review, ref §5g); ~2× at stage 4–5 (Zaritsky 2009, R), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-conditions.test.ts"] },
  },
  "kidney.uremicDestructionRate": {
    unit: "1/day",
    default: 0.0004,
    description: "added random red-cell destruction per unit of uremic load (GFR_ref/GFR − 1)",
    source: "red-cell life ~60–90 days in advanced CKD (ref §3.3, R), calibrated: ~80 days at GFR 10 mL/min",
    min: 0,
    max: 0.1,
    provenance: { kind: "calibrated", targets: ["ckd.hb-fall"] },
  },
  "kidney.epoCapacityHill": {
    unit: "",
    default: 2,
    description:
      "steepness n of the loss of renal EPO production capacity with GFR, f = gⁿ(1+Kⁿ)/(gⁿ+Kⁿ) (n = 1: in proportion to the nephrons lost, softened by K)",
    source:
      "Hb barely falls until CrCl < 60 mL/min, then −1.4 g/dL at 20–30 (Hsu, McCulloch & Curhan 2002 J Am Soc Nephrol 13:504), while untreated dialysis patients sit at Hct ~22 % (Eschbach 1989 Ann Intern Med 111:992): EPO-producing fibroblasts turn into myofibroblasts as fibrosis advances (Asada N et al. 2011 J Clin Invest 121:3981); calibrated with epoCapacityHalfGfr",
    min: 0.5,
    max: 6,
    provenance: { kind: "calibrated", targets: ["ckd.hb-fall", "eschbach-1989-epoetin-hct-untreated"] },
  },
  "kidney.uremicIl6": {
    unit: "pg/mL",
    default: 0.3,
    description:
      "IL-6 added by uremic inflammation per unit of uremic load (GFR_ref/GFR − 1): IL-6 rises with the CKD stage and acts like any other IL-6 (hepcidin STAT3 arm, EPO blunting, progenitors, iron retention)",
    source:
      "plasma IL-6 rises with CKD stage (Barreto DV et al. 2010 Kidney Int 77:550); median 7.9 pg/mL in haemodialysis patients of the HEMO study (Am J Kidney Dis 2005, PMID 15685511) vs ~1.5 in health: (7.9 − 1.5)/22 at GFR ~5 mL/min; inflammation is the main cause of ESA hyporesponsiveness (KDIGO 2012 Kidney Int Suppl 2:279, ch. 3.4)",
    min: 0,
    max: 10,
    provenance: { kind: "measured" },
  },
  "kidney.uremicMarrowSuppression": {
    unit: "",
    default: 0.015,
    description:
      "uremic blunting of erythroid progenitor influx per unit of uremic load (GFR_ref/GFR − 1): factor 1/(1 + s·load)",
    source:
      "uremic serum inhibits erythroid colony growth and ESA needs rise in kidney failure (Eschbach 1989 Ann Intern Med 111:992: untreated dialysis Hct 22 %; KDIGO 2012 Kidney Int Suppl 2:279: starting ESA doses raise Hb 1–2 g/dL per month); calibrated to those within the CKD signatures (Hsu 2002 stage-4 Hb; ESA on low iron keeps TSAT < 20 %): factor 0.79 at GFR 6 mL/min, 0.89 at GFR 12 (lowered from 0.04 when uremic IL-6 took over part of the suppression, kidney.uremicIl6)",
    min: 0,
    max: 10,
    provenance: {
      kind: "calibrated",
      targets: ["eschbach-1989-epoetin-hct-untreated", "signature:test/signatures-conditions.test.ts"],
    },
  },
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
  // ── Hypoxia and altitude (issue 15, item 2; src/physiology/hypoxia.ts) ──
  "hypoxia.acutePaco2Slope": {
    unit: "",
    default: 0.3,
    description:
      "acute hypoxic ventilatory response: fall of PaCO2 (mmHg) per mmHg of inspired PO2 below hypoxia.acuteResponseThreshold",
    source:
      "Rahn & Otis 1949 Am J Physiol 157:445 (acute O2–CO2 diagram: PACO2 ~40 mmHg until PAO2 < ~60, ~35 mmHg at 4300 m on arrival)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "hypoxia.acuteResponseThreshold": {
    unit: "mmHg",
    default: 110,
    description: "inspired PO2 below which the acute hypoxic ventilatory response lowers PaCO2 (~2500 m)",
    source: "Rahn & Otis 1949 Am J Physiol 157:445 (carotid-body drive appears below PAO2 ~60 mmHg)",
    min: 50,
    max: 150,
    provenance: { kind: "measured" },
  },
  "hypoxia.acclimatisedPaco2Slope": {
    unit: "",
    default: 0.2,
    description:
      "fall of PaCO2 (mmHg) per mmHg of inspired PO2 below sea level once ventilation has acclimatised (≥ 1–2 weeks)",
    source:
      "Rahn & Otis 1949 Am J Physiol 157:445 (acclimatised line: PACO2 ~28–30 mmHg at 3500–4300 m, ~24 at 5300 m); Dempsey & Forster 1982 Physiol Rev 62:262",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "hypoxia.acclimatisationTime": {
    unit: "day",
    default: 3,
    description: "time constant of ventilatory acclimatisation to altitude (and of its waning after return)",
    source:
      "ventilation rises over the first week at altitude and stays raised for days after descent (Dempsey & Forster 1982 Physiol Rev 62:262)",
    min: 0.1,
    max: 30,
    provenance: { kind: "measured" },
  },
  "hypoxia.alveolarArterialGradient": {
    unit: "mmHg",
    default: 2,
    description: "alveolar–arterial PO2 difference at rest (at altitude)",
    source:
      "at rest at altitude the A–a difference is small, ~2–5 mmHg (West 1983 J Appl Physiol 55:678, AMREE); 5–10 mmHg at sea level",
    min: 0,
    max: 40,
    provenance: { kind: "measured" },
  },
  "hypoxia.plasmaContractionPerDesaturation": {
    unit: "",
    default: 1,
    description: "fraction of plasma volume lost at altitude per unit fall of SaO2 below sea level (hemoconcentration)",
    source:
      "plasma volume −10–20 % within 1–2 weeks at 4300 m (Sawka 1996 J Appl Physiol 81:636; Sawka 2000 Med Sci Sports Exerc 32:332; Siebenmann 2017 J Physiol 595:1247) at SaO2 ~88 % (desaturation ~0.1)",
    min: 0,
    max: 5,
    provenance: { kind: "measured" },
  },
  "hypoxia.plasmaContractionTime": {
    unit: "day",
    default: 3,
    description: "time constant of plasma-volume contraction at altitude and its refilling after return",
    source: "most of the plasma loss within the first days at 4300 m (Sawka 2000 Med Sci Sports Exerc 32:332)",
    min: 0.1,
    max: 30,
    provenance: { kind: "measured" },
  },
  "epo.hypoxiaGain": {
    unit: "",
    default: 1.5,
    description:
      "the kidney reads oxygen delivery: sensed Hb = Hb × (SaO2 / SaO2 at sea level)^gain (tissue PO2 falls with arterial PO2 as well as content)",
    source:
      "calibrated with the Symeonidis 2016 Hb slope to serum EPO 16.7 → 28.0 mU/mL after 5.5 h at 4000 m (Eckardt 1989 J Appl Physiol 66:1785); 16.0 → 22.5 at 3000 m held out",
    min: 0,
    max: 6,
    provenance: { kind: "calibrated", targets: ["eckardt-1989-4000m-epo"] },
  },
  "hepcidin.hypoxiaExponent": {
    unit: "",
    default: 7,
    description:
      "direct hypoxic suppression of hepcidin synthesis (HIF, PDGF-BB), beside erythroferrone: factor (SaO2 / SaO2 at sea level)^exponent",
    source:
      "calibrated to hepcidin 'almost completely' suppressed by day 2 at 4340 m, before iron indices change (Talbot 2012 Blood 119:857); the fall within 40 h at 3400 m held out (Piperno 2011 Blood 117:2953)",
    min: 0,
    max: 20,
    provenance: { kind: "calibrated", targets: ["talbot-2012-4340m-hepcidin-day2"] },
  },
  // ── Hemolysis (issue 15, item 3; src/physiology/hemolysis.ts) ───────────
  "haptoglobin.reference": {
    unit: "mg/dL",
    default: 100,
    description: "plasma haptoglobin of a healthy adult",
    source: "reference interval ~30–200 mg/dL, mean ~100 (Shih 2014 Am J Hematol 89:443)",
    min: 10,
    max: 400,
    provenance: { kind: "measured" },
  },
  "haptoglobin.acutePhaseRise": {
    unit: "",
    default: 2,
    description:
      "largest rise of haptoglobin synthesis in the acute phase, relative to health (factor 1 + rise × acute-phase activity)",
    source:
      "haptoglobin is an acute-phase protein rising from 50 % to several-fold (Gabay & Kushner 1999 N Engl J Med 340:448), which can mask hemolysis",
    min: 0,
    max: 10,
    provenance: { kind: "measured" },
  },
  "haptoglobin.halfLife": {
    unit: "day",
    default: 5,
    description: "plasma half-life of free haptoglobin (the Hp–Hb complex is cleared within minutes)",
    source:
      "free Hp t½ ~3.5–5 days, Hp–Hb complex ~10–30 min (Shih 2014 Am J Hematol 89:443; Kristiansen 2001 Nature 409:198, CD163)",
    min: 0.5,
    max: 20,
    provenance: { kind: "measured" },
  },
  "haptoglobin.hbBinding": {
    unit: "",
    default: 0.75,
    description: "hemoglobin bound per mass of haptoglobin (mg/mg)",
    source:
      "one Hb tetramer (64.5 kDa) per Hp 1-1 molecule (~86 kDa); binding capacity up to ~1.4 g Hb/L (Anderson 2017 Antioxid Redox Signal 26:814)",
    min: 0.1,
    max: 2,
    provenance: { kind: "measured" },
  },
  "hemolysis.freeHbUrineFraction": {
    unit: "",
    default: 0.2,
    description:
      "fraction of the iron of free (haptoglobin-unbound) plasma hemoglobin lost in urine (filtered, shed as hemosiderin or as hemoglobin); the rest reaches hepatocytes (hemopexin–heme, tubular return)",
    source:
      "urinary iron 0.8–10.8 mg/day with hemolysing Starr–Edwards valves (Urinary iron excretion in valvular heart disease, Blood 1970 36:785); iron deficiency from urinary loss (Walsh 1966 JAMA 198:505)",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["valve-1970-urine-iron", "signature:test/hemolysis.test.ts"] },
  },
  "hemolysis.extravascularPlasmaFraction": {
    unit: "",
    default: 0.05,
    description:
      "fraction of the hemoglobin of cells destroyed in extravascular hemolysis that reaches plasma (fragmentation, partial lysis), where it binds haptoglobin",
    source:
      "haptoglobin is low in extravascular (warm autoimmune) hemolysis too (Marchand 1980 JAMA 243:1909; Shih 2014 Am J Hematol 89:443); size assumed",
    min: 0,
    max: 1,
    provenance: { kind: "assumed" },
  },
  "bilirubin.hepaticClearance": {
    unit: "mL/min",
    default: 40,
    description: "hepatic clearance of unconjugated bilirubin from plasma",
    source:
      "bilirubin production ~3.8 mg/kg/day (~280 mg/day) at plasma unconjugated bilirubin ~0.5 mg/dL (Berk 1969 Ann Intern Med 70:1107): ~40 mL/min",
    min: 1,
    max: 500,
    provenance: { kind: "measured" },
  },
  "bilirubin.nonErythroidProduction": {
    unit: "mg/day",
    default: 50,
    description: "bilirubin from hepatic hemoproteins (cytochromes), not from red cells or erythroblasts",
    source: "~15–20 % of the daily ~280 mg (Berk 1969 Ann Intern Med 70:1107)",
    min: 0,
    max: 500,
    provenance: { kind: "measured" },
  },

  // ── Pregnancy (src/physiology/pregnancy.ts; issue 15 item 4) ────────────
  "pregnancy.plasmaExpansion": {
    unit: "",
    default: 0.5,
    description:
      "plasma volume added at the plateau of a singleton pregnancy, fraction of the pre-pregnancy plasma volume",
    source:
      "+~1250 mL (~45–50 %) by 32–34 weeks (Hytten & Paintin 1963 J Obstet Gynaecol Br Commonw 70:402; Pritchard 1965 Anesthesiology 26:393; Hytten 1985 Clin Haematol 14:601)",
    min: 0,
    max: 1.5,
    provenance: { kind: "measured" },
  },
  "pregnancy.plasmaExpansionPerExtraFetus": {
    unit: "",
    default: 0.2,
    description:
      "further plasma expansion for each fetus beyond the first (twins), fraction of pre-pregnancy plasma volume",
    source: "twin pregnancies expand plasma ~+1900 mL vs ~+1250 mL (Hytten 1985 Clin Haematol 14:601; Pritchard 1965)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "pregnancy.plasmaExpansionOnset": {
    unit: "week",
    default: 6,
    description: "gestational age at which plasma volume starts to expand",
    source: "expansion begins at 6–8 weeks (Hytten 1985 Clin Haematol 14:601; Bernstein 2001 Obstet Gynecol 97:669)",
    min: 2,
    max: 30,
    provenance: { kind: "measured" },
  },
  "pregnancy.plasmaExpansionPlateau": {
    unit: "week",
    default: 33,
    description: "gestational age at which plasma expansion reaches its plateau (smooth S between onset and plateau)",
    source: "plateau at 32–34 weeks (Hytten & Paintin 1963; Pritchard 1965)",
    min: 10,
    max: 44,
    provenance: { kind: "measured" },
  },
  "pregnancy.fetalIron": {
    unit: "mg",
    default: 270,
    description: "iron transferred to one fetus by term",
    source:
      "270 mg (Bothwell 2000 Am J Clin Nutr 72:257S, table 1; ~75 mg/kg of a 3.5 kg newborn, Widdowson & Spray 1951)",
    min: 0,
    max: 1000,
    provenance: { kind: "measured" },
  },
  "pregnancy.placentalIron": {
    unit: "mg",
    default: 90,
    description: "iron in one placenta and cord by term",
    source: "90 mg (Bothwell 2000 Am J Clin Nutr 72:257S, table 1; 50–90 mg in other estimates)",
    min: 0,
    max: 500,
    provenance: { kind: "measured" },
  },
  "pregnancy.ironAccrualStart": {
    unit: "week",
    default: 10,
    description: "gestational age from which fetal and placental iron accrue (∝ (GA − start)^exponent up to term)",
    source:
      "fetal iron follows fetal weight, negligible in the first trimester (Bothwell 2000; Widdowson & Spray 1951)",
    min: 2,
    max: 30,
    provenance: { kind: "assumed" },
  },
  "pregnancy.ironAccrualExponent": {
    unit: "",
    default: 3,
    description: "shape of fetal and placental iron accrual: cumulative iron ∝ x^exponent",
    source:
      "cube: ~2/3 in the third trimester, peak ~5–6 mg/day near term (Bothwell 2000: requirement ~0.8 mg/day in the 1st trimester, 6–7 mg/day in the 3rd)",
    min: 1,
    max: 6,
    provenance: { kind: "assumed" },
  },
  "pregnancy.hepcidinSuppression": {
    unit: "",
    default: 0.8,
    description:
      "fraction of hepcidin production removed in late pregnancy by a pregnancy signal (beyond iron and erythropoiesis)",
    source:
      "hepcidin falls from ~2 nM (1st trimester) to undetectable (< 0.5 nM) in the 2nd–3rd trimesters (van Santen 2013 Clin Chem Lab Med 51:1395); low even in iron-replete women (Fisher & Nemeth 2017 Am J Clin Nutr 106:1567S; Koenig 2014 Nutrients 6:3062)",
    min: 0,
    max: 0.99,
    provenance: { kind: "assumed" },
  },
  "pregnancy.hepcidinSuppressionStart": {
    unit: "week",
    default: 12,
    description: "gestational age at which the pregnancy suppression of hepcidin begins",
    source: "hepcidin similar to non-pregnant in the 1st trimester, falling in the 2nd (van Santen 2013; Koenig 2014)",
    min: 2,
    max: 40,
    provenance: { kind: "measured" },
  },
  "pregnancy.hepcidinSuppressionFull": {
    unit: "week",
    default: 24,
    description: "gestational age at which the pregnancy suppression of hepcidin is complete",
    source: "undetectable from ~20–25 weeks (van Santen 2013 Clin Chem Lab Med 51:1395)",
    min: 2,
    max: 44,
    provenance: { kind: "measured" },
  },
  "pregnancy.renalOxygenDeliveryRise": {
    unit: "",
    default: 0.1,
    description:
      "rise of the oxygen delivery the kidney senses at a given Hb in late pregnancy (renal blood flow), fraction; follows the plasma expansion",
    source:
      "renal plasma flow +50–80 % (Dunlop 1981 Br J Obstet Gynaecol 88:1); EPO low for the degree of anemia (Beguin 1991 Blood 78:89); size calibrated so the Hb nadir with iron is ~11.5 g/dL (WHO 2011 pregnancy cut-off 11 g/dL; Milman 1991 Dan Med Bull 38:471)",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/pregnancy.test.ts"] },
  },
  "pregnancy.postpartumPlasmaTime": {
    unit: "day",
    default: 14,
    description: "time constant of the return of plasma volume to its pre-pregnancy value after delivery",
    source:
      "blood volume back to non-pregnant values by ~6 weeks postpartum (Hytten 1985 Clin Haematol 14:601): 95 % gone in 3 time constants",
    min: 0.5,
    max: 60,
    provenance: { kind: "measured" },
  },
  "pregnancy.postpartumAmenorrhea": {
    unit: "day",
    default: 45,
    description: "days from delivery to the return of menses (lactation, which lengthens it, is not modelled)",
    source:
      "first ovulation ~45 days after delivery in non-lactating women (Jackson & Glasier 2011 Obstet Gynecol 117:657)",
    min: 0,
    max: 1000,
    provenance: { kind: "measured" },
  },
  // ── Daily rhythm (src/physiology/diurnal.ts; issue 15 item 6) ───────────
  "diurnal.hepcidinAmplitude": {
    unit: "",
    default: 0,
    description:
      "amplitude of the daily cosine of hepcidin production around its mean (0 = no rhythm, the default); peak/trough = (1 + a)/(1 − a); the published rhythm is 0.35",
    source:
      "off by default: the calibrations (oral iron absorption, Moretti 2015) were made on daily-mean kinetics and the rhythm moves them; 0.35 reproduces: hepcidin higher at noon and 8 pm than at 8 am (Ganz 2008 Blood 112:4292); 12.2 → 14.1 → 16.5 ug/L at 08:00, 12:30 and 16:30 in 100 healthy adults (Clin Lab 2015;61:1135, doi 10.7754/Clin.Lab.2014.141114); a diurnal rhythm independent of dietary iron (Schaap 2013 Clin Chem 59:527)",
    min: 0,
    max: 0.9,
    provenance: { kind: "measured" },
  },
  "diurnal.hepcidinPeakClock": {
    unit: "h",
    default: 16,
    description:
      "time of day of peak hepcidin production (hours after midnight); serum hepcidin lags it by hepcidin.responseTime",
    source:
      "serum hepcidin highest at 8 pm of the times sampled (Ganz 2008 Blood 112:4292), lowest in the morning (Schaap 2013 Clin Chem 59:527): production peaks ~4 h earlier with the 6-h response time",
    min: 0,
    max: 24,
    provenance: { kind: "measured" },
  },
  "diurnal.ironReleaseAmplitude": {
    unit: "",
    default: 0,
    description:
      "amplitude of the daily cosine of iron export by ferroportin (macrophage release above all) around its mean (0 = none, the default); the published rhythm is 0.15",
    source:
      "off by default with diurnal.hepcidinAmplitude; 0.15 reproduces: serum iron ~20–30 % higher in the morning than in the evening (Hamilton 1950 Blood 5:432; Wiltink 1973 Clin Chim Acta 49:99); hepcidin's own rhythm moves it only a few per cent through the 6-h hepcidin and 24-h ferroportin time constants, so the rest is the release rhythm of the reticuloendothelial system (assumed)",
    min: 0,
    max: 0.9,
    provenance: { kind: "assumed" },
  },
  "diurnal.ironReleasePeakClock": {
    unit: "h",
    default: 8,
    description: "time of day of peak iron export into plasma (hours after midnight)",
    source: "serum iron peaks in the morning (Hamilton 1950 Blood 5:432; Dale 2002 Am J Clin Pathol 117:802)",
    min: 0,
    max: 24,
    provenance: { kind: "measured" },
  },
  "diurnal.clockAtStart": {
    unit: "h",
    default: 8,
    description:
      "time of day of the run's t = 0 (hours after midnight): 8 makes daily trajectory rows morning draws, as in most studies",
    source: "convention: fasting morning blood draws (e.g. Moretti 2015 Blood 126:1981, 08:00)",
    min: 0,
    max: 24,
    provenance: { kind: "assumed" },
  },

  // ── Meals and oral iron (src/physiology/meals.ts; issue 15 item 6) ──────
  "meals.withMealFactor": {
    unit: "",
    default: 0.45,
    description: "fraction of an oral iron dose available when taken with a meal, relative to fasting",
    source:
      "iron salts with breakfast absorbed about half (40–50 %) as well as fasting (Brise & Hallberg 1962 Acta Med Scand 171 Suppl 376:7; Hallberg 1981 Annu Rev Nutr 1:123)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "meals.ascorbicAcidFactor": {
    unit: "",
    default: 2,
    description: "multiplier on the available oral iron when taken with ascorbic acid (~100 mg)",
    source:
      "ascorbic acid roughly doubles non-heme iron absorption (Cook & Monsen 1977 Am J Clin Nutr 30:235; Hallberg 1989 Am J Clin Nutr 49:140)",
    min: 1,
    max: 10,
    provenance: { kind: "measured" },
  },
  "meals.teaFactor": {
    unit: "",
    default: 0.35,
    description: "multiplier on the available oral iron when taken with tea (polyphenols)",
    source: "tea reduced iron absorption by ~60–70 % (Disler 1975 Gut 16:193)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "meals.coffeeFactor": {
    unit: "",
    default: 0.6,
    description: "multiplier on the available oral iron when taken with coffee",
    source: "a cup of coffee with a meal reduced iron absorption by ~40 % (Morck 1983 Am J Clin Nutr 37:416)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "meals.calciumFactor": {
    unit: "",
    default: 0.45,
    description: "multiplier on the available oral iron when taken with calcium (~300 mg, milk or a supplement)",
    source: "165–600 mg calcium reduced iron absorption by 50–60 % (Hallberg 1991 Am J Clin Nutr 53:112)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "meals.phytateFactor": {
    unit: "",
    default: 0.35,
    description:
      "multiplier on the available oral iron when taken with a phytate-rich food (cereal, legumes; ~25 mg phytate P)",
    source:
      "25 mg phytate P reduced absorption by 64 %, 2 mg by 18 %, 250 mg by 82 % (Hallberg 1989 Am J Clin Nutr 49:140)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  // ── Tracers (physiology/tracer.ts) ──
  "tracer.cr51ElutionRate": {
    unit: "1/day",
    default: 0.01,
    description:
      "51Cr lost from intact labelled red cells per day (elution), so a 51Cr survival curve falls faster than the cells do",
    source:
      "elution slightly under 1 %/day (Eadie & Brown 1955 J Clin Invest 34:629); 0.62–2.27 %/day in patients (Bentley 1963 Blood 21:63); ICSH 1971 Br J Haematol 21:241: normal 51Cr T½ 25–35 days",
    min: 0,
    max: 0.1,
    provenance: { kind: "measured" },
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
