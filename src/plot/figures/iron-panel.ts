/** Figure 2: the iron panel over time: ferritin (log), serum iron with TIBC, TSAT, hepcidin. */
import type { RunData } from "../data.js";
import { OKABE_ITO } from "../theme.js";
import { timeGrid } from "./time-grid.js";

export function ironPanelFigure(data: RunData): string {
  return timeGrid(
    data,
    [
      {
        yLabel: "Ferritin (ng/mL, log scale)",
        series: [{ column: "ferritin_ng_ml", colour: OKABE_ITO.vermillion, label: "ferritin" }],
        log: true,
      },
      {
        yLabel: "Serum iron and TIBC (µg/dL)",
        series: [
          { column: "serum_iron_ug_dl", colour: OKABE_ITO.blue, label: "serum iron" },
          { column: "tibc_ug_dl", colour: OKABE_ITO.orange, label: "TIBC", dash: "6 3" },
        ],
        bands: ["serum_iron_ug_dl", "tibc_ug_dl"],
        yInclude: [0],
      },
      {
        yLabel: "Transferrin saturation (%)",
        series: [{ column: "tsat_pct", colour: OKABE_ITO.bluishGreen, label: "TSAT" }],
        yInclude: [0],
      },
      {
        yLabel: "Hepcidin-25 (ng/mL)",
        series: [{ column: "hepcidin_ng_ml", colour: OKABE_ITO.reddishPurple, label: "hepcidin" }],
        yInclude: [0],
      },
    ],
    `Iron panel: ${data.name}`,
    "Ferritin (stores), serum iron, TIBC and saturation (transport), hepcidin; shaded: reference ranges.",
    [
      { label: "serum iron", colour: OKABE_ITO.blue, kind: "line" },
      { label: "TIBC", colour: OKABE_ITO.orange, kind: "dashed" },
    ],
  );
}
