/**
 * Parameters of the circulating red cells (circulation.ts) and of transfused ones;
 * gathered by src/engine/parameters.ts.
 */
import { defineParameters, type PathsOf } from "../parameters/spec.js";

export const CIRCULATION_PARAMETERS = defineParameters({
  // ── Circulation
  "circulation.bloodReticulocyteTime": {
    unit: "day",
    default: 1.2,
    description: "time a released reticulocyte still counts as one in blood at reference EPO",
    source:
      "calibrated: normal reticulocytes ~1 % of red cells (Hillman & Finch's production index of 1; 0.49–1.50 % in 691 healthy adults, Zhen et al. 2020 Clin Lab doi:10.7754/Clin.Lab.2020.191263) at a 115.6-day lifespan; Hillman & Finch round it to 1.0 day at Hct 36–45 %, ref §3.2",
    min: 0.1,
    max: 5,
    provenance: { kind: "calibrated", targets: ["healthy-reticulocytes-retic-pct", "healthy-reticulocytes-rpi"] },
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

  // ── Iron treatment and transfusion
  "transfusion.unitVolume": {
    unit: "mL",
    default: 300,
    description: "volume of one unit of packed red cells",
    source:
      "red cells in additive solution: 258 ± 15 mL at Hct 0.60 ± 0.03 with 50 ± 5 g Hb per unit (Australian Red Cross Lifeblood process control, 2022); 280 ± 20 mL in the UK (SAG-M); Hb per unit 52.9 ± 10 g (Jain et al. 2022 Glob J Transfus Med 7:36, 900 units) and 54.7 g, range 34–80 (Transfus Apher Sci 2021 60:103214); 300 mL at Hct 0.60 and MCHC 31.5 g/dL carries 57 g, within that spread",
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
});

export type CirculationParameter = PathsOf<typeof CIRCULATION_PARAMETERS>;
