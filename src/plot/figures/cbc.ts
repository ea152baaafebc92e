/** Figure 1: the blood count over time, with reference bands and the scenario's events. */
import type { RunData } from "../data.js";
import { OKABE_ITO } from "../theme.js";
import { timeGrid } from "./time-grid.js";

export function cbcFigure(data: RunData): string {
  return timeGrid(
    data,
    [
      { yLabel: "Hemoglobin (g/dL)", series: [{ column: "hb_g_dl", colour: OKABE_ITO.vermillion, label: "Hb" }] },
      { yLabel: "MCV (fL)", series: [{ column: "mcv_fl", colour: OKABE_ITO.blue, label: "MCV" }] },
      { yLabel: "RDW-CV (%)", series: [{ column: "rdw_cv_pct", colour: OKABE_ITO.reddishPurple, label: "RDW" }] },
      {
        yLabel: "Reticulocytes (% of red cells)",
        series: [{ column: "retic_pct", colour: OKABE_ITO.bluishGreen, label: "reticulocytes" }],
        yInclude: [0],
      },
    ],
    `Blood count: ${data.name}`,
    data.events.length > 0
      ? "Hb, MCV, RDW and reticulocytes; shaded: healthy reference range; rules and bars: the scenario's events."
      : "Hb, MCV, RDW and reticulocytes; shaded: healthy reference range; this scenario has no events.",
  );
}
