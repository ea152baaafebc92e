/**
 * The figures as pure functions of figure data: snapshots of synthetic data
 * (numbers rounded first), content (bands, units, events, one line per run),
 * PNG rendering, and the figures of one real 40-day run.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { type RunData, runData, scenarioRecord, startsHealthy } from "../src/plot/data.js";
import {
  cbcFigure,
  comparisonFigure,
  diagnosticMapFigure,
  histogramFigure,
  ironEconomyFigure,
  ironPanelFigure,
  ironRowAt,
  runFigures,
} from "../src/plot/figures/index.js";
import { figuresHtml } from "../src/plot/html.js";
import { createIronProbe } from "../src/plot/iron-probe.js";
import { loadRunDirectory, parseCsv, RunDirectoryError } from "../src/plot/load.js";
import { svgToPng, svgToRgba } from "../src/plot/render.js";
import { TYPE, textWidthPx } from "../src/plot/theme.js";
import { simulate } from "../src/simulate.js";
import { scenario } from "./helpers.js";
import { FIXTURE_REFERENCE, fixtureRun } from "./plot-fixture.js";

/** Numbers rounded to one decimal, so snapshots ignore floating-point noise. */
function rounded(svg: string): string {
  return svg.replace(/-?\d+\.\d+/g, (m) => {
    const v = Math.round(Number(m) * 10) / 10;
    return String(Object.is(v, -0) ? 0 : v);
  });
}

function parse(svg: string): Document {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document as unknown as Document;
}

function texts(doc: Document, selector: string): string[] {
  return [...doc.querySelectorAll(selector)].map((n) => n.textContent ?? "");
}

const data = fixtureRun();
const FIGURES: Record<string, string> = {
  cbc: cbcFigure(data),
  "iron-panel": ironPanelFigure(data),
  "rbc-histograms": histogramFigure(data, FIXTURE_REFERENCE),
  "diagnostic-map": diagnosticMapFigure(data),
  "iron-economy": ironEconomyFigure(data, 40),
  comparison: comparisonFigure([fixtureRun("a"), fixtureRun("b", 0.9), fixtureRun("c", 1.1)]),
};

describe("figure snapshots (synthetic data)", () => {
  for (const [name, svg] of Object.entries(FIGURES)) {
    it(name, async () => {
      await expect(rounded(svg)).toMatchFileSnapshot(`./__snapshots__/plot/${name}.svg`);
    });
  }
});

describe("every figure", () => {
  for (const [name, svg] of Object.entries(FIGURES)) {
    it(`${name}: standalone SVG with xmlns, white background, title, caption, no NaN`, () => {
      expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
      const doc = parse(svg);
      expect(doc.querySelector("svg > rect")?.getAttribute("fill")).toBe("#ffffff");
      expect(doc.querySelector("svg > title")?.textContent).toBe(texts(doc, "text.title")[0]);
      expect(texts(doc, "text.title")[0]?.length).toBeGreaterThan(5);
      const caption = texts(doc, "text.caption")[0] ?? "";
      expect(caption.length).toBeGreaterThan(10);
      const width = Number(doc.querySelector("svg")?.getAttribute("width"));
      // One line that fits (estimated at DejaVu Sans widths).
      expect(textWidthPx(caption, TYPE.caption)).toBeLessThan(width - 30);
    });

    it(`${name}: no text smaller than 11 px`, () => {
      const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    });

    it(`${name}: Okabe–Ito colours for data`, () => {
      const strokes = [...svg.matchAll(/class="series[^"]*"[^>]*stroke="(#[0-9A-Fa-f]{6})"/g)].map((m) =>
        (m[1] as string).toUpperCase(),
      );
      const okabeIto = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"];
      for (const s of strokes) expect(okabeIto).toContain(s);
    });
  }
});

describe("content", () => {
  it("CBC: four panels, each with a reference band and an axis label with its unit", () => {
    const doc = parse(FIGURES.cbc as string);
    expect(doc.querySelectorAll("rect.reference-band")).toHaveLength(4);
    expect(texts(doc, "text.y-label")).toEqual([
      "Hemoglobin (g/dL)",
      "MCV (fL)",
      "RDW-CV (%)",
      "Reticulocytes (% of red cells)",
    ]);
    for (const x of texts(doc, "text.x-label")) expect(x).toBe("time (days)");
  });

  it("CBC: the men's Hb band is 14–17 g/dL (physiology reference §1.1)", () => {
    const doc = parse(FIGURES.cbc as string);
    const band = doc.querySelector("rect.reference-band");
    // Hb axis 10–16 → band from 14 up to the top of the axis (clipped at 16).
    expect(Number(band?.getAttribute("height"))).toBeGreaterThan(0);
    const women = parse(cbcFigure({ ...data, sex: "female" }));
    expect(texts(women, ".legend text")[0]).toContain("women");
  });

  it("CBC: says when there are no events, and which ranges a child is compared with", () => {
    const quiet = parse(cbcFigure({ ...data, events: [] }));
    expect(texts(quiet, "text.caption")[0]).toContain("no events");
    expect(quiet.querySelectorAll(".event-strip, line.event-rule")).toHaveLength(0);
    const child = parse(cbcFigure({ ...data, ageYears: 6 }));
    expect(texts(child, ".legend text")[0]).toBe(
      "reference range: children from 5 years for Hb, MCV, ferritin (Dallman & Siimes 1979; WHO), else adult men",
    );
  });

  it("CBC and iron panel: events marked on the time axis, labelled", () => {
    for (const name of ["cbc", "iron-panel"]) {
      const doc = parse(FIGURES[name] as string);
      // The bleed is an instant: one dashed rule per panel; spans are shaded.
      expect(doc.querySelectorAll("line.event-rule")).toHaveLength(4);
      expect(doc.querySelectorAll("rect.event-span")).toHaveLength(8);
      const labels = texts(doc, "text.event-label");
      expect(labels).toEqual([
        "bleed 500 mL (day 10)",
        "oral iron 65 mg daily (days 20–50)",
        "inflammation, IL-6 30 pg/mL (days 30–45)",
      ]);
    }
  });

  it("iron panel: ferritin on a log axis, serum iron with TIBC, units on every axis", () => {
    const doc = parse(FIGURES["iron-panel"] as string);
    expect(texts(doc, "text.y-label")).toEqual([
      "Ferritin (ng/mL, log scale)",
      "Serum iron and TIBC (µg/dL)",
      "Transferrin saturation (%)",
      "Hepcidin-25 (ng/mL)",
    ]);
    const ferritin = doc.querySelector("g.panel");
    const ticks = [...(ferritin?.querySelectorAll(".y-axis .tick text") ?? [])].map((t) => t.textContent);
    expect(ticks).toContain("10");
    expect(ticks).toContain("100");
    expect(doc.querySelectorAll('path.series[data-label="TIBC"]')).toHaveLength(1);
    // Serum iron and TIBC each have their band in the same panel.
    expect(doc.querySelectorAll("rect.reference-band")).toHaveLength(5);
  });

  it("histograms: one line per snapshot and the healthy outline, axis in fL", () => {
    const doc = parse(FIGURES["rbc-histograms"] as string);
    expect([...doc.querySelectorAll("path.histogram")].map((p) => p.getAttribute("data-label"))).toEqual([
      "day 0",
      "day 30",
      "day 60",
    ]);
    expect(doc.querySelectorAll("path.reference-outline")).toHaveLength(1);
    expect(texts(doc, "text.x-label")).toEqual(["red-cell volume (fL)"]);
    expect(texts(doc, "text.caption")[0]).toContain("healthy man, day 0");
  });

  it("diagnostic map: the classic regions, the anemia threshold, start and end marked, axes with units", () => {
    const doc = parse(FIGURES["diagnostic-map"] as string);
    const regions = [...doc.querySelectorAll("rect.region")].map((r) => r.getAttribute("data-region"));
    for (const r of [
      "iron deficiency",
      "thalassemia trait",
      "macro- cytosis",
      "microcytic anemia",
      "normocytic anemia (chronic disease, acute blood loss)",
    ])
      expect(regions).toContain(r);
    // Anemia of chronic disease is no standard region of MCV × RDW (Bessman 1983 has none): not drawn as one.
    expect(regions).not.toContain("anemia of chronic disease");
    expect(texts(doc, "text.threshold-label")).toEqual(["dashed: anemia < 13 g/dL (WHO, men)"]);
    // The dots it promises, on samples at multiples of the step: days 10, 20, …, 50 in each panel.
    expect(texts(doc, "text").some((t) => t === "dots every 10 days")).toBe(true);
    expect(doc.querySelectorAll("circle.day-dot")).toHaveLength(10);
    // The path in both panels, each with its start and end.
    expect(doc.querySelectorAll("path.trajectory")).toHaveLength(2);
    expect(doc.querySelectorAll("circle.start")).toHaveLength(2);
    expect(doc.querySelectorAll("rect.end")).toHaveLength(2);
    expect(texts(doc, "text.end-label")).toEqual(["day 60", "day 60"]);
    expect(texts(doc, "text.x-label")).toEqual(["mean cell volume, MCV (fL)", "mean cell volume, MCV (fL)"]);
    expect(texts(doc, "text.y-label")).toEqual(["RDW-CV (%)", "Hemoglobin (g/dL)"]);
  });

  it("iron economy: seven compartments, three ferroportin gates, closed when hepcidin is high", () => {
    const doc = parse(FIGURES["iron-economy"] as string);
    expect(doc.querySelectorAll("circle.compartment")).toHaveLength(7);
    const gates = [...doc.querySelectorAll("g.gate")].map((g) => g.getAttribute("data-state"));
    expect(gates).toEqual(["closed", "closed", "closed"]);
    const early = parse(ironEconomyFigure(data, 10));
    expect([...early.querySelectorAll("g.gate")].map((g) => g.getAttribute("data-state"))).toEqual([
      "half open",
      "half open",
      "half open",
    ]);
    expect(texts(doc, "text.flux-label").every((t) => t.endsWith("mg/d"))).toBe(true);
    // The bleed shows as an outflow only around its day.
    expect(early.querySelectorAll('[data-flux="bleeding"]')).toHaveLength(1);
    expect(doc.querySelectorAll('[data-flux="bleeding"]')).toHaveLength(0);
  });

  it("iron economy: fluxes are 7-day means up to the chosen day", () => {
    const rows = fixtureRun().iron ?? [];
    const row = ironRowAt(rows, 10);
    expect(row?.day).toBe(10);
    expect(row?.bleedingMgPerDay).toBeCloseTo(240 / 7, 10);
    expect(ironRowAt(rows)?.day).toBe(60);
  });

  it("comparison: one line per run in every panel, and a legend naming each run", () => {
    const doc = parse(FIGURES.comparison as string);
    for (const label of ["a", "b", "c"])
      expect(doc.querySelectorAll(`path.series[data-label="${label}"]`)).toHaveLength(4);
    expect(texts(doc, ".legend-item text").slice(0, 3)).toEqual(["a", "b", "c"]);
    expect(texts(doc, "text.y-label").every((t) => /\(.+\)/.test(t))).toBe(true);
  });
});

describe("older or partial run directories", () => {
  it("iron economy without iron data says so instead of drawing", () => {
    const { iron: _iron, ...rest } = fixtureRun();
    const svg = ironEconomyFigure(rest);
    expect(svg).toContain("no iron-economy.csv");
    expect(svg).not.toMatch(/NaN/);
  });

  it("a directory with only the three contract files loads, with adult bands and no events", async () => {
    const dir = mkdtempSync(join(tmpdir(), "erythron-plotdir-"));
    const cols = ["day", "hb_g_dl", "mcv_fl", "rdw_cv_pct", "retic_pct"];
    const rows = [0, 1, 2].map((d) => [d, 14 - d * 0.1, 88, 13, 1].join(","));
    writeFileSync(join(dir, "trajectory.csv"), `${cols.join(",")}\n${rows.join("\n")}\n`);
    writeFileSync(join(dir, "histograms.csv"), "day,volume_fl,fraction\n0,0,0.5\n0,1,0.5\n2,0,1\n2,1,0\n");
    writeFileSync(join(dir, "summary.json"), JSON.stringify({ scenario: "Old run" }));
    const { data: loaded, record } = await loadRunDirectory(dir);
    expect(record).toBeUndefined();
    expect(loaded.name).toBe("Old run");
    expect(loaded.sex).toBeUndefined();
    expect(loaded.events).toEqual([]);
    expect(loaded.histograms.map((h) => h.day)).toEqual([0, 2]);
    expect(Array.from(loaded.column("hb_g_dl"))).toEqual([14, 13.9, 13.8]);
    const cbc = parse(cbcFigure(loaded));
    expect(texts(cbc, ".legend text")[0]).toBe("reference range, healthy adults");
  });

  it("a malformed CSV is reported with its file and line", () => {
    expect(() => parseCsv("day,hb_g_dl\n0,14\n1,x\n", "t.csv")).toThrow(
      new RunDirectoryError('t.csv:3: found "x" in column hb_g_dl; expected a number'),
    );
    expect(() => parseCsv("day,hb_g_dl\n0\n", "t.csv")).toThrow(/t\.csv:2: found 1 cells; expected 2/);
  });
});

describe("rendering", () => {
  it("PNG: valid signature, the SVG's pixel size, not blank, byte-identical on a second render", () => {
    for (const [name, svg] of Object.entries(FIGURES)) {
      const png = svgToPng(svg);
      expect([...png.subarray(0, 8)], name).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const view = new DataView(png.buffer, png.byteOffset);
      const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
      const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
      expect(view.getUint32(16)).toBe(width);
      expect(view.getUint32(20)).toBe(height);
      expect(Buffer.from(svgToPng(svg)).equals(Buffer.from(png))).toBe(true);
    }
  });

  it("a scenario name with XML's special characters (& < > \" ') still renders: the SVG is well-formed", () => {
    // "Hillman & Henderson 1969" once made every figure fail (linkedom left & bare in aria-label).
    const name = `Hillman & Henderson <1969> "phlebotomy" 'anemia' &amp;`;
    for (const svg of runFigures({ ...fixtureRun(), name }).map((f) => f.svg)) {
      expect(() => svgToPng(svg)).not.toThrow();
      expect(svg).toContain("Hillman &amp; Henderson &lt;1969");
    }
  });

  it("PNG: several distinct colours, mostly white, text drawn with the committed font", () => {
    const { width, height, pixels } = svgToRgba(FIGURES.cbc as string);
    const colours = new Set<number>();
    let white = 0;
    for (let i = 0; i < width * height * 4; i += 4) {
      const rgb = ((pixels[i] as number) << 16) | ((pixels[i + 1] as number) << 8) | (pixels[i + 2] as number);
      colours.add(rgb);
      if (rgb === 0xffffff) white++;
    }
    expect(colours.size).toBeGreaterThan(20);
    expect(white / (width * height)).toBeGreaterThan(0.5);
    expect(white / (width * height)).toBeLessThan(0.99);
  });

  it("HTML: self-contained, every figure inline, nothing fetched", () => {
    const html = figuresHtml(
      "test",
      Object.entries(FIGURES).map(([name, svg]) => ({ name, title: name, svg })),
    );
    expect(html.match(/<svg /g)).toHaveLength(6);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(http/);
    // Clip-path ids stay unique across the figures on one page, and every reference resolves.
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
  });
});

describe("figures of a real 40-day run", () => {
  let run: RunData;
  let figures: ReturnType<typeof runFigures>;

  beforeAll(() => {
    const s = scenario({ sex: "female", weightKg: 62, heightCm: 165 }, 40, {
      record: { everyDays: 1, histogramDays: [0, 40] },
      events: [
        { atDays: 5, action: { kind: "bleed", volumeMl: 500 } },
        { atDays: 10, untilDays: 30, everyDays: 1, action: { kind: "oralIron", doseMg: 65 } },
      ],
    });
    const probe = createIronProbe();
    const r = simulate(s, { observe: probe.observe });
    run = runData(r, { iron: probe.rows() });
    figures = runFigures(run, {
      histogramReference: { histogram: r.histograms[0] as never, description: "healthy: day 0 of this run" },
    });
    expect(startsHealthy(scenarioRecord(s))).toBe(true);
  });

  it("draws six figures with the events and the women's band", () => {
    expect(figures.map((f) => f.name)).toEqual([
      "cbc",
      "iron-panel",
      "markers",
      "rbc-histograms",
      "diagnostic-map",
      "iron-economy",
    ]);
    const cbc = parse(figures[0]?.svg as string);
    expect(texts(cbc, "text.event-label")).toEqual(["bleed 500 mL (day 5)", "oral iron 65 mg daily (days 10–30)"]);
    expect(texts(cbc, ".legend text")[0]).toBe("reference range, healthy women");
    for (const f of figures) expect(f.svg).not.toMatch(/NaN|undefined/);
  });

  it("the iron probe balances: red-cell release minus clearance minus bleeding tracks the red-cell pool", () => {
    const rows = run.iron ?? [];
    expect(rows).toHaveLength(41);
    const bleedDay = rows[5];
    expect(bleedDay?.bleedingMgPerDay).toBeGreaterThan(100); // 500 mL of blood: ~200 mg iron
    // Gut uptake rises on oral iron.
    const before = rows[8]?.gutUptakeMgPerDay ?? 0;
    const during = rows[20]?.gutUptakeMgPerDay ?? 0;
    expect(during).toBeGreaterThan(before * 2);
    for (const r of rows) {
      expect(r.ferroportin).toBeGreaterThan(0);
      expect(r.ferroportin).toBeLessThanOrEqual(1);
      expect(r.redCellMg).toBeGreaterThan(1000);
    }
  });
});
