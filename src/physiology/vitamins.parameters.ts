/**
 * Parameters of vitamin B12 and folate (vitamins.ts); gathered by src/engine/parameters.ts.
 */
import { defineParameters, type PathsOf } from "../parameters/spec.js";

export const VITAMIN_PARAMETERS = defineParameters({
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
    default: 0.5,
    description:
      "added erythroblast cycle time (and post-mitotic time: the nucleus condenses as slowly), as a multiple of the normal, when DNA-synthesis capacity falls to zero (× (1 + σ(1 − c)))",
    source:
      "S phase 2.5–6.5 h of a ~23 h cycle (ref §3.1) lengthens as megaloblasts stall in S (Herbert 2003, ref §5h); calibrated to MCV 110–130 when anemic (ref §5h): severe pernicious anemia plateaus ~115–125 fL with a normal MCHC and fewer divisions (issue 10 item 9: lowered from 1, which overshot that MCV with a low MCHC, once the post-mitotic time slowed with the cycle)",
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
});

export type VitaminParameter = PathsOf<typeof VITAMIN_PARAMETERS>;
