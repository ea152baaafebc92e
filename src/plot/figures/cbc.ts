/** Figure 1: the blood count over time, with reference bands and the scenario's events. */
import type { RunData } from "../data.js";
import { ANEMIA_HB_G_DL, ANEMIA_PREGNANCY_HB_G_DL, anemiaThreshold, columnColour } from "../theme.js";
import { timeGrid } from "./time-grid.js";

export function cbcFigure(data: RunData): string {
  return timeGrid(
    data,
    [
      {
        yLabel: "Hemoglobin (g/dL)",
        series: [{ column: "hb_g_dl", colour: columnColour("hb_g_dl"), label: "Hb" }],
        // The definition of anemia (WHO), below the laboratory range the band shows.
        thresholds: [
          ...(data.events.some((e) => e.kind === "pregnancy")
            ? [{ value: ANEMIA_PREGNANCY_HB_G_DL, label: `anemia in pregnancy < ${ANEMIA_PREGNANCY_HB_G_DL} (WHO)` }]
            : []),
          {
            value: anemiaThreshold(data.sex, data.ageYears),
            label: data.sex
              ? `anemia < ${anemiaThreshold(data.sex, data.ageYears)} (WHO${data.ageYears !== undefined && data.ageYears < 15 ? ", by age" : ""})`
              : `anemia < ${ANEMIA_HB_G_DL.female} women, ${ANEMIA_HB_G_DL.male} men (WHO)`,
          },
        ],
      },
      { yLabel: "MCV (fL)", series: [{ column: "mcv_fl", colour: columnColour("mcv_fl"), label: "MCV" }] },
      { yLabel: "RDW-CV (%)", series: [{ column: "rdw_cv_pct", colour: columnColour("rdw_cv_pct"), label: "RDW" }] },
      {
        yLabel: "Reticulocytes (% of red cells)",
        series: [{ column: "retic_pct", colour: columnColour("retic_pct"), label: "reticulocytes" }],
        yInclude: [0],
      },
    ],
    `Blood count: ${data.name}`,
    data.events.length > 0
      ? "Hb, MCV, RDW, reticulocytes; shaded: reference range; dashed: anemia (WHO); rules, bars: events."
      : "Hb, MCV, RDW, reticulocytes; shaded: reference range; dashed: anemia (WHO); no events.",
  );
}
