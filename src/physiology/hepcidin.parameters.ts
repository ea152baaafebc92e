/**
 * Parameters of transferrin and hepcidin (hepcidin.ts); gathered by src/engine/parameters.ts.
 */
import { defineParameters, type PathsOf } from "../parameters/spec.js";

export const TRANSFERRIN_PARAMETERS = defineParameters({
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
});

export type TransferrinParameter = PathsOf<typeof TRANSFERRIN_PARAMETERS>;

export const HEPCIDIN_PARAMETERS = defineParameters({
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
    source:
      "hepcidin falls from day 1 after donation (PMC4698650, ref §4.2); checked against Skikne & Cook, J Lab Clin Med 1992: absorption of 50 mg ferrous sulfate rises 3.5-fold (7.0 → 24.6 %) after 10 doses of 100 U/kg epoetin: calibrated on that rise (skikne-1992-absorption-after-epo; the absorption before epoetin is held out)",
    min: 0,
    max: 5,
    provenance: { kind: "calibrated", targets: ["skikne-1992-absorption-after-epo"] },
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
      "calibrated with il6HalfEffect on the same two points (van Eijk 2011) and the ACD TSAT (acd-2005-tsat-chronic); endotoxin: hepcidin several-fold within 6 h (Kemna et al. Blood 2005), consulted when it was set, so kemna-2005-lps-hepcidin-peak-day was moved from test to calibration",
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
});

export type HepcidinParameter = PathsOf<typeof HEPCIDIN_PARAMETERS>;
