/**
 * What the notebooks share: running erythron in Web Workers, reference
 * ranges, a colour-blind-safe palette and a few chart builders on Observable
 * Plot. Every library comes from npm through the bundler; nothing loads from a
 * CDN at run time.
 */
import "@observablehq/inputs/dist/index.css";
import * as Plot from "@observablehq/plot";
import { ANEMIA_HB_G_DL, anemiaThreshold, type Range, REFERENCE, THRESHOLDS } from "../../src/plot/theme.js";
import type { FitRequest, FitResponse, FitResult, SimRequest, SimResponse, SimResult } from "./protocol.js";

export type { FitRequest, FitResult, ScenarioEdit, SimHistogram, SimRequest, SimResult } from "./protocol.js";
export { replaceOnce, SCENARIOS } from "./scenarios.js";

// ── Running ────────────────────────────────────────────────────────────────

function startWorker(): Worker {
  return new Worker(new URL("./sim.worker.ts", import.meta.url), { type: "module", name: "erythron" });
}

/**
 * One simulation in a fresh worker. Pass the cell's `invalidation` promise: when
 * the reader moves a slider before the run ends, the old worker is stopped.
 */
export function simulateInWorker(request: SimRequest, invalidation?: Promise<unknown>): Promise<SimResult> {
  return simulateMany([request], invalidation).then((results) => results[0] as SimResult);
}

/**
 * Simulations running in this page now (the browser test waits for 0 before it
 * compares charts), shown to the reader as a "computing…" note: a chart can
 * take 10–45 s to appear.
 */
function setBusy(delta: number): void {
  const g = globalThis as { erythronBusy?: number };
  g.erythronBusy = (g.erythronBusy ?? 0) + delta;
  showBusy(g.erythronBusy);
}

function showBusy(count: number): void {
  if (typeof document === "undefined") return;
  let note = document.getElementById("erythron-busy");
  if (!note) {
    note = document.createElement("div");
    note.id = "erythron-busy";
    note.setAttribute("role", "status");
    note.setAttribute("aria-live", "polite");
    note.style.cssText =
      "position:fixed;top:12px;right:12px;z-index:1000;padding:8px 14px;border-radius:6px;" +
      "background:#fff8e1;border:1px solid #E69F00;font:600 14px var(--sans-serif,sans-serif);" +
      "box-shadow:0 2px 6px rgba(0,0,0,.15)";
    document.body.appendChild(note);
  }
  note.textContent = "computing… the simulated body is living its days (charts appear in 10–45 s)";
  note.hidden = count <= 0;
}

/** Several simulations, at most `concurrency` at a time (default: cores, 2 to 4), results in input order. */
export function simulateMany(
  requests: readonly SimRequest[],
  invalidation?: Promise<unknown>,
  concurrency = Math.min(4, Math.max(2, globalThis.navigator?.hardwareConcurrency ?? 2)),
): Promise<SimResult[]> {
  const results: SimResult[] = new Array(requests.length);
  const workers: Worker[] = [];
  let next = 0;
  let stopped = false;
  setBusy(1);
  const stopAll = () => {
    if (stopped) return;
    stopped = true;
    setBusy(-1);
    for (const w of workers) w.terminate();
  };
  invalidation?.then(stopAll);
  return new Promise<SimResult[]>((resolve, reject) => {
    let running = 0;
    const launch = (worker: Worker) => {
      if (stopped) return;
      if (next >= requests.length) {
        worker.terminate();
        if (running === 0) {
          stopAll();
          resolve(results);
        }
        return;
      }
      const index = next++;
      running++;
      worker.onmessage = (event: MessageEvent<SimResponse>) => {
        running--;
        const data = event.data;
        if (!data.ok) {
          stopAll();
          reject(new Error(`${requests[index]?.fileName}: ${data.error}`));
          return;
        }
        results[index] = data.result;
        launch(worker);
      };
      worker.onerror = (event) => {
        stopAll();
        reject(new Error(`simulation worker failed: ${event.message}`));
      };
      worker.postMessage(requests[index]);
    };
    const n = Math.max(1, Math.min(concurrency, requests.length));
    for (let k = 0; k < n; k++) {
      const w = startWorker();
      workers.push(w);
      launch(w);
    }
  });
}

/**
 * Fit a chronic-bleed rate to measured labs in a worker (fit.worker.ts: the estimation of
 * `erythron fit`); counted as a running simulation for the "computing…" note.
 */
export function fitInWorker(request: FitRequest, invalidation?: Promise<unknown>): Promise<FitResult> {
  const worker = new Worker(new URL("./fit.worker.ts", import.meta.url), { type: "module", name: "erythron-fit" });
  let done = false;
  setBusy(1);
  const finish = () => {
    if (done) return;
    done = true;
    setBusy(-1);
    worker.terminate();
  };
  invalidation?.then(finish);
  return new Promise<FitResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FitResponse>) => {
      finish();
      if (event.data.ok) resolve(event.data.result);
      else reject(new Error(`fit: ${event.data.error}`));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`fit worker failed: ${event.message}`));
    };
    worker.postMessage(request);
  });
}

// ── Look ───────────────────────────────────────────────────────────────────

/** Okabe & Ito (2008): distinguishable with every common colour-vision deficiency. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"] as const;
/** Reference bands: light grey-green that reads as "normal". */
export const BAND_FILL = "#dcefe6";

// Reference ranges and thresholds: the one table the static figures and `validate` use
// (src/labs/reference-ranges.ts, docs/physiology.md §1).
export { ANEMIA_HB_G_DL, anemiaThreshold, type Range, REFERENCE, THRESHOLDS };

/** Axis labels with units, by trajectory column. */
export const LABELS: Record<string, string> = {
  day: "Time (days)",
  hb_g_dl: "Hemoglobin (g/dL)",
  hct_pct: "Hematocrit (%)",
  mcv_fl: "MCV (fL)",
  mch_pg: "MCH (pg)",
  mchc_g_dl: "MCHC (g/dL)",
  rdw_cv_pct: "RDW-CV (%)",
  retic_pct: "Reticulocytes (%)",
  chr_pg: "CHr (pg)",
  serum_iron_ug_dl: "Serum iron (µg/dL)",
  tibc_ug_dl: "TIBC (µg/dL)",
  tsat_pct: "Transferrin saturation (%)",
  ferritin_ng_ml: "Ferritin (ng/mL)",
  hepcidin_ng_ml: "Hepcidin (ng/mL)",
  epo_mu_ml: "EPO (mU/mL)",
  stfr_mg_l: "sTfR (mg/L)",
  zpp_umol_mol: "ZPP (µmol/mol heme)",
  ring_sideroblast_pct: "Ring sideroblasts (% of erythroblasts)",
  blood_lead_ug_dl: "Blood lead (µg/dL)",
  il6_pg_ml: "IL-6 (pg/mL)",
  storage_iron_mg: "Storage iron (mg)",
  body_iron_mg: "Body iron (mg)",
};

// ── Charts ─────────────────────────────────────────────────────────────────

export interface Series {
  /** Legend name of the run. */
  label: string;
  result: SimResult;
}

export interface TimeChartOptions {
  column: string;
  /** Shade this range (default: the column's reference range for the first run's sex). */
  band?: Range | null;
  /** Horizontal lines with labels, e.g. a diagnostic threshold. */
  thresholds?: { value: number; label: string }[];
  /** Vertical lines with labels, e.g. when an event happens. */
  marks?: { day: number; label: string }[];
  log?: boolean;
  width?: number;
  height?: number;
  title?: string;
  yDomain?: [number, number];
  colors?: readonly string[];
  /** Show a colour legend (default when there are several runs). */
  legend?: boolean;
  /** Draw a centred moving mean over this many samples, the raw series faint behind it. */
  smooth?: number;
  /** When every run's series is flat, show this sentence instead of an empty chart. */
  ifFlat?: string;
  /** Legend text of the band (default "reference range"). */
  bandLabel?: string;
}

/** 1-2-5 ticks within [lo, hi], thinned to whole decades when there would be more than six. */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  if (!(lo > 0 && hi > lo)) return out;
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** e).toPrecision(6));
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
    }
  if (out.length <= 6) return out;
  const decades = out.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  return decades.length >= 2 ? decades : out.filter((_, i) => i % 2 === 0);
}

interface Row {
  day: number;
  value: number;
  run: string;
}

function rowsOf(series: readonly Series[], column: string): Row[] {
  const rows: Row[] = [];
  for (const s of series) {
    const day = s.result.columns.day;
    const v = s.result.columns[column];
    if (!day || !v) throw new Error(`run "${s.label}" has no column ${column}`);
    for (let i = 0; i < v.length; i++) rows.push({ day: day[i] as number, value: v[i] as number, run: s.label });
  }
  return rows;
}

/** One lab over time, one line per run, reference band shaded. */
export function timeChart(series: readonly Series[], o: TimeChartOptions): SVGSVGElement | HTMLElement {
  const rows = rowsOf(series, o.column);
  const first = series[0]?.result;
  const band = o.band === undefined ? (first ? REFERENCE[o.column]?.[first.sex] : undefined) : o.band;
  const xMax = Math.max(...series.map((s) => s.result.durationDays));
  const colors = o.colors ?? PALETTE;
  const marks: Plot.Markish[] = [];
  if (band) {
    marks.push(Plot.rectY([band], { x1: 0, x2: xMax, y1: "low", y2: "high", fill: BAND_FILL, fillOpacity: 0.9 }));
    // Inside the band at its lower right, clear of the event labels along the top.
    marks.push(
      Plot.text([band], {
        x: xMax,
        y: "low",
        text: () => o.bandLabel ?? "reference range",
        textAnchor: "end",
        dy: -7,
        dx: -4,
        fill: "#3b6e57",
        fontSize: 10,
      }),
    );
  }
  for (const t of o.thresholds ?? []) {
    marks.push(Plot.ruleY([t.value], { stroke: "#777", strokeDasharray: "4,3" }));
    marks.push(
      Plot.text([t], {
        x: 0,
        y: "value",
        text: "label",
        textAnchor: "start",
        dy: -6,
        dx: 4,
        fill: "#555",
        fontSize: 10,
      }),
    );
  }
  // Event labels along the top, on two staggered rows so neighbours do not overprint.
  (o.marks ?? []).forEach((m, k) => {
    marks.push(Plot.ruleX([m.day], { stroke: "#999", strokeDasharray: "2,3" }));
    marks.push(
      Plot.text([m], {
        x: "day",
        frameAnchor: "top",
        text: "label",
        textAnchor: "start",
        dx: 3,
        dy: k % 2 === 0 ? -14 : -2,
        fill: "#555",
        fontSize: 10,
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    );
  });
  if (o.smooth) {
    marks.push(Plot.line(rows, { x: "day", y: "value", stroke: "run", strokeWidth: 1, strokeOpacity: 0.3 }));
    marks.push(
      Plot.line(
        rows,
        Plot.windowY(
          { k: o.smooth, anchor: "middle", reduce: "mean" },
          { x: "day", y: "value", stroke: "run", strokeWidth: 2 },
        ),
      ),
    );
  } else {
    marks.push(Plot.line(rows, { x: "day", y: "value", stroke: "run", strokeWidth: 1.8 }));
  }
  const several = series.length > 1;
  const finite = rows.map((r) => r.value).filter(Number.isFinite);
  const lo = finite.length > 0 ? Math.min(...finite) : 0;
  const hi = finite.length > 0 ? Math.max(...finite) : 1;
  const flat = hi - lo < 1e-3 * Math.max(1, Math.abs(hi));
  if (flat && o.ifFlat) {
    const note = document.createElement("div");
    note.className = "erythron-flat";
    note.style.cssText = `width:${o.width ?? 640}px;min-height:${Math.round((o.height ?? 220) / 2)}px;font-size:13px;color:#555`;
    note.textContent = o.ifFlat;
    return note;
  }
  // A flat series (IL-6 at baseline) would give a degenerate axis: start it at 0.
  let yDomain = o.yDomain;
  if (!yDomain && !o.log && flat && rows.length > 0) yDomain = [0, Math.max(1, 2 * hi)];
  const logDomain = (): [number, number] => {
    const pos = finite.filter((v) => v > 0);
    if (band) pos.push(band.low > 0 ? band.low : band.high, band.high);
    for (const t of o.thresholds ?? []) if (t.value > 0) pos.push(t.value);
    return [Math.min(...pos) / 1.3, Math.max(...pos) * 1.3];
  };
  const logD = o.log ? (yDomain ?? logDomain()) : undefined;
  return Plot.plot({
    width: o.width ?? 640,
    height: o.height ?? 220,
    marginLeft: 56,
    marginBottom: 40,
    marginTop: o.marks?.length ? 34 : 16,
    style: { fontSize: "12px" },
    ...(o.title ? { title: o.title } : {}),
    x: { label: LABELS.day, domain: [0, xMax], grid: true },
    y: {
      label: LABELS[o.column] ?? o.column,
      type: o.log ? "log" : "linear",
      grid: true,
      ...(yDomain ? { domain: yDomain } : logD ? { domain: logD } : {}),
      // A few 1-2-5 ticks on log axes: Plot's default labels every step and crowds them.
      ...(logD ? { ticks: logTicks(logD[0], logD[1]), tickFormat: "~g" } : {}),
    },
    color: {
      domain: series.map((s) => s.label),
      range: colors.slice(0, Math.max(1, series.length)),
      legend: o.legend ?? several,
    },
    marks,
  });
}

export interface HistogramCurve {
  label: string;
  histogram: { volumeFl: Float64Array; fraction: Float64Array };
}

/**
 * Red-cell volume histograms like an analyzer's RBC curve: % of cells per fL.
 * The first curve may be drawn as a grey filled reference.
 */
export function histogramChart(
  curves: readonly HistogramCurve[],
  o: { reference?: HistogramCurve; width?: number; height?: number; title?: string; xMax?: number } = {},
): SVGSVGElement | HTMLElement {
  const x0 = 20;
  const x1 = o.xMax ?? 160;
  // Only the bins inside the axis (lines must not run past it), and never the last bin: it counts every
  // cell beyond it (an overflow), not cells of that size.
  const rows = (c: HistogramCurve) =>
    Array.from(c.histogram.fraction, (f, i) => ({
      volume: (c.histogram.volumeFl[i] as number) + 0.5,
      pct: f * 100,
      curve: c.label,
      last: i === c.histogram.fraction.length - 1,
    })).filter((r) => !r.last && r.volume >= x0 && r.volume <= x1);
  const marks: Plot.Markish[] = [];
  if (o.reference) {
    marks.push(
      Plot.areaY(rows(o.reference), { x: "volume", y: "pct", fill: "#bbb", fillOpacity: 0.45, curve: "linear" }),
    );
    marks.push(Plot.lineY(rows(o.reference), { x: "volume", y: "pct", stroke: "#888", strokeDasharray: "3,2" }));
  }
  const all = curves.flatMap(rows);
  marks.push(Plot.lineY(all, { x: "volume", y: "pct", stroke: "curve", strokeWidth: 2 }));
  marks.push(Plot.ruleY([0]));
  const names = curves.map((c) => c.label);
  const legendDomain = o.reference ? [...names, o.reference.label] : names;
  const legendRange = o.reference ? [...PALETTE.slice(0, names.length), "#999"] : PALETTE.slice(0, names.length);
  return Plot.plot({
    width: o.width ?? 640,
    height: o.height ?? 260,
    marginLeft: 56,
    marginBottom: 40,
    style: { fontSize: "12px" },
    ...(o.title ? { title: o.title } : {}),
    x: { label: "Red-cell volume (fL)", domain: [x0, x1], grid: true },
    y: { label: "Red cells (% per fL)", grid: true },
    color: { domain: legendDomain, range: legendRange, legend: true },
    marks,
  });
}

/** Mean of a volume histogram, fL (the analyzer's MCV from its curve). */
export function histogramMean(h: { volumeFl: Float64Array; fraction: Float64Array }): number {
  let m = 0;
  let s = 0;
  for (let i = 0; i < h.fraction.length; i++) {
    const f = h.fraction[i] as number;
    m += f * ((h.volumeFl[i] as number) + 0.5);
    s += f;
  }
  return s > 0 ? m / s : Number.NaN;
}

/** First day at which `column` satisfies `test`, or undefined. */
export function firstDay(
  result: SimResult,
  column: string,
  test: (v: number) => boolean,
  fromDay = 0,
): number | undefined {
  const day = result.columns.day;
  const v = result.columns[column];
  if (!day || !v) return undefined;
  for (let i = 0; i < v.length; i++) if ((day[i] as number) >= fromDay && test(v[i] as number)) return day[i] as number;
  return undefined;
}

/** Value of `column` at the sample nearest `day`. */
export function valueAt(result: SimResult, column: string, dayWanted: number): number {
  const day = result.columns.day;
  const v = result.columns[column];
  if (!day || !v) return Number.NaN;
  let best = 0;
  for (let i = 1; i < day.length; i++)
    if (Math.abs((day[i] as number) - dayWanted) < Math.abs((day[best] as number) - dayWanted)) best = i;
  return v[best] as number;
}

/** A small HTML table of final (or chosen-day) labs for several runs. */
export function labTable(
  series: readonly Series[],
  columns: readonly string[],
  at?: (s: Series) => number,
  digits: Record<string, number> = {},
): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "erythron-labs";
  const head = table.createTHead().insertRow();
  const th = (row: HTMLTableRowElement, text: string) => {
    const cell = document.createElement("th");
    cell.textContent = text;
    row.appendChild(cell);
  };
  th(head, "");
  for (const c of columns) th(head, LABELS[c] ?? c);
  const body = table.createTBody();
  for (const s of series) {
    const row = body.insertRow();
    th(row, s.label);
    for (const c of columns) {
      const v = at ? valueAt(s.result, c, at(s)) : (s.result.final[c] ?? Number.NaN);
      row.insertCell().textContent = Number.isFinite(v) ? v.toFixed(digits[c] ?? 1) : "–";
    }
  }
  return table;
}
