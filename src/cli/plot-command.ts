/**
 * `erythron plot`, and the figures `erythron run --out` writes beside its
 * outputs. The plotting library (d3, linkedom, resvg) loads only when a
 * figure is drawn, so --help stays quick.
 */
import { basename, extname } from "node:path";
import type { Command } from "@commander-js/extra-typings";
import type { Run, SimulateOptions } from "../core/run.js";
import type { Body } from "../model/body.js";
import type { RunData, ScenarioRecord } from "../plot/data.js";
import type { NamedFigure } from "../plot/html.js";
import type { FigureFile, Format } from "../plot/write.js";
import { createProgress } from "./progress.js";

/** How main.ts's error classes are made (exit 2 for bad input, 1 for a failed run). */
export interface CliErrors {
  input: (message: string) => Error;
  runFailure: (message: string, cause?: unknown) => Error;
}

const DEFAULT_FORMATS: Format[] = ["svg", "png"];

function parseFormats(text: string, errors: CliErrors): Format[] {
  const known = ["svg", "png", "html"];
  const asked = text
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  const bad = asked.filter((f) => !known.includes(f));
  if (asked.length === 0 || bad.length > 0)
    throw errors.input(
      `option '--format <list>' argument '${text}' is invalid: expected a comma-separated list of ${known.join(", ")}`,
    );
  return [...new Set(asked)] as Format[];
}

function parseDay(text: string, errors: CliErrors): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0)
    throw errors.input(`option '--day <n>' argument '${text}' is invalid: expected a day ≥ 0, such as 60`);
  return n;
}

/** A file-system-safe name for a run's subdirectory. */
function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s.length > 0 ? s.slice(0, 60) : "run";
}

interface Loaded {
  data: RunData;
  record?: ScenarioRecord;
}

async function figuresOf(
  loaded: Loaded,
  ironDay: number | undefined,
  markerColumns?: readonly string[],
): Promise<NamedFigure[]> {
  const { runFigures } = await import("../plot/figures/index.js");
  const { histogramReference } = await import("../plot/reference.js");
  const options: Parameters<typeof runFigures>[1] = {};
  const ref = loaded.record ? histogramReference(loaded.record, loaded.data.histograms) : undefined;
  if (ref) options.histogramReference = ref;
  if (ironDay !== undefined) options.ironDay = ironDay;
  if (markerColumns) options.markerColumns = markerColumns;
  return runFigures(loaded.data, options);
}

/** Simulate a scenario file with the iron probe attached. */
async function simulateScenario(path: string, label: string, check: (endDay: number) => void): Promise<Loaded> {
  const { loadScenario } = await import("../scenario/load.js");
  const { simulate } = await import("../simulate.js");
  const { createIronProbe } = await import("../plot/iron-probe.js");
  const { runData, scenarioRecord } = await import("../plot/data.js");
  const scenario = await loadScenario(path);
  check(scenario.durationDays);
  const probe = createIronProbe();
  const progress = createProgress(process.stderr);
  let run: Run;
  try {
    run = simulate(scenario, { onProgress: progress.update, observe: probe.observe });
  } finally {
    progress.done();
  }
  return { data: runData(run, { iron: probe.rows(), label }), record: scenarioRecord(scenario) };
}

interface PlotFlags {
  out: string;
  format?: string;
  day?: string;
  columns?: string;
}

/** `--columns`: trajectory columns (or retic_index) for the markers figure. */
async function parseColumns(text: string, errors: CliErrors): Promise<string[]> {
  const { TRAJECTORY_COLUMNS } = await import("../labs/columns.js");
  const { didYouMean } = await import("../scenario/suggest.js");
  const known = [...TRAJECTORY_COLUMNS.filter((c) => c !== "day"), "retic_index"];
  const asked = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (asked.length === 0 || asked.length > 8)
    throw errors.input(`option '--columns <list>' argument '${text}' is invalid: expected 1 to 8 trajectory columns`);
  for (const c of asked)
    if (!known.includes(c))
      throw errors.input(
        `option '--columns <list>': unknown column "${c}"${didYouMean(c, known)}; columns are ${known.join(", ")}`,
      );
  return asked;
}

/** Refuse an iron-economy day past the end of a run, rather than silently drawing the last. */
function checkDay(day: number | undefined, endDay: number, what: string, errors: CliErrors): void {
  if (day === undefined || day <= endDay + 1e-9) return;
  const end = Number(endDay.toPrecision(6));
  throw errors.input(`option '--day ${day}': ${what} ends on day ${end}; choose a day from 0 to ${end}`);
}

async function plotCommand(given: readonly string[], flags: PlotFlags, errors: CliErrors): Promise<void> {
  // A shipped scenario may be named ("healthy-man"); an existing file or run directory wins.
  const { existsSync } = await import("node:fs");
  const { resolveScenarioPath } = await import("../scenario/shipped.js");
  const inputs = given.map((i) => (existsSync(i) ? i : resolveScenarioPath(i)));
  const formats = flags.format === undefined ? DEFAULT_FORMATS : parseFormats(flags.format, errors);
  const ironDay = flags.day === undefined ? undefined : parseDay(flags.day, errors);
  const markerColumns = flags.columns === undefined ? undefined : await parseColumns(flags.columns, errors);
  const { isDirectory, loadRunDirectory, RunDirectoryError } = await import("../plot/load.js");
  const { stat } = await import("node:fs/promises");
  const outInfo = await stat(flags.out).catch(() => undefined);
  if (outInfo && !outInfo.isDirectory()) throw errors.input(`--out ${flags.out}: exists and is not a directory`);
  // Check every input exists before the (slow) simulations.
  for (const input of inputs) {
    if (!(await stat(input).catch(() => undefined))) throw errors.input(`${input}: no such file or directory`);
  }

  const loaded: Loaded[] = [];
  for (const input of inputs) {
    const label = basename(input, extname(input)) || input;
    if (await isDirectory(input)) {
      let l: Loaded;
      try {
        l = await loadRunDirectory(input);
      } catch (e) {
        if (e instanceof RunDirectoryError) throw errors.input(e.message);
        throw e;
      }
      const days = l.data.column("day");
      checkDay(ironDay, (days[days.length - 1] as number) ?? 0, `the run in ${input}`, errors);
      loaded.push(l);
    } else {
      loaded.push(await simulateScenario(input, label, (end) => checkDay(ironDay, end, input, errors)));
    }
  }

  const { comparisonFigure } = await import("../plot/figures/index.js");
  const { figureFiles, writeFigureFiles } = await import("../plot/write.js");
  const groups: { prefix: string; figures: NamedFigure[] }[] = [];
  const used = new Set<string>();
  for (const l of loaded) {
    let prefix = "";
    if (loaded.length > 1) {
      let name = slug(l.data.label);
      for (let k = 2; used.has(name); k++) name = `${slug(l.data.label)}-${k}`;
      used.add(name);
      prefix = `${name}/`;
    }
    groups.push({ prefix, figures: await figuresOf(l, ironDay, markerColumns) });
  }
  if (loaded.length > 1)
    groups.unshift({
      prefix: "",
      figures: [{ name: "comparison", title: "Comparison of runs", svg: comparisonFigure(loaded.map((l) => l.data)) }],
    });
  const title = loaded.length === 1 ? (loaded[0] as Loaded).data.name : `${loaded.length} runs compared`;
  let files: ReturnType<typeof figureFiles>;
  try {
    files = figureFiles(groups, formats, `erythron figures: ${title}`);
  } catch (e) {
    throw errors.runFailure(`cannot draw the figures: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  let paths: string[];
  try {
    paths = await writeFigureFiles(flags.out, files);
  } catch (e) {
    throw errors.runFailure(`cannot write figures to ${flags.out}: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  process.stderr.write(`Wrote ${paths.length} files to ${flags.out}: ${files.map((f) => f.path).join(", ")}.\n`);
}

export function registerPlotCommand(program: Command, errors: CliErrors): void {
  program
    .command("plot")
    .description(
      "teaching figures (blood count, iron panel, condition markers, red-cell histograms, diagnostic map, iron economy; a comparison when given several runs) from scenario files (run first) or run directories",
    )
    .argument("<inputs...>", "scenario files (YAML or JSON) or run directories written by `erythron run --out`")
    .requiredOption("-o, --out <dir>", "directory for the figures (created if missing)")
    .option("--format <list>", "comma-separated: svg, png, html (default svg,png)")
    .option("--day <n>", "day of the iron-economy figure, within the run (default: the last day)")
    .option(
      "--columns <list>",
      "comma-separated trajectory columns for the markers figure, such as blood_lead_ug_dl,zpp_umol_mol (or retic_index); default: chosen from the run",
    )
    .action(async (inputs: string[], opts: { out: string; format?: string; day?: string; columns?: string }) => {
      await plotCommand(inputs, opts, errors);
    });
}

/**
 * What `erythron run --out` adds to its three outputs: scenario.json (the
 * subject and events, so `erythron plot DIR` can redraw the run),
 * iron-economy.csv (compartments and fluxes for the iron-economy figure),
 * and unless --no-plots, the figures as SVG and PNG.
 */
export interface RunPlotHook {
  observe: (body: Body) => void;
  /** Write the extra files; returns a sentence for stderr. */
  write: (run: Run, dir: string) => Promise<string>;
}

export async function createRunPlotHook(plots: boolean): Promise<RunPlotHook> {
  const { createIronProbe, IRON_ECONOMY_COLUMNS } = await import("../plot/iron-probe.js");
  const probe = createIronProbe();
  const observe: NonNullable<SimulateOptions["observe"]> = probe.observe;
  return {
    observe,
    write: async (run, dir) => {
      const { runData, scenarioRecord } = await import("../plot/data.js");
      const { formatNumber } = await import("../io/outputs.js");
      const { figureFiles, removeStaleFigures, writeFigureFiles } = await import("../plot/write.js");
      const { FIGURE_NAMES } = await import("../plot/figure-names.js"); // not the figures (d3, linkedom)
      const rows = probe.rows();
      const record = scenarioRecord(run.scenario);
      const ironCsv = [
        IRON_ECONOMY_COLUMNS.join(","),
        ...rows.map((r) => IRON_ECONOMY_COLUMNS.map((c) => formatNumber(r[c], c === "day" ? 10 : 6)).join(",")),
      ].join("\n");
      const files: FigureFile[] = [
        { path: "scenario.json", content: `${JSON.stringify(record, null, 2)}\n` },
        { path: "iron-economy.csv", content: `${ironCsv}\n` },
      ];
      let figures: string[] = [];
      if (plots) {
        const drawn = figureFiles(
          [{ prefix: "", figures: await figuresOf({ data: runData(run, { iron: rows }), record }, undefined) }],
          DEFAULT_FORMATS,
          run.scenario.name,
        );
        files.push(...drawn);
        figures = drawn.map((f) => f.path);
      }
      await writeFigureFiles(dir, files);
      // Figures of an earlier run into the same directory would describe other data: remove them.
      const removed = await removeStaleFigures(dir, FIGURE_NAMES, figures);
      const stale = removed.length > 0 ? ` Removed figures of an earlier run: ${removed.join(", ")}.` : "";
      return plots
        ? `Figures: ${figures.join(", ")}; with scenario.json and iron-economy.csv.${stale}`
        : `Wrote scenario.json and iron-economy.csv (figures skipped: --no-plots).${stale}`;
    },
  };
}
