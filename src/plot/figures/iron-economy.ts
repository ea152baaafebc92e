/**
 * Figure 5: the iron economy at one day: compartments as discs whose area is
 * their iron, daily fluxes as arrows whose width is the flux, and the
 * ferroportin gates (enterocytes, macrophages, hepatocytes → plasma) shown
 * open or closed by the ferroportin hepcidin leaves on the cells.
 */
import type * as d3 from "d3";
import type { RunData } from "../data.js";
import type { IronEconomyRow } from "../iron-probe.js";
import { createFrame, type G, r2, serialize } from "../svg.js";
import { INK, MUTED, OKABE_ITO, TYPE, textWidthPx } from "../theme.js";

const WIDTH = 800;
const HEIGHT = 680;
/** Fluxes shown are means over this window around the day: the marrow's daily output is noisy. */
const FLUX_WINDOW_DAYS = 7;

interface Node {
  x: number;
  y: number;
  r: number;
}

/**
 * The pools on the sample nearest `day` (default: the last), with each flux
 * averaged over the samples within half a window of it.
 */
export function ironRowAt(rows: readonly IronEconomyRow[], day?: number): IronEconomyRow | undefined {
  if (rows.length === 0) return undefined;
  let best = rows[rows.length - 1] as IronEconomyRow;
  if (day !== undefined) for (const r of rows) if (Math.abs(r.day - day) < Math.abs(best.day - day)) best = r;
  const near = rows.filter((r) => Math.abs(r.day - best.day) <= FLUX_WINDOW_DAYS / 2 + 1e-9);
  const out = { ...best };
  for (const k of Object.keys(out) as (keyof IronEconomyRow)[]) {
    if (!k.endsWith("PerDay")) continue;
    const vals = near.map((r) => r[k]).filter(Number.isFinite);
    if (vals.length > 0) out[k] = vals.reduce((a, b) => a + b, 0) / vals.length;
  }
  return out;
}

/** Gate state from ferroportin: in health hepcidin leaves it about half open. */
export function gateState(ferroportin: number): "open" | "half open" | "closed" {
  return ferroportin >= 2 / 3 ? "open" : ferroportin >= 1 / 3 ? "half open" : "closed";
}

const GATE_COLOUR = { open: OKABE_ITO.bluishGreen, "half open": OKABE_ITO.orange, closed: OKABE_ITO.vermillion };

function mg(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  if (x >= 100) return String(Math.round(x));
  if (x >= 10) return x.toFixed(0);
  if (x >= 1) return x.toFixed(1);
  return x.toPrecision(2);
}

type Text = d3.Selection<SVGTextElement, unknown, null, undefined>;

/** A white outline behind text, so labels stay legible across arrows. */
function halo(t: Text): Text {
  return t
    .attr("stroke", "#ffffff")
    .attr("stroke-width", 4)
    .attr("paint-order", "stroke")
    .attr("stroke-linejoin", "round");
}

/** Arrow from the edge of `a` to the edge of `b`, width by flux, labelled with the flux. */
function arrow(
  g: G,
  a: Node,
  b: Node,
  fluxMgPerDay: number,
  options: { offset?: number; labelSide?: 1 | -1; gate?: number; colour?: string; name: string; prefix?: string },
): void {
  if (!Number.isFinite(fluxMgPerDay)) return;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  const ux = dx / len;
  const uy = dy / len;
  const px = -uy;
  const py = ux;
  const off = options.offset ?? 0;
  const sx = a.x + ux * (a.r + 6) + px * off;
  const sy = a.y + uy * (a.r + 6) + py * off;
  const ex = b.x - ux * (b.r + 6) + px * off;
  const ey = b.y - uy * (b.r + 6) + py * off;
  const tiny = fluxMgPerDay < 0.005;
  const w = tiny ? 1.2 : Math.min(18, 1.5 + fluxMgPerDay * 0.5);
  const head = 9 + w * 0.6;
  const colour = options.colour ?? "#4d4d4d";
  const group = g.append("g").attr("class", "flux").attr("data-flux", options.name);
  group
    .append("line")
    .attr("x1", r2(sx))
    .attr("y1", r2(sy))
    .attr("x2", r2(ex - ux * head * 0.9))
    .attr("y2", r2(ey - uy * head * 0.9))
    .attr("stroke", colour)
    .attr("stroke-width", r2(w))
    .attr("stroke-dasharray", tiny ? "4 3" : null);
  const hw = w / 2 + 5;
  group
    .append("path")
    .attr(
      "d",
      `M${r2(ex)},${r2(ey)}L${r2(ex - ux * head + px * hw)},${r2(ey - uy * head + py * hw)}L${r2(ex - ux * head - px * hw)},${r2(ey - uy * head - py * hw)}Z`,
    )
    .attr("fill", colour);
  const side = options.labelSide ?? 1;
  const text = `${options.prefix ?? ""}${tiny ? "≈0" : mg(fluxMgPerDay)} mg/d`;
  // Clear the arrow by half the label's extent across it (wide on vertical arrows).
  const clear = w / 2 + 6 + Math.abs(px) * (textWidthPx(text, TYPE.tick) / 2) + Math.abs(py) * 6;
  const mx = (sx + ex) / 2 + px * side * clear;
  const my = (sy + ey) / 2 + py * side * clear;
  halo(
    group
      .append("text")
      .attr("class", "flux-label")
      .attr("x", r2(mx))
      .attr("y", r2(my + 4))
      .attr("text-anchor", "middle")
      .attr("font-size", TYPE.tick)
      .text(text),
  );
  if (options.gate !== undefined) {
    // A wall across the arrow where it leaves the exporting cell, with an
    // opening that widens with ferroportin: wide enough for the arrow when open.
    const gx = sx + ux * 16;
    const gy = sy + uy * 16;
    const state = gateState(options.gate);
    const opening = 2 + (w + 10) * Math.max(0, Math.min(1, options.gate));
    const gate = g.append("g").attr("class", "gate").attr("data-state", state);
    for (const s of [-1, 1]) {
      const a = opening / 2;
      const b = opening / 2 + 12;
      const leaf = (stroke: string, width: number) =>
        gate
          .append("line")
          .attr("x1", r2(gx + px * s * a))
          .attr("y1", r2(gy + py * s * a))
          .attr("x2", r2(gx + px * s * b))
          .attr("y2", r2(gy + py * s * b))
          .attr("stroke", stroke)
          .attr("stroke-width", width)
          .attr("stroke-linecap", "round");
      leaf("#ffffff", 8);
      leaf(GATE_COLOUR[state], 5);
    }
  }
}

export function ironEconomyFigure(data: RunData, day?: number): string {
  const row = data.iron ? ironRowAt(data.iron, day) : undefined;
  const when = row ? `day ${Number(row.day.toPrecision(4))}` : "no iron data";
  const frame = createFrame(
    WIDTH,
    HEIGHT,
    `Iron economy on ${when}: ${data.name}`,
    "Disc area: iron in each compartment; arrow width: daily flux; bars: ferroportin gates, set by hepcidin.",
  );
  const root = frame.svg.append("g") as unknown as G;
  if (!row) {
    root
      .append("text")
      .attr("x", WIDTH / 2)
      .attr("y", HEIGHT / 2)
      .attr("text-anchor", "middle")
      .attr("font-size", TYPE.label)
      .text("This run directory has no iron-economy.csv: run the scenario again with erythron ≥ this version.");
    return serialize(frame);
  }
  const pools = [row.redCellMg, row.macrophageMg, row.hepatocyteMg, row.marrowMg, row.tissueMg, row.plasmaMg];
  const k = Math.min(1.9, 92 / Math.sqrt(Math.max(...pools, 1)));
  const radius = (m: number) => Math.max(5, k * Math.sqrt(Math.max(0, m)));
  const at = (x: number, y: number, m: number): Node => ({ x, y, r: radius(m) });
  const n = {
    enterocyte: at(170, 260, row.enterocyteMg),
    plasma: at(400, 260, row.plasmaMg),
    tissue: at(400, 130, row.tissueMg),
    marrow: at(680, 260, row.marrowMg),
    redCells: at(660, 480, row.redCellMg),
    macrophages: at(400, 480, row.macrophageMg),
    hepatocytes: at(170, 480, row.hepatocyteMg),
  };
  const ends = {
    diet: { x: 40, y: 260, r: 0 },
    shed: { x: 70, y: 370, r: 0 },
    basal: { x: 600, y: 130, r: 0 },
    bleeding: { x: 770, y: 330, r: 0 },
  };
  const g = root.append("g");

  const fpn = row.ferroportin;
  const flux = g.append("g").attr("class", "fluxes") as unknown as G;
  arrow(flux, ends.diet, n.enterocyte, row.gutUptakeMgPerDay, { name: "gut uptake", labelSide: -1 });
  arrow(flux, n.enterocyte, n.plasma, row.enterocyteToPlasmaMgPerDay, { name: "absorption", gate: fpn, labelSide: -1 });
  arrow(flux, n.enterocyte, ends.shed, row.enterocyteShedMgPerDay, { name: "shed", labelSide: 1 });
  arrow(flux, n.plasma, n.marrow, row.plasmaToMarrowMgPerDay, {
    name: "marrow uptake",
    colour: OKABE_ITO.blue,
    labelSide: 1,
  });
  arrow(flux, n.marrow, n.redCells, row.marrowToRedCellMgPerDay, {
    name: "red-cell release",
    colour: OKABE_ITO.vermillion,
    labelSide: 1,
  });
  arrow(flux, n.redCells, n.macrophages, row.redCellToMacrophageMgPerDay, {
    name: "red-cell clearance",
    colour: OKABE_ITO.vermillion,
  });
  arrow(flux, n.macrophages, n.plasma, row.macrophageToPlasmaMgPerDay, {
    name: "recycling",
    gate: fpn,
    colour: OKABE_ITO.blue,
    labelSide: -1,
  });
  arrow(flux, n.plasma, n.hepatocytes, row.plasmaToHepatocyteMgPerDay, {
    name: "hepatocyte uptake",
    offset: 9,
    labelSide: 1,
    prefix: "uptake ",
  });
  arrow(flux, n.hepatocytes, n.plasma, row.hepatocyteToPlasmaMgPerDay, {
    name: "hepatocyte export",
    gate: fpn,
    offset: 9,
    labelSide: 1,
    prefix: "export ",
  });
  arrow(flux, n.plasma, n.tissue, row.plasmaToTissueMgPerDay, { name: "tissue uptake", labelSide: -1 });
  arrow(flux, n.tissue, ends.basal, row.basalLossMgPerDay, { name: "basal loss", labelSide: -1 });
  if (row.bleedingMgPerDay > 0.005)
    arrow(flux, n.redCells, ends.bleeding, row.bleedingMgPerDay, {
      name: "bleeding",
      colour: OKABE_ITO.vermillion,
      labelSide: -1,
    });

  const discs = g.append("g").attr("class", "compartments");
  type Place = "above" | "below" | "left" | "upper-right";
  const label = (node: Node, name: string, m: number, place: Place, colour = "#c9c9c9") => {
    discs
      .append("circle")
      .attr("class", "compartment")
      .attr("data-name", name)
      .attr("cx", node.x)
      .attr("cy", node.y)
      .attr("r", r2(node.r))
      .attr("fill", colour)
      .attr("stroke", INK)
      .attr("stroke-width", 1.2);
    const pos = {
      above: { x: node.x, y: node.y - node.r - 24, anchor: "middle" },
      below: { x: node.x, y: node.y + node.r + 18, anchor: "middle" },
      left: { x: node.x - node.r - 10, y: node.y - 4, anchor: "end" },
      "upper-right": { x: node.x + node.r + 8, y: node.y - node.r - 28, anchor: "start" },
    }[place];
    const ty = pos.y;
    halo(
      discs
        .append("text")
        .attr("x", r2(pos.x))
        .attr("y", r2(ty))
        .attr("text-anchor", pos.anchor)
        .attr("font-size", TYPE.label)
        .attr("font-weight", "bold")
        .text(name),
    );
    halo(
      discs
        .append("text")
        .attr("x", r2(pos.x))
        .attr("y", r2(ty + 16))
        .attr("text-anchor", pos.anchor)
        .attr("font-size", TYPE.tick)
        .text(`${mg(m)} mg`),
    );
  };
  label(n.enterocyte, "enterocytes", row.enterocyteMg, "above");
  label(n.plasma, "plasma (transferrin)", row.plasmaMg, "upper-right", "#f6c88f");
  label(n.tissue, "tissue (myoglobin, enzymes)", row.tissueMg, "left");
  label(n.marrow, "marrow (erythroblasts)", row.marrowMg, "above", "#f2b8a0");
  label(n.redCells, "red cells (hemoglobin)", row.redCellMg, "below", "#e8836a");
  label(n.macrophages, "macrophages", row.macrophageMg, "below", "#b7cfe6");
  label(n.hepatocytes, "hepatocytes", row.hepatocyteMg, "below", "#c7dcc0");

  const endLabel = (p: { x: number; y: number }, text: string, anchor: string, dy: number) =>
    halo(
      g
        .append("text")
        .attr("x", p.x)
        .attr("y", p.y + dy)
        .attr("text-anchor", anchor)
        .attr("font-size", TYPE.small)
        .attr("fill", MUTED)
        .text(text),
    );
  endLabel(ends.diet, "diet", "start", -24);
  endLabel(ends.shed, "shed with enterocytes", "start", 18);
  endLabel(ends.basal, "basal losses (skin, gut)", "start", 4);
  if (row.bleedingMgPerDay > 0.005) endLabel(ends.bleeding, "blood loss", "end", -10);

  // Gate legend.
  const state = gateState(fpn);
  const legendY = HEIGHT - 56;
  const lg = root.append("g").attr("class", "gate-legend").attr("transform", `translate(20,${legendY})`);
  lg.append("line")
    .attr("x1", 0)
    .attr("x2", 12)
    .attr("y1", -4)
    .attr("y2", -4)
    .attr("stroke", GATE_COLOUR[state])
    .attr("stroke-width", 6)
    .attr("stroke-linecap", "round");
  lg.append("text")
    .attr("x", 22)
    .attr("y", 1)
    .attr("font-size", TYPE.small)
    .text(
      `Ferroportin gates (bars on the export arrows) ${state}: ${Math.round(fpn * 100)} % of full export; hepcidin closes them. Fluxes: ${FLUX_WINDOW_DAYS}-day means.`,
    );
  return serialize(frame);
}
