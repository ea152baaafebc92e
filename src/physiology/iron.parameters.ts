/**
 * Parameters of iron exchange (iron.ts): absorption, macrophage, hepatocyte, plasma and tissue
 * fluxes, oral and intravenous iron; and of the serum markers made from the pools (serum ferritin,
 * soluble transferrin receptor, zinc protoporphyrin). Gathered by src/engine/parameters.ts.
 */
import { defineParameters, type PathsOf } from "../parameters/spec.js";

export const IRON_PARAMETERS = defineParameters({
  // ── Iron
  "iron.hbIronMgPerG": {
    unit: "mg/g",
    default: 3.47,
    description: "iron per gram of hemoglobin",
    source: "4 Fe (55.85 Da) per 64.5 kDa tetramer: 3.47 mg/g (stoichiometry; IOM DRI 2001 uses 3.39)",
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
    source:
      "cells live 2–3 days after leaving the crypt before they are extruded from the villus tip (Potten 1998 Philos Trans R Soc Lond B 353:821, mouse); small-intestinal epithelium turns over in 3–5 days in man (Darwich et al. 2014 Drug Metab Dispos 42:2016, meta-analysis), the absorbing villus stage being its last days",
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
      "calibrated: serum iron peaks 1–3 h after a fasting oral dose in iron deficiency (oral iron absorption test, e.g. Kuvibidila 1984 JAMA small-dose tolerance test; Am J Med 2008 OIAT: rise > 100 µg/dL at 1–2 h); export/sequestration ratio 3.6 keeps ~1 mg/day absorbed by an iron-replete man (Hunt & Roughead 2000, ref §2.2), fitted with iron.enterocyteFerritinSequestration on healthy-woman.ferritin-drift. The peak timing was set while looking at the Alleyne 2008 OIAT, so alleyne-2008-oiat-rise was moved from test to calibration",
    min: 0,
    max: 100,
    provenance: { kind: "calibrated", targets: ["healthy-woman.ferritin-drift", "alleyne-2008-oiat-rise"] },
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
  "iron.hepatocyteFerritinophagyMax": {
    unit: "",
    default: 2,
    description:
      "extra fold of hepatocyte ferritin mobilisation (NCOA4 ferritinophagy) when the hepatocyte's labile iron is low (0 = off)",
    source:
      "mechanism Mancias et al. Nature 2014 (NCOA4 ferritinophagy, induced in iron-starved cells); size assumed: up to 3× the basal rate, i.e. ~30–40 mg/day from a 500 mg hepatocyte store with ferroportin open, the order stores must give for a 2–3× marrow (Hillman & Henderson J Clin Invest 1969, a held-out test target); bounded above by the calibration target skikne-1992-absorption-after-epo, which a larger fold leaves",
    min: 0,
    max: 20,
    provenance: { kind: "assumed" },
  },
  "iron.hepatocyteFerritinophagyHalf": {
    unit: "",
    default: 0.08,
    description:
      "hepatocyte labile-iron index (transferrin iron uptake / ferroportin capacity, 1 = health) at half NCOA4 induction",
    source:
      "induction negligible in health, in diurnal TSAT troughs and in iron-depleted women between oral doses, near full at TSAT < 8 % with ferroportin open (epoetin, repeated phlebotomy); set low enough that the saturation troughs between alternate-day oral doses do not mobilise liver iron that would lower the next dose's absorption, as alternate days absorb more per dose (Stoffel et al. Lancet Haematol 2017; test/signatures-genotypes.test.ts), with skikne-1992-absorption-after-epo (calibration) in range",
    min: 0.001,
    max: 10,
    provenance: {
      kind: "calibrated",
      targets: ["skikne-1992-absorption-after-epo", "signature:test/signatures-genotypes.test.ts"],
    },
  },
  "iron.hepatocyteFerritinophagyHill": {
    unit: "",
    default: 4,
    description: "Hill exponent of NCOA4 induction as hepatocyte labile iron falls",
    source: "assumed (IRP/HERC2 switch-like response; Mancias et al. eLife 2015)",
    min: 0.5,
    max: 8,
    provenance: { kind: "assumed" },
  },
  "iron.erythroblastReceptorTime": {
    unit: "h",
    default: 12,
    description:
      "time constant of an erythroblast's transferrin receptor count following its IRP target (TfR1 protein turnover; 0 = at once)",
    source:
      "IRP stabilises TfR1 mRNA; receptor number changes over about a day after iron chelation or loading (Müllner & Kühn, Cell 1988;53:815; Müllner, Neupert & Kühn, Cell 1989;58:373): 12 h moves it ~86 % of the way in a day",
    min: 0,
    max: 240,
    provenance: { kind: "measured" },
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
  "iron.childReferenceTsat": {
    unit: "",
    default: 0.23,
    description:
      "transferrin saturation an iron-replete child's iron sensing (gut DMT1, hepatocyte and tissue TfR1) regulates around, to 12 years (then toward hepcidin.referenceTsat by 18; growth.ts ironSetPointTsat)",
    source:
      "healthy children's median TSAT 24 % (boys) and 23 % (girls), p2.5–97.5 ~7–45 % (266 healthy Dutch children 0.3–17 y, CRP < 5: Donker et al. 2020 Pediatr Blood Cancer 67:e28038, Table 1; their TSAT/hepcidin ratio rises with age, i.e. young children make more hepcidin at a given TSAT); lower than adults' at 0.5–12 y (Koerper & Dallman 1977 J Pediatr 91:870, 215 iron-replete children); rising gradually with age in iron-replete children of 4, 8, 13 y (Milman & Cohn 1984 Eur J Pediatr 143:96)",
    min: 0.05,
    max: 0.6,
    provenance: { kind: "measured" },
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

  // ── Iron treatment and transfusion
  "iron.oralDoseHalfSaturation": {
    unit: "mg",
    default: 150,
    description: "oral iron dose at which mucosal uptake per mg is halved (saturable DMT1 transport)",
    source:
      "fractional absorption falls to ~0.45× from 40 to 240 mg (Moretti et al. Blood 2015: (h+40)/(h+240) = 0.45 solves to h ≈ 125 mg); gross uptake of 60 mg in iron-depleted women then ~17 % (Stoffel 2017: 16–22 %); refitted to 150 mg on the two Moretti doses once erythroblast receptors follow IRP with a lag (iron.erythroblastReceptorTime)",
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
});

export type IronParameter = PathsOf<typeof IRON_PARAMETERS>;

export const SERUM_MARKER_PARAMETERS = defineParameters({
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
});

export type SerumMarkerParameter = PathsOf<typeof SERUM_MARKER_PARAMETERS>;
