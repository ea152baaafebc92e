/**
 * Figure 5: the iron economy at one day: compartments as discs whose area is
 * their iron, daily fluxes as arrows whose width is the flux, and the
 * ferroportin gates (enterocytes, macrophages, hepatocytes → plasma) shown
 * open or closed by the ferroportin hepcidin leaves on the cells.
 */
import type * as d3 from "d3";
import type { RunData } from "../data.js";
import { IRON_POOL_COLUMNS, type IronEconomyRow } from "../iron-probe.js";
import { createFrame, type G, r2, serialize } from "../svg.js";
import { INK, MUTED, OKABE_ITO, TYPE, textWidthPx } from "../theme.js";

const WIDTH = 800;
const HEIGHT = 720;
/** Fluxes shown are means over this window up to the day: the marrow's daily output is noisy. */
export const FLUX_WINDOW_DAYS = 7;

interface Node {
  x: number;
  y: number;
  r: number;
}

const POOLS = IRON_POOL_COLUMNS;
export type PoolName = (typeof POOLS)[number];

/** The pools on one day with every flux averaged over the window that ends there. */
export interface IronWindow extends IronEconomyRow {
  /** The averaging window, days: it ends at `day` (at the next sample for the first). */
  fromDay: number;
  toDay: number;
  /** Each pool's own change over the window, mg/day: inflows − outflows. */
  change: Record<PoolName, number>;
}

/**
 * The pools on the sample nearest `day` (default: the last), with each flux
 * averaged over the samples of the FLUX_WINDOW_DAYS up to it (at least one
 * sample interval). The rows' fluxes are interval means from running totals,
 * so the interval-weighted mean is the exact mean over the window and the
 * flows of each pool balance up to its change.
 */
export function ironRowAt(rows: readonly IronEconomyRow[], day?: number): IronWindow | undefined {
  if (rows.length === 0) return undefined;
  let end = rows.length - 1;
  if (day !== undefined)
    rows.forEach((r, i) => {
      if (Math.abs(r.day - day) < Math.abs((rows[end] as IronEconomyRow).day - day)) end = i;
    });
  const shown = rows[end] as IronEconomyRow;
  // The first row has no interval before it (its fluxes are borrowed from the second).
  const last = end === 0 ? Math.min(1, rows.length - 1) : end;
  const dayOf = (i: number) => (rows[i] as IronEconomyRow).day;
  let start = last;
  while (start > 0 && dayOf(last) - dayOf(start - 1) <= FLUX_WINDOW_DAYS + 1e-9) start--;
  if (start === last && last > 0) start = last - 1;
  const out = { ...shown } as IronWindow;
  const width = dayOf(last) - dayOf(start);
  out.fromDay = dayOf(start);
  out.toDay = dayOf(last);
  if (width > 0) {
    for (const k of Object.keys(shown) as (keyof IronEconomyRow)[]) {
      if (!k.endsWith("PerDay")) continue;
      let sum = 0;
      for (let i = start + 1; i <= last; i++) sum += (rows[i] as IronEconomyRow)[k] * (dayOf(i) - dayOf(i - 1));
      out[k] = sum / width;
    }
  }
  const change = {} as Record<PoolName, number>;
  for (const p of POOLS)
    change[p] = width > 0 ? ((rows[last] as IronEconomyRow)[p] - (rows[start] as IronEconomyRow)[p]) / width : 0;
  out.change = change;
  return out;
}

/** Each pool's inflows and outflows in a window, mg/day: what the arrows of the figure carry. */
export function ironFlows(w: IronEconomyRow): Record<PoolName, { in: number; out: number }> {
  const z = (x: number) => (Number.isFinite(x) ? x : 0);
  const redCellBleeding = z(w.bleedingMgPerDay) - z(w.plasmaBleedingMgPerDay);
  return {
    enterocyteMg: { in: z(w.gutUptakeMgPerDay), out: z(w.enterocyteToPlasmaMgPerDay) + z(w.enterocyteShedMgPerDay) },
    plasmaMg: {
      in: z(w.enterocyteToPlasmaMgPerDay) + z(w.macrophageToPlasmaMgPerDay) + z(w.hepatocyteToPlasmaMgPerDay),
      out:
        z(w.plasmaToMarrowMgPerDay) +
        z(w.plasmaToHepatocyteMgPerDay) +
        z(w.plasmaToTissueMgPerDay) +
        z(w.plasmaBleedingMgPerDay) +
        z(w.plasmaToFetusMgPerDay),
    },
    marrowMg: {
      in: z(w.plasmaToMarrowMgPerDay),
      out: z(w.marrowToRedCellMgPerDay) + z(w.marrowToMacrophageMgPerDay),
    },
    // Storage-damaged transfused cells join the red cells and are cleared by macrophages at once:
    // drawn as part of the transfusion and of the clearance arrows.
    redCellMg: {
      in: z(w.marrowToRedCellMgPerDay) + z(w.transfusionToRedCellMgPerDay) + z(w.transfusionToMacrophageMgPerDay),
      out:
        z(w.redCellToMacrophageMgPerDay) +
        z(w.transfusionToMacrophageMgPerDay) +
        redCellBleeding +
        z(w.redCellToHepatocyteMgPerDay) +
        z(w.urineLossMgPerDay),
    },
    macrophageMg: {
      in:
        z(w.redCellToMacrophageMgPerDay) +
        z(w.transfusionToMacrophageMgPerDay) +
        z(w.marrowToMacrophageMgPerDay) +
        z(w.ivIronToMacrophageMgPerDay),
      out: z(w.macrophageToPlasmaMgPerDay),
    },
    hepatocyteMg: {
      in: z(w.plasmaToHepatocyteMgPerDay) + z(w.redCellToHepatocyteMgPerDay),
      out: z(w.hepatocyteToPlasmaMgPerDay),
    },
    tissueMg: { in: z(w.plasmaToTissueMgPerDay), out: z(w.basalLossMgPerDay) },
  };
}

/** Gate state from ferroportin: in health hepcidin leaves it about half open. */
export function gateState(ferroportin: number): "open" | "half open" | "closed" {
  return ferroportin >= 2 / 3 ? "open" : ferroportin >= 1 / 3 ? "half open" : "closed";
}

const GATE_COLOUR = { open: OKABE_ITO.bluishGreen, "half open": OKABE_ITO.orange, closed: OKABE_ITO.vermillion };

function dayText(d: number): string {
  return String(Number(d.toPrecision(4)));
}

function mg(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  // One decimal from 1 to 100, so each disc's inflows and outflows add up as printed.
  if (x >= 100) return String(Math.round(x));
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
  options: {
    offset?: number;
    labelSide?: 1 | -1;
    gate?: number;
    colour?: string;
    name: string;
    prefix?: string;
    /** The amount is written at the arrow's end instead (crowded corners). */
    unlabelled?: boolean;
  },
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
  if (!options.unlabelled)
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
  const when = row ? `day ${dayText(row.day)}` : "no iron data";
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
    bleeding: { x: 790, y: 350, r: 0 },
    iv: { x: 270, y: 445, r: 0 },
    transfusion: { x: 785, y: 630, r: 0 },
  };
  const g = root.append("g");

  const fpn = row.ferroportin;
  const flux = g.append("g").attr("class", "fluxes") as unknown as G;
  // The uptake is written under the arrow, by "diet": above it is the enterocytes' label.
  arrow(flux, ends.diet, n.enterocyte, row.gutUptakeMgPerDay, { name: "gut uptake", unlabelled: true });
  arrow(flux, n.enterocyte, n.plasma, row.enterocyteToPlasmaMgPerDay, { name: "absorption", gate: fpn, labelSide: -1 });
  arrow(flux, n.enterocyte, ends.shed, row.enterocyteShedMgPerDay, { name: "shed", labelSide: -1 });
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
  const z = (x: number) => (Number.isFinite(x) ? x : 0);
  const damaged = z(row.transfusionToMacrophageMgPerDay);
  const transfused = z(row.transfusionToRedCellMgPerDay) + damaged;
  arrow(flux, n.redCells, n.macrophages, row.redCellToMacrophageMgPerDay + damaged, {
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
  arrow(flux, n.marrow, n.macrophages, row.marrowToMacrophageMgPerDay, {
    name: "ineffective erythropoiesis",
    colour: OKABE_ITO.reddishPurple,
    labelSide: 1,
    prefix: "ineffective ",
  });
  const plasmaBled = Number.isFinite(row.plasmaBleedingMgPerDay) ? row.plasmaBleedingMgPerDay : 0;
  const bled = row.bleedingMgPerDay - plasmaBled;
  if (bled > 0.005)
    arrow(flux, n.redCells, ends.bleeding, bled, {
      name: "bleeding",
      colour: OKABE_ITO.vermillion,
      unlabelled: true,
    });
  if (row.ivIronToMacrophageMgPerDay > 0.005)
    arrow(flux, ends.iv, n.macrophages, row.ivIronToMacrophageMgPerDay, { name: "IV iron", labelSide: 1 });
  if (transfused > 0.005)
    arrow(flux, ends.transfusion, n.redCells, transfused, {
      name: "transfusion",
      colour: OKABE_ITO.vermillion,
      unlabelled: true,
    });

  const discs = g.append("g").attr("class", "compartments");
  type Place = "above" | "below" | "left" | "upper-right";
  const label = (node: Node, name: string, pool: PoolName, place: Place, colour = "#c9c9c9") => {
    const m = row[pool];
    const d = row.change[pool];
    // A pool's own change, when it shows at the precision of the arrows.
    const delta = Math.abs(d) >= 0.05 ? `${d > 0 ? "gaining" : "losing"} ${mg(Math.abs(d))} mg/d` : "";
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
    const ty = pos.y - (delta && (place === "above" || place === "upper-right") ? 16 : 0);
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
    if (delta)
      halo(
        discs
          .append("text")
          .attr("class", "pool-change")
          .attr("x", r2(pos.x))
          .attr("y", r2(ty + 32))
          .attr("text-anchor", pos.anchor)
          .attr("font-size", TYPE.small)
          .attr("fill", MUTED)
          .text(delta),
      );
  };
  label(n.enterocyte, "enterocytes", "enterocyteMg", "above");
  label(n.plasma, "plasma (transferrin)", "plasmaMg", "upper-right", "#f6c88f");
  label(n.tissue, "tissue (myoglobin, enzymes)", "tissueMg", "left");
  label(n.marrow, "marrow (erythroblasts)", "marrowMg", "above", "#f2b8a0");
  label(n.redCells, "red cells (hemoglobin)", "redCellMg", "below", "#e8836a");
  label(n.macrophages, "macrophages", "macrophageMg", "below", "#b7cfe6");
  label(n.hepatocytes, "hepatocytes", "hepatocyteMg", "below", "#c7dcc0");

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
  endLabel(ends.diet, "diet, taken up:", "start", 22);
  if (Number.isFinite(row.gutUptakeMgPerDay))
    endLabel(ends.diet, `${mg(row.gutUptakeMgPerDay)} mg/d`, "start", 36)
      .attr("class", "flux-label")
      .attr("fill", INK);
  endLabel(ends.shed, "shed with enterocytes", "start", 18);
  endLabel(ends.basal, "basal losses (skin, gut)", "start", 4);
  if (bled > 0.005) {
    // The plasma's share of the blood lost is small (its iron is ~0.1 % of the blood's): written, not drawn.
    endLabel(ends.bleeding, "blood loss", "end", -10).attr("class", "flux-label");
    endLabel(ends.bleeding, `${mg(bled)} mg/d`, "end", -24)
      .attr("class", "flux-label")
      .attr("fill", INK);
    if (plasmaBled > 0.005) endLabel(ends.bleeding, `+${mg(plasmaBled)} plasma`, "end", -38);
  }
  if (row.ivIronToMacrophageMgPerDay > 0.005) endLabel(ends.iv, "IV iron", "end", 4);
  if (transfused > 0.005) {
    endLabel(ends.transfusion, "transfusion", "end", 16);
    endLabel(ends.transfusion, `${mg(transfused)} mg/d`, "end", 30)
      .attr("class", "flux-label")
      .attr("fill", INK);
  }

  // Gate legend.
  const state = gateState(fpn);
  const legendY = HEIGHT - 76;
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
      `Ferroportin gates (bars on the export arrows) ${state}: ${Math.round(fpn * 100)} % of full export; hepcidin closes them.`,
    );
  root
    .append("text")
    .attr("class", "window-note")
    .attr("x", 20)
    .attr("y", legendY + 20)
    .attr("font-size", TYPE.small)
    .text(
      `Fluxes: means over days ${dayText(row.fromDay)}–${dayText(row.toDay)}; inflows = outflows + what a pool is gaining (or − losing).`,
    );
  root
    .append("text")
    .attr("x", 20)
    .attr("y", legendY + 38)
    .attr("font-size", TYPE.small)
    .text("Ineffective: iron of erythroblasts dying in the marrow and of extruded nuclei, taken up by macrophages.");
  return serialize(frame);
}
