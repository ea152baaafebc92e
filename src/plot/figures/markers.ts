/**
 * Figure: the condition markers a clinician would order next, chosen from what
 * the run shows: marrow drive and response always (EPO, sTfR, absolute
 * reticulocytes, reticulocyte production index); lead (blood lead, ZPP),
 * sideroblasts, B12 and folate with their metabolites (MMA, homocysteine),
 * IL-6, renal function and HbA2 when they move. `erythron plot --columns`
 * picks the panels instead.
 */
import type { RunData } from "../data.js";
import { columnColour, referenceRange, THRESHOLDS } from "../theme.js";
import { type GridPanel, timeGrid } from "./time-grid.js";

export interface MarkerPanel extends GridPanel {
  /** Whether the run needs this panel (always-shown panels return true). */
  shows?: (data: RunData) => boolean;
}

function values(data: RunData, column: string): number[] {
  try {
    return Array.from(data.column(column)).filter(Number.isFinite);
  } catch {
    return [];
  }
}

/** The column leaves its reference range, or moves by more than `relative` from its first value. */
function moves(column: string, relative: number, absolute = 0) {
  return (data: RunData): boolean => {
    const v = values(data, column);
    if (v.length === 0) return false;
    const first = v[0] as number;
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const range = referenceRange(column, data.sex, data.ageYears);
    if (range && (lo < range.low || hi > range.high)) return true;
    return hi - lo > Math.max(absolute, relative * Math.abs(first));
  };
}

/**
 * Reticulocyte production index (Hillman & Finch): retic % × Hct/45 over the
 * days a reticulocyte circulates as one, 1 / 1.5 / 2 / 2.5 days at Hct 45 /
 * 35 / 25 / 15 % (Hillman RS, Finch CA. Red cell manual, 1996), joined
 * linearly here so the index does not jump as Hct crosses a step.
 */
export function reticulocyteIndex(reticPct: number, hctPct: number): number {
  const maturation = Math.min(2.5, Math.max(1, 1 + (45 - hctPct) / 20));
  return (reticPct * (hctPct / 45)) / maturation;
}

/** Every marker panel, in the order a clinician reads them. */
export const MARKER_PANELS: Readonly<Record<string, MarkerPanel>> = {
  epo_mu_ml: {
    yLabel: "EPO (mU/mL, log scale)",
    series: [{ column: "epo_mu_ml", colour: columnColour("epo_mu_ml"), label: "EPO" }],
    log: true,
  },
  stfr_mg_l: {
    yLabel: "Soluble transferrin receptor (mg/L)",
    series: [{ column: "stfr_mg_l", colour: columnColour("stfr_mg_l"), label: "sTfR" }],
    yInclude: [0],
  },
  retic_abs_10e9_l: {
    yLabel: "Reticulocytes (×10⁹/L)",
    series: [{ column: "retic_abs_10e9_l", colour: columnColour("retic_abs_10e9_l"), label: "reticulocytes" }],
    yInclude: [0],
  },
  retic_index: {
    yLabel: "Reticulocyte production index",
    series: [{ column: "retic_index", colour: columnColour("retic_pct"), label: "RPI" }],
    yInclude: [0],
    thresholds: [{ value: 2, label: "> 2: marrow answering anemia (healthy ≈ 1)" }],
  },
  blood_lead_ug_dl: {
    yLabel: "Blood lead (µg/dL)",
    series: [{ column: "blood_lead_ug_dl", colour: columnColour("blood_lead_ug_dl"), label: "blood lead" }],
    yInclude: [0],
    thresholds: [
      { value: THRESHOLDS.bloodLeadChildReference.value, label: "3.5: CDC reference value" },
      { value: THRESHOLDS.bloodLeadOshaRemoval.value, label: "60: OSHA removal" },
    ],
    shows: (d) => Math.max(0, ...values(d, "blood_lead_ug_dl")) > 1,
  },
  zpp_umol_mol: {
    yLabel: "Zinc protoporphyrin (µmol/mol heme)",
    series: [{ column: "zpp_umol_mol", colour: columnColour("zpp_umol_mol"), label: "ZPP" }],
    yInclude: [0],
    shows: moves("zpp_umol_mol", 0.25),
  },
  ring_sideroblast_pct: {
    yLabel: "Ring sideroblasts (% of erythroblasts)",
    series: [{ column: "ring_sideroblast_pct", colour: columnColour("ring_sideroblast_pct"), label: "ring" }],
    yInclude: [0],
    thresholds: [{ value: THRESHOLDS.ringSideroblasts.value, label: "15 %: sideroblastic" }],
    shows: (d) => Math.max(0, ...values(d, "ring_sideroblast_pct")) > 5,
  },
  b12_pg_ml: {
    yLabel: "Vitamin B12 (pg/mL)",
    series: [{ column: "b12_pg_ml", colour: columnColour("b12_pg_ml"), label: "B12" }],
    yInclude: [0],
    shows: moves("b12_pg_ml", 0.3),
  },
  mma_umol_l: {
    yLabel: "Methylmalonic acid (µmol/L)",
    series: [{ column: "mma_umol_l", colour: columnColour("mma_umol_l"), label: "MMA" }],
    yInclude: [0],
    shows: moves("mma_umol_l", 0.3),
  },
  folate_ng_ml: {
    yLabel: "Serum folate (ng/mL)",
    series: [{ column: "folate_ng_ml", colour: columnColour("folate_ng_ml"), label: "folate" }],
    yInclude: [0],
    shows: moves("folate_ng_ml", 0.3),
  },
  homocysteine_umol_l: {
    yLabel: "Homocysteine (µmol/L)",
    series: [{ column: "homocysteine_umol_l", colour: columnColour("homocysteine_umol_l"), label: "homocysteine" }],
    yInclude: [0],
    shows: moves("homocysteine_umol_l", 0.3),
  },
  il6_pg_ml: {
    yLabel: "IL-6 (pg/mL)",
    series: [{ column: "il6_pg_ml", colour: columnColour("il6_pg_ml"), label: "IL-6" }],
    yInclude: [0],
    // Only when inflammation is part of the story (no empty IL-6 panel for IRIDA).
    shows: moves("il6_pg_ml", 1, 2),
  },
  egfr_ml_min: {
    yLabel: "eGFR (mL/min)",
    series: [{ column: "egfr_ml_min", colour: columnColour("egfr_ml_min"), label: "eGFR" }],
    yInclude: [0],
    shows: moves("egfr_ml_min", 0.15),
  },
  hba2_pct: {
    yLabel: "HbA2 (% of hemoglobin)",
    series: [{ column: "hba2_pct", colour: columnColour("hba2_pct"), label: "HbA2" }],
    yInclude: [0],
    thresholds: [{ value: 3.5, label: "> 3.5 %: beta-thalassemia trait" }],
    shows: (d) => Math.max(0, ...values(d, "hba2_pct")) > 3.5,
  },
  // Causes (issue 15): hypoxia and hemolysis.
  sao2_pct: {
    yLabel: "Arterial O2 saturation (%)",
    series: [{ column: "sao2_pct", colour: columnColour("sao2_pct"), label: "SaO2" }],
    shows: moves("sao2_pct", 0.02),
  },
  haptoglobin_mg_dl: {
    yLabel: "Haptoglobin (mg/dL)",
    series: [{ column: "haptoglobin_mg_dl", colour: columnColour("haptoglobin_mg_dl"), label: "haptoglobin" }],
    yInclude: [0],
    thresholds: [{ value: 25, label: "< 25 mg/dL: hemolysis (Marchand 1980)" }],
    shows: moves("haptoglobin_mg_dl", 0.3),
  },
  bilirubin_mg_dl: {
    yLabel: "Unconjugated bilirubin (mg/dL)",
    series: [{ column: "bilirubin_mg_dl", colour: columnColour("bilirubin_mg_dl"), label: "bilirubin" }],
    yInclude: [0],
    shows: moves("bilirubin_mg_dl", 0.5),
  },
  rbc_survival_days: {
    yLabel: "Mean red-cell survival (days)",
    series: [{ column: "rbc_survival_days", colour: columnColour("rbc_survival_days"), label: "survival" }],
    yInclude: [0],
    shows: moves("rbc_survival_days", 0.15),
  },
  chr_pg: {
    yLabel: "Reticulocyte Hb, CHr (pg)",
    series: [{ column: "chr_pg", colour: columnColour("chr_pg"), label: "CHr" }],
    shows: moves("chr_pg", 0.08),
  },
};

const MAX_PANELS = 8;

/** The panels this run needs: the always-shown four, then the markers that move. */
export function markerColumns(data: RunData): string[] {
  const out: string[] = [];
  for (const [name, p] of Object.entries(MARKER_PANELS)) {
    // Older run directories may lack a column: leave its panel out.
    const needs = name === "retic_index" ? ["retic_pct", "hct_pct"] : [name];
    if (needs.some((c) => values(data, c).length === 0)) continue;
    if (!p.shows || p.shows(data)) out.push(name);
  }
  return out.slice(0, MAX_PANELS);
}

/** Figure data with the derived reticulocyte production index as a column. */
function withDerived(data: RunData): RunData {
  return {
    ...data,
    column: (c: string) => {
      if (c !== "retic_index") return data.column(c);
      const retic = data.column("retic_pct");
      const hct = data.column("hct_pct");
      return Float64Array.from({ length: retic.length }, (_, i) =>
        reticulocyteIndex(retic[i] as number, hct[i] as number),
      );
    },
  };
}

/**
 * The condition markers of a run; `columns` names trajectory columns (or
 * "retic_index") to draw instead of the automatic choice.
 */
export function markersFigure(data: RunData, columns?: readonly string[]): string {
  const chosen = columns && columns.length > 0 ? columns : markerColumns(data);
  const panels: GridPanel[] = chosen.map((c) => {
    const known = MARKER_PANELS[c];
    if (known) {
      const { shows: _shows, ...panel } = known;
      return panel;
    }
    return { yLabel: c, series: [{ column: c, colour: columnColour(c), label: c }] };
  });
  return timeGrid(
    withDerived(data),
    panels,
    `Condition markers: ${data.name}`,
    "Marrow drive and response, and the markers of this condition; shaded: reference ranges; dashed: thresholds.",
  );
}
