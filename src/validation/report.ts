/**
 * The validation report: a table of every target (as Pulse's validation
 * tables: quantity, source, published value, simulated value, grade), a
 * summary by role, and one small figure per published time course (the
 * simulated curve over the published points with their error bars).
 * Pure: strings out. SVG is written by hand with the plot theme's colours.
 */
import { FONT_FAMILY, GRID, INK, MUTED, OKABE_ITO } from "../plot/theme.js";
import type { Grade } from "./measure.js";
import type { Role } from "./studies.js";
import { type Curve, columnUnit, type GradedTarget, type SuiteResult } from "./suite.js";

const GRADES: readonly Grade[] = ["green", "yellow", "red"];
const MARK: Record<Grade, string> = { green: "🟢", yellow: "🟡", red: "🔴" };
const FILL: Record<Grade, string> = { green: "#d4edda", yellow: "#fff3cd", red: "#f8d7da" };

export function fmt(x: number | undefined): string {
  if (x === undefined) return "";
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "NaN" : x > 0 ? "never" : "−∞";
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential(1);
  return String(Number(x.toPrecision(3)));
}

export function expectedText(t: Pick<GradedTarget, "expected">): string {
  const { value, low, high } = t.expected;
  const range =
    low !== undefined && high !== undefined
      ? `${fmt(low)}–${fmt(high)}`
      : low !== undefined
        ? `≥ ${fmt(low)}`
        : high !== undefined
          ? `≤ ${fmt(high)}`
          : "";
  if (value === undefined) return range;
  return range === "" ? fmt(value) : `${fmt(value)} (${range})`;
}

export interface RoleSummary {
  role: Role | "all";
  total: number;
  green: number;
  yellow: number;
  red: number;
  dynamic: number;
}

export function summarize(targets: readonly GradedTarget[]): RoleSummary[] {
  const one = (role: Role | "all"): RoleSummary => {
    const ts = role === "all" ? targets : targets.filter((t) => t.role === role);
    return {
      role,
      total: ts.length,
      green: ts.filter((t) => t.grade === "green").length,
      yellow: ts.filter((t) => t.grade === "yellow").length,
      red: ts.filter((t) => t.grade === "red").length,
      dynamic: ts.filter((t) => t.dynamic).length,
    };
  };
  return [one("calibration"), one("test"), one("all")];
}

function pct(n: number, d: number): string {
  return d === 0 ? "–" : `${Math.round((100 * n) / d)} %`;
}

export function summaryLines(s: readonly RoleSummary[]): string[] {
  return s.map(
    (r) =>
      `${r.role.padEnd(11)} ${String(r.green).padStart(3)} green of ${String(r.total).padStart(3)} (${pct(r.green, r.total)}), ${r.yellow} yellow, ${r.red} red; ${r.dynamic} dynamic`,
  );
}

/** Plain-text table for the terminal. */
export function formatTable(targets: readonly GradedTarget[]): string {
  const rows = targets.map((t) => [
    t.id,
    t.role,
    t.source.length > 38 ? `${t.source.slice(0, 37)}…` : t.source,
    `${fmt(t.observed)}${t.unit && t.unit !== "ratio" ? ` ${t.unit}` : ""}`,
    expectedText(t),
    t.grade,
  ]);
  const head = ["id", "role", "source", "observed", "expected", "grade"];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, k) => c.padEnd(widths[k] ?? 0))
      .join("  ")
      .trimEnd();
  return `${[line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n")}\n`;
}

function mdEscape(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function figureFile(c: Curve): string {
  return `${c.study}--${c.column}.svg`;
}

export function formatMarkdown(result: SuiteResult, version: string, figureDir?: string): string {
  const s = summarize(result.targets);
  const lines = [
    `# erythron ${version}: validation report`,
    "",
    "Grades: green = within 10 % of the published value or inside its published range; yellow = within 30 %; red = further.",
    "Calibration targets are those the model was tuned on; test targets were held out.",
    "",
    "| role | targets | green | yellow | red | dynamic |",
    "|---|---|---|---|---|---|",
    ...s.map(
      (r) =>
        `| ${r.role} | ${r.total} | ${r.green} (${pct(r.green, r.total)}) | ${r.yellow} | ${r.red} | ${r.dynamic} |`,
    ),
    "",
    `${s[2]?.green ?? 0} of ${result.targets.length} targets met (green).`,
    `Largest iron-balance error over the study runs: ${fmt(result.ironBalanceMaxRelError)}.`,
    "",
    ...movedMarkdown(result.targets),
    "| | id | role | study | source | measure | simulated | published | unit | note |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const t of result.targets) {
    const what = t.column === "" ? t.measure : `${t.measure} of ${t.column}`;
    lines.push(
      `| ${MARK[t.grade]} | ${t.id} | ${t.role} | ${t.study} | ${mdEscape(t.source)} | ${mdEscape(what)} | ${fmt(t.observed)} | ${expectedText(t)} | ${t.unit} | ${mdEscape(t.note ?? "")} |`,
    );
  }
  if (figureDir !== undefined && result.curves.length > 0) {
    lines.push("", "## Time courses", "");
    for (const c of result.curves) lines.push(`![${c.study}: ${c.column}](${figureDir}/${figureFile(c)})`, "");
  }
  return `${lines.join("\n")}\n`;
}

/** Targets moved from test to calibration, each with its reason (held-out checks spent on tuning). */
function moved(targets: GradedTarget[]): GradedTarget[] {
  return targets.filter((t) => t.movedFromTest !== undefined);
}

function movedMarkdown(targets: GradedTarget[]): string[] {
  const m = moved(targets);
  const head = `Targets moved from test to calibration: ${m.length === 0 ? "none." : ""}`;
  return [head, ...m.map((t) => `- ${t.id}: ${mdEscape(t.movedFromTest ?? "")}`), ""];
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function ticks(lo: number, hi: number, n = 5): number[] {
  const span = hi - lo || 1;
  const raw = span / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) out.push(Number(v.toPrecision(10)));
  return out;
}

/** The published points of a curve's targets, in column units (ratios and changes converted on the curve's baseline). */
function publishedPoints(c: Curve): { day: number; value: number; sd: number; id: string }[] {
  const out: { day: number; value: number; sd: number; id: string }[] = [];
  for (const t of c.targets) {
    const base = interpolateCurve(c, t.baselineDay);
    const e = t.expected;
    const half = e.low !== undefined && e.high !== undefined ? (e.high - e.low) / 2 : 0;
    const centre = e.value ?? (e.low !== undefined && e.high !== undefined ? (e.low + e.high) / 2 : undefined);
    // Without a published time course, a value read at one day is drawn as that day's published value.
    if (!t.points && t.day !== undefined && centre !== undefined) {
      if (t.measure === "value") out.push({ day: t.day, value: centre, sd: half, id: t.id });
      else if (t.measure === "changeFromBaseline") out.push({ day: t.day, value: centre + base, sd: half, id: t.id });
      else if (t.measure === "ratioToBaseline")
        out.push({ day: t.day, value: centre * base, sd: half * base, id: t.id });
    }
    for (const p of t.points ?? []) {
      const [day, v, sd = 0] = p;
      if (t.pointsAs === "ratioToBaseline") out.push({ day, value: v * base, sd: sd * base, id: t.id });
      else if (t.pointsAs === "changeFromBaseline") out.push({ day, value: v + base, sd, id: t.id });
      else out.push({ day, value: v, sd, id: t.id });
    }
  }
  return out;
}

function interpolateCurve(c: Curve, day: number): number {
  const { days, values } = c;
  for (let i = 1; i < days.length; i++) {
    const d0 = days[i - 1] as number;
    const d1 = days[i] as number;
    if (day <= d1)
      return d1 === d0
        ? (values[i] as number)
        : (values[i - 1] as number) + (((values[i] as number) - (values[i - 1] as number)) * (day - d0)) / (d1 - d0);
  }
  return values[values.length - 1] as number;
}

/** One small SVG: simulated curve (line) over published points (dots with ±SD bars). */
export function curveSvg(c: Curve, grades: ReadonlyMap<string, Grade>): string {
  const W = 420;
  const H = 250;
  const m = { l: 56, r: 12, t: 34, b: 40 };
  const pts = publishedPoints(c);
  const runEnd = c.days[c.days.length - 1] ?? 1;
  const lastPointDay = Math.max(0, ...pts.map((p) => p.day));
  const endDay = pts.length === 0 ? runEnd : Math.min(runEnd, Math.max(lastPointDay * 1.15, lastPointDay + 1));
  const shown = c.days.map((d, i) => [d, c.values[i] as number] as const).filter(([d]) => d <= endDay + 1e-9);
  const ys = [...shown.map(([, v]) => v), ...pts.flatMap((p) => [p.value - p.sd, p.value + p.sd])].filter(
    Number.isFinite,
  );
  let y0 = Math.min(...ys);
  let y1 = Math.max(...ys);
  const pad = (y1 - y0) * 0.08 || Math.abs(y1) * 0.1 || 1;
  y0 = y0 >= 0 && y0 - pad < 0 ? 0 : y0 - pad;
  y1 += pad;
  const x0 = c.days[0] ?? 0;
  const sx = (d: number) => m.l + ((d - x0) / (endDay - x0 || 1)) * (W - m.l - m.r);
  const sy = (v: number) => H - m.b - ((v - y0) / (y1 - y0 || 1)) * (H - m.t - m.b);
  const r = (x: number) => Math.round(x * 10) / 10;
  const parts: string[] = [];
  const title = `${c.study}: ${c.column}`;
  const worst = c.targets.map((t) => grades.get(t.id) ?? "green");
  const g: Grade = worst.includes("red") ? "red" : worst.includes("yellow") ? "yellow" : "green";
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT_FAMILY}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<rect x="0" y="0" width="6" height="${H}" fill="${FILL[g]}"/>`,
    `<text x="${m.l}" y="16" font-size="12" fill="${INK}">${esc(title)}</text>`,
  );
  for (const v of ticks(y0, y1)) {
    parts.push(
      `<line x1="${m.l}" x2="${W - m.r}" y1="${r(sy(v))}" y2="${r(sy(v))}" stroke="${GRID}"/>`,
      `<text x="${m.l - 4}" y="${r(sy(v) + 4)}" font-size="10" text-anchor="end" fill="${MUTED}">${fmt(v)}</text>`,
    );
  }
  for (const d of ticks(x0, endDay)) {
    parts.push(
      `<text x="${r(sx(d))}" y="${H - m.b + 14}" font-size="10" text-anchor="middle" fill="${MUTED}">${fmt(d)}</text>`,
    );
  }
  parts.push(
    `<text x="${(m.l + W - m.r) / 2}" y="${H - 8}" font-size="11" text-anchor="middle" fill="${INK}">day</text>`,
    `<text x="12" y="${(m.t + H - m.b) / 2}" font-size="11" text-anchor="middle" fill="${INK}" transform="rotate(-90 12 ${(m.t + H - m.b) / 2})">${esc(columnUnit(c.column) || c.column)}</text>`,
    `<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" stroke="${INK}"/>`,
    `<line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" stroke="${INK}"/>`,
  );
  const path = shown
    .filter(([, v]) => Number.isFinite(v))
    .map(([d, v], k) => `${k === 0 ? "M" : "L"}${r(sx(d))},${r(sy(v))}`)
    .join("");
  parts.push(`<path d="${path}" fill="none" stroke="${OKABE_ITO.blue}" stroke-width="2"/>`);
  for (const p of pts) {
    const x = r(sx(p.day));
    if (p.sd > 0)
      parts.push(
        `<line x1="${x}" x2="${x}" y1="${r(sy(p.value - p.sd))}" y2="${r(sy(p.value + p.sd))}" stroke="${INK}"/>`,
        `<line x1="${x - 3}" x2="${x + 3}" y1="${r(sy(p.value - p.sd))}" y2="${r(sy(p.value - p.sd))}" stroke="${INK}"/>`,
        `<line x1="${x - 3}" x2="${x + 3}" y1="${r(sy(p.value + p.sd))}" y2="${r(sy(p.value + p.sd))}" stroke="${INK}"/>`,
      );
    parts.push(
      `<circle cx="${x}" cy="${r(sy(p.value))}" r="3.5" fill="${OKABE_ITO.vermillion}" stroke="${INK}" stroke-width="0.5"/>`,
    );
  }
  parts.push(
    `<line x1="${W - 150}" x2="${W - 132}" y1="${m.t - 8}" y2="${m.t - 8}" stroke="${OKABE_ITO.blue}" stroke-width="2"/>`,
    `<text x="${W - 128}" y="${m.t - 4}" font-size="10" fill="${INK}">simulated</text>`,
    `<circle cx="${W - 70}" cy="${m.t - 8}" r="3.5" fill="${OKABE_ITO.vermillion}"/>`,
    `<text x="${W - 62}" y="${m.t - 4}" font-size="10" fill="${INK}">published</text>`,
    "</svg>",
  );
  return parts.join("");
}

export function formatHtml(result: SuiteResult, version: string): string {
  const s = summarize(result.targets);
  const grades = new Map(result.targets.map((t) => [t.id, t.grade]));
  const rows = result.targets
    .map((t) => {
      const what = t.column === "" ? t.measure : `${t.measure} of ${t.column}`;
      return `<tr style="background:${FILL[t.grade]}"><td>${t.grade}</td><td>${esc(t.id)}</td><td>${t.role}</td><td>${esc(t.study)}</td><td>${esc(t.source)}</td><td>${esc(what)}</td><td>${esc(fmt(t.observed))}</td><td>${esc(expectedText(t))}</td><td>${esc(t.unit)}</td><td>${esc(t.note ?? "")}</td></tr>`;
    })
    .join("\n");
  const summary = s
    .map(
      (r) =>
        `<tr><td>${r.role}</td><td>${r.total}</td><td>${r.green} (${pct(r.green, r.total)})</td><td>${r.yellow}</td><td>${r.red}</td><td>${r.dynamic}</td></tr>`,
    )
    .join("");
  const figures = result.curves.map((c) => `<figure>${curveSvg(c, grades)}</figure>`).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>erythron ${esc(version)}: validation</title>
<style>
body{font-family:${FONT_FAMILY},sans-serif;color:${INK};margin:1.5em;max-width:1400px}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
figure{display:inline-block;margin:6px}
</style></head><body>
<h1>erythron ${esc(version)}: validation report</h1>
<p>Green: within 10 % of the published value or inside its published range; yellow: within 30 %; red: further.
Calibration targets are those the model was tuned on; test targets were held out.</p>
<table><tr><th>role</th><th>targets</th><th>green</th><th>yellow</th><th>red</th><th>dynamic</th></tr>${summary}</table>
<p>Largest iron-balance error over the study runs: ${esc(fmt(result.ironBalanceMaxRelError))}.</p>
<p>Targets moved from test to calibration: ${moved(result.targets).length === 0 ? "none." : ""}</p>${
    moved(result.targets).length === 0
      ? ""
      : `<ul>${moved(result.targets)
          .map((t) => `<li>${esc(t.id)}: ${esc(t.movedFromTest ?? "")}</li>`)
          .join("")}</ul>`
  }
<h2>Time courses</h2>
${figures || "<p>(none selected)</p>"}
<h2>Targets</h2>
<table><tr><th>grade</th><th>id</th><th>role</th><th>study</th><th>source</th><th>measure</th><th>simulated</th><th>published</th><th>unit</th><th>note</th></tr>
${rows}
</table>
</body></html>
`;
}

export { GRADES };
