/**
 * The command line: a thin layer over the library.
 *
 * Exit codes: 0 success, 1 run failure, 2 bad input (file, flag or value).
 * Bad input prints `erythron: <message>` without a stack trace and writes nothing.
 * Data goes to stdout or files; messages and progress go to stderr.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, InvalidArgumentError } from "@commander-js/extra-typings";
import { formatDays, formatWithUnit, QuantityError } from "../core/quantity-text.js";
import { PARAMETERS } from "../engine/parameters.js";
import { installDiskSteadyStateCache } from "../engine/steady-state-disk.js";
import { formatTrajectoryCsv, OUTPUT_FILES, OutputError, prepareOutputDir, writeRunOutputs } from "../io/outputs.js";
import { GENES } from "../physiology/genotype.js";
import type { Run, SimulateOptions } from "../run.js";
import { ACTIONS, type ActionSpec, type FieldSpec, mainField } from "../scenario/actions.js";
import { escapeText, ScenarioError } from "../scenario/errors.js";
import { SCENARIOS_DIR, shippedScenarioFiles } from "../scenario/shipped.js";
import { didYouMean } from "../scenario/suggest.js";
import type { Scenario } from "../scenario/types.js";
import { registerCohortCommand } from "./cohort-command.js";
import { registerCompareCommand } from "./compare-command.js";
import { registerFitCommand } from "./fit-command.js";
import { Interrupted, parseResolution, signalExitCode, withInterrupts } from "./guard.js";
import { createRunPlotHook, registerPlotCommand } from "./plot-command.js";
import { createProgress } from "./progress.js";
import { registerSweepCommands } from "./sweep-commands.js";
import { registerValidateCommand } from "./validate-command.js";

// mathjs (units), zod and yaml take about a second to import: load them only
// for commands that need them, so --help and bad flags answer at once.
const units = () => import("../core/units.js");
const loader = () => import("../scenario/load.js");

async function loadScenario(path: string): Promise<Scenario> {
  return (await loader()).loadScenario(path);
}

/** Bad input from the user: exit code 2. */
export class InputError extends Error {
  override name = "InputError";
}

/** The simulation itself failed: exit code 1. */
export class RunFailure extends Error {
  override name = "RunFailure";
}

/** simulate.ts's DEFAULT_FOUNDERS_PER_DAY, for --help without loading the simulator (a test keeps them equal). */
export const DEFAULT_RESOLUTION = 24;
/** The figures `run --out` draws (src/plot/figures/index.ts runFigures; a test keeps them equal). */
export const RUN_FIGURES = ["cbc", "iron-panel", "markers", "rbc-histograms", "diagnostic-map", "iron-economy"];

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

// ── Option parsers (errors become commander errors: exit 2) ─────────────────

function parseNonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError(`found "${value}"; expected a whole number ≥ 0`);
  }
  return n;
}

/** `--dt`: a time quantity, checked once units are loaded. */
async function parseDtHours(value: string): Promise<number> {
  const { parseQuantity } = await units();
  let hours: number;
  try {
    hours = parseQuantity(value, "h");
  } catch (e) {
    if (e instanceof QuantityError)
      throw new InputError(`option '--dt <time>' argument '${value}' is invalid: ${e.message}`);
    throw e;
  }
  if (!(hours >= 1 / 60 && hours <= 24)) {
    throw new InputError(
      `option '--dt <time>' argument '${value}' is invalid: expected a time step of at least 1 min and at most 24 h, such as "1 h"`,
    );
  }
  return hours;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--set path=value` → { path: number in the parameter's canonical unit }. */
export async function parseOverrides(settings: readonly string[]): Promise<Record<string, number>> {
  const { parseQuantity } = await units();
  const out: Record<string, number> = {};
  const problems: string[] = [];
  for (const setting of settings) {
    const eq = setting.indexOf("=");
    if (eq <= 0) {
      problems.push(`--set ${setting}: expected path=value, such as --set "iron.diet.nonHeme=12 mg/day"`);
      continue;
    }
    const path = setting.slice(0, eq).trim();
    const raw = setting.slice(eq + 1).trim();
    const spec = PARAMETERS.get(path);
    if (!spec) {
      problems.push(`--set ${setting}: unknown parameter "${path}"${didYouMean(path, PARAMETERS.keys())}`);
      continue;
    }
    try {
      const v = parseQuantity(raw, spec.unit);
      if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) {
        const lo = spec.min !== undefined ? formatWithUnit(spec.min, spec.unit) : "−∞";
        const hi = spec.max !== undefined ? formatWithUnit(spec.max, spec.unit) : "∞";
        problems.push(`--set ${setting}: found "${raw}"; expected between ${lo} and ${hi}`);
        continue;
      }
      out[path] = v;
    } catch (e) {
      if (!(e instanceof QuantityError)) throw e;
      problems.push(`--set ${setting}: ${e.message}`);
    }
  }
  if (problems.length > 0) throw new InputError(problems.join("\n"));
  return out;
}

// ── Commands ─────────────────────────────────────────────────────────────────

interface RunFlags {
  out?: string;
  seed?: number;
  set: string[];
  dt?: string;
  resolution?: number;
  /** Draw the figures into --out (default true; --no-plots). */
  plots?: boolean;
}

async function runCommand(scenarioPath: string, flags: RunFlags): Promise<void> {
  const { scenario, overrides, dtHours } = await validateRunInput(scenarioPath, flags);
  // The output location is checked (and made) before the work, so a bad --out is known at once.
  const outDir = flags.out === undefined ? undefined : await prepareOut(flags.out);

  const { simulateAsync, RunInterrupted } = await import("../simulate.js").catch((e: unknown) => {
    throw new RunFailure(`cannot load the simulator: ${e instanceof Error ? e.message : String(e)}`);
  });
  const progress = createProgress(process.stderr);
  const options: SimulateOptions = { onProgress: progress.update };
  if (flags.seed !== undefined) options.seed = flags.seed;
  if (Object.keys(overrides).length > 0) options.overrides = overrides;
  if (dtHours !== undefined) options.dtHours = dtHours;
  if (flags.resolution !== undefined) options.foundersPerDay = flags.resolution;
  const plotHook = flags.out !== undefined ? await createRunPlotHook(flags.plots !== false) : undefined;
  if (plotHook) options.observe = plotHook.observe;

  let run: Run;
  let stoppedBy: NodeJS.Signals = "SIGINT";
  try {
    run = await withInterrupts((signal, received) =>
      simulateAsync(scenario, options, signal).catch((e: unknown) => {
        stoppedBy = received() ?? stoppedBy;
        throw e;
      }),
    );
  } catch (e) {
    await outDir?.undo();
    if (e instanceof RunInterrupted) {
      const sig = e.message;
      throw new Interrupted(
        `${sig} (${stoppedBy}): stopped; nothing was written${flags.out !== undefined ? ` to ${flags.out}` : ""}. Run the same command again to start over (a run does not resume).`,
        stoppedBy,
      );
    }
    if (e instanceof ScenarioError) throw e;
    throw new RunFailure(`run failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  } finally {
    progress.done();
  }

  if (flags.out === undefined) {
    process.stdout.write(formatTrajectoryCsv(run));
    return;
  }
  let figures = "";
  const out = flags.out;
  try {
    await withInterrupts(
      () =>
        writeRunOutputs(run, out, async () => {
          if (plotHook) figures = await plotHook.write(run, out);
        }),
      () =>
        process.stderr.write(
          "erythron: finishing the outputs (summary.json is written last); press Ctrl-C again to stop at once\n",
        ),
    );
  } catch (e) {
    throw new RunFailure(e instanceof Error ? e.message : String(e));
  }
  process.stderr.write(`${describeRun(run, scenario, out)}\n`);
  if (figures) process.stderr.write(`${figures}\n`);
}

/** The scenario and every run flag, checked together before any work (shared by `run` and `check`). */
async function validateRunInput(
  scenarioPath: string,
  flags: RunFlags,
): Promise<{ scenario: Scenario; overrides: Record<string, number>; dtHours: number | undefined }> {
  const dtHours = flags.dt === undefined ? undefined : await parseDtHours(flags.dt);
  const scenario = await loadScenario(scenarioPath);
  const overrides = await parseOverrides(flags.set);
  const { numericalProblem, DEFAULT_DT_HOURS, DEFAULT_FOUNDERS_PER_DAY } = await import("../simulate.js");
  const problem = numericalProblem(
    scenario.durationDays,
    dtHours ?? DEFAULT_DT_HOURS,
    flags.resolution ?? DEFAULT_FOUNDERS_PER_DAY,
    scenario.record.everyDays,
  );
  if (problem !== undefined) throw new InputError(`${scenarioPath}: ${problem}`);
  return { scenario, overrides, dtHours };
}

/** Make --out ready (or say why it cannot be), before simulating. */
async function prepareOut(dir: string): Promise<{ undo: () => Promise<void> }> {
  try {
    return await prepareOutputDir(dir);
  } catch (e) {
    if (e instanceof OutputError) throw new InputError(e.message);
    throw e;
  }
}

/** Significant figures for the human summary. */
function sig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return "n/a";
  const abs = Math.abs(x);
  if (abs >= 10 ** digits) return String(Math.round(x));
  return String(Number(x.toPrecision(digits)));
}

/** One paragraph describing the final labs, for stderr after `run --out`. */
export function describeRun(run: Run, scenario: Scenario, outDir: string): string {
  const f = run.summary.final;
  const parts: string[] = [];
  const add = (key: string, label: string, unit: string): void => {
    const v = f[key];
    if (v !== undefined && Number.isFinite(v)) parts.push(`${label} ${sig(v)}${unit}`);
  };
  add("hb_g_dl", "Hb", " g/dL");
  add("hct_pct", "Hct", "%");
  add("rbc_10e12_l", "RBC", " ×10¹²/L");
  add("mcv_fl", "MCV", " fL");
  add("mch_pg", "MCH", " pg");
  add("rdw_cv_pct", "RDW", "%");
  add("retic_pct", "reticulocytes", "%");
  add("ferritin_ng_ml", "ferritin", " ng/mL");
  add("tsat_pct", "TSAT", "%");
  add("serum_iron_ug_dl", "serum iron", " µg/dL");
  add("hepcidin_ng_ml", "hepcidin", " ng/mL");
  add("epo_mu_ml", "EPO", " mU/mL");
  add("body_iron_mg", "body iron", " mg");
  add("storage_iron_mg", "storage iron", " mg");
  const labs = parts.length > 0 ? parts.join(", ") : "no labs recorded";
  const balance = Number.isFinite(run.summary.ironBalanceMaxRelError)
    ? run.summary.ironBalanceMaxRelError.toExponential(1)
    : "n/a";
  return (
    `${scenario.name}: after ${formatDays(scenario.durationDays)}, ${labs}. ` +
    `Iron balance: largest relative error ${balance}. ` +
    `Seed ${run.summary.seed}, ${sig(run.summary.wallSeconds)} s. ` +
    `Wrote ${OUTPUT_FILES.join(", ")} to ${outDir}.`
  );
}

async function checkCommand(scenarioPath: string, flags: RunFlags): Promise<void> {
  const { scenario } = await validateRunInput(scenarioPath, flags);
  // --out is tried as run would (directories made and removed again): nothing is left behind.
  if (flags.out !== undefined) await (await prepareOut(flags.out)).undo();
  const n = scenario.events.length;
  const events = n === 0 ? "" : `, ${n} ${n === 1 ? "event" : "events"}`;
  const r = scenario.rules?.length ?? 0;
  const rules = r === 0 ? "" : `, ${r} ${r === 1 ? "rule" : "rules"}`;
  process.stdout.write(`ok: ${scenario.name} (${formatDays(scenario.durationDays)}${events}${rules})\n`);
}

interface ListedScenario {
  /** The name to run it by: `erythron run healthy-man`, `loadScenario("healthy-man")`. */
  id: string;
  file: string;
  name?: string;
  description?: string;
  durationDays?: number;
  error?: string;
}

async function shippedScenarios(): Promise<ListedScenario[]> {
  const out: ListedScenario[] = [];
  for (const f of shippedScenarioFiles()) {
    const file = `scenarios/${f}`;
    const id = f.replace(/\.(ya?ml|json)$/i, "");
    try {
      const s = await loadScenario(join(SCENARIOS_DIR, f));
      const item: ListedScenario = { id, file, name: s.name, durationDays: s.durationDays };
      if (s.description !== undefined) item.description = s.description;
      out.push(item);
    } catch (e) {
      out.push({ id, file, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

interface ListedField {
  name: string;
  unit: string;
  description: string;
  required: boolean;
  /** May be an expression in t. */
  expression: boolean;
  min?: number;
  max?: number;
  integer?: boolean;
  default?: number | string;
  choices?: string[];
  example: string | number;
}

function listedField(f: FieldSpec): ListedField {
  const out: ListedField = {
    name: f.name,
    unit: f.unit,
    description: f.description,
    required: f.required,
    expression: f.expression,
    example: f.example,
  };
  if (f.min !== undefined) out.min = f.min;
  if (f.max !== undefined) out.max = f.max;
  if (f.integer) out.integer = true;
  if (f.default !== undefined) out.default = f.default;
  if (f.choices) out.choices = [...f.choices];
  return out;
}

function listedAction(a: ActionSpec) {
  return {
    name: a.name,
    /** Unit of the main (shorthand) field; "" for `set`, whose values take each parameter's unit. */
    unit: mainField(a)?.unit ?? "",
    timing: a.timing,
    description: a.description,
    example: a.example,
    ...(a.shorthand !== undefined ? { shorthand: a.shorthand } : {}),
    ...(a.parameters ? { parameters: true } : {}),
    fields: a.fields.map(listedField),
  };
}

function fieldLine(a: ActionSpec, f: FieldSpec): string {
  const unit = f.choices ? "" : f.unit === "" ? "(number)" : f.unit;
  const parts: string[] = [];
  if (f.choices) parts.push(f.choices.join(" | "));
  const range =
    f.min !== undefined && f.max !== undefined
      ? `${formatWithUnit(f.min, f.unit)} to ${formatWithUnit(f.max, f.unit)}`
      : f.min !== undefined
        ? `at least ${formatWithUnit(f.min, f.unit)}`
        : "";
  if (range) parts.push(f.integer ? `${range}, whole` : range);
  parts.push(f.required ? "required" : "optional");
  if (f.default !== undefined) {
    parts.push(`default ${typeof f.default === "number" ? formatWithUnit(f.default, f.unit) : f.default}`);
  }
  if (f.expression) parts.push("may vary with t");
  if (a.shorthand === f.name) parts.push(`shorthand: ${a.name}: ${String(f.example)}`);
  return `      ${f.name.padEnd(12)} ${unit.padEnd(8)} ${f.description}; ${parts.join("; ")}`;
}

async function listCommand(flags: { json?: boolean }): Promise<void> {
  const scenarios = await shippedScenarios();
  const specs = [...ACTIONS.values()];
  const actions = specs.map(listedAction);
  const genes = Object.entries(GENES).map(([name, g]) => ({
    name,
    variants: [...g.variants],
    wildType: g.variants[0],
    description: g.description,
  }));
  const parameters = [...PARAMETERS.values()].map((p) => ({ ...p }));
  // Rules parse quantities and conditions (units, mathjs): loaded here, not at every start.
  const { rulesListing } = await import("../scenario/rules.js");
  if (flags.json) {
    const rules = rulesListing().json;
    process.stdout.write(`${JSON.stringify({ scenarios, actions, rules, genes, parameters }, null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  lines.push("Scenarios shipped with erythron (run one by name from anywhere: erythron run healthy-man):");
  if (scenarios.length === 0) lines.push("  (none)");
  const width = Math.max(0, ...scenarios.map((s) => s.id.length));
  for (const s of scenarios) {
    const what = s.error ? `INVALID: ${s.error.split("\n")[0]}` : `${s.name} (${formatDays(s.durationDays ?? 0)})`;
    lines.push(`  ${s.id.padEnd(width)}  ${what}`);
  }
  lines.push(
    "",
    'Event actions (in a scenario\'s events: list). Instant actions take "at", or "from" + "every" (+ "until")',
    'to repeat; span actions take "from" (+ "until"), or "at" (from then on). Values marked "may vary with t"',
    'may be an expression in t, the time since the event\'s start, such as "500 mL * exp(-t / (7 days))".',
  );
  for (const a of specs) {
    const unit = mainField(a)?.unit ?? "";
    lines.push(`  ${a.name.padEnd(14)} ${unit.padEnd(8)} ${a.timing.padEnd(8)} ${a.description}`);
    if (a.parameters) lines.push("      <parameter path>       a value in the parameter's unit (see Parameters below)");
    for (const f of a.fields) lines.push(fieldLine(a, f));
    lines.push(`      example: ${a.example}`);
  }
  lines.push("", ...rulesListing().lines);
  lines.push("", "Genes (genotype: gene: variant; omitted genes are wild type, the first variant):");
  for (const g of genes) {
    lines.push(`  ${g.name.padEnd(18)} ${g.variants.map(String).join(" | ")}`);
    lines.push(`      ${g.description}`);
  }
  lines.push(
    "",
    'Parameters (override with "parameters:" in a scenario or --set path=value; "ref §N" in a source is',
    "section N of docs/physiology.md, shipped with erythron):",
  );
  for (const p of parameters) {
    const unit = p.unit === "" ? "" : ` ${p.unit}`;
    const def =
      typeof p.default === "number"
        ? `${sig(p.default, 6)}${unit}`
        : `${sig(p.default.male, 6)}${unit} (male), ${sig(p.default.female, 6)}${unit} (female)`;
    lines.push(`  ${p.path}  [${p.unit === "" ? "dimensionless" : p.unit}]  default ${def}`);
    lines.push(`      ${p.description}`);
    lines.push(`      source: ${p.source}`);
    if (p.provenance) {
      const pv = p.provenance;
      lines.push(`      provenance: ${pv.kind}${pv.kind === "calibrated" ? ` to ${pv.targets.join(", ")}` : ""}`);
    }
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

// ── Program ──────────────────────────────────────────────────────────────────

function buildProgram(): Command {
  const program = new Command("erythron")
    .description(
      "Agent-based simulator of red-cell production and iron metabolism: the blood count emerges from dividing erythroblasts.",
    )
    .version(packageVersion(), "-V, --version")
    .showHelpAfterError("(add --help for usage)")
    .exitOverride()
    .configureOutput({
      outputError: (str, write) =>
        write(
          `erythron: ${str
            .replace(/^error: /, "")
            .split("\n")
            .map(escapeText)
            .join("\n")}`,
        ),
    });

  program
    .command("run")
    .description(
      `simulate a scenario; with --out, write into DIR ${OUTPUT_FILES.join(", ")}, scenario.json (subject and events, for \`erythron plot DIR\`), iron-economy.csv (iron pools and fluxes) and the figures (${RUN_FIGURES.join(", ")}, each .svg and .png; figures of an earlier run in DIR are replaced or removed); without --out, print the trajectory CSV on stdout`,
    )
    .argument("<scenario>", "scenario file (YAML or JSON), or the name of a shipped scenario (erythron list)")
    .option(
      "-o, --out <dir>",
      `directory for ${OUTPUT_FILES.join(", ")}, scenario.json, iron-economy.csv and the figures (created if missing)`,
    )
    .option("--seed <n>", "random seed (overrides the scenario's)", parseNonNegativeInteger)
    .option(
      "--set <path=value>",
      'override a parameter, with its unit: --set "iron.diet.nonHeme=8 mg/day" (repeatable)',
      collect,
      [] as string[],
    )
    .option("--dt <time>", 'time step, a time such as "1 h" or "30 min" (default 1 h)')
    .option(
      "--resolution <n>",
      `founder agents per day: numerical resolution, not physiology (default ${DEFAULT_RESOLUTION})`,
      parseResolution,
    )
    .option("--no-plots", `with --out, do not draw the figures (${RUN_FIGURES.join(", ")})`)
    .action(async (scenario, opts) => {
      const flags: RunFlags = { set: opts.set, plots: opts.plots };
      if (opts.out !== undefined) flags.out = opts.out;
      if (opts.seed !== undefined) flags.seed = opts.seed;
      if (opts.dt !== undefined) flags.dt = opts.dt;
      if (opts.resolution !== undefined) flags.resolution = opts.resolution;
      await runCommand(scenario, flags);
    });

  registerPlotCommand(program, {
    input: (message) => new InputError(message),
    runFailure: (message, cause) => new RunFailure(message, { cause }),
  });

  program
    .command("check")
    .description("validate a scenario file (and the flags `run` would get) without running it")
    .argument("<scenario>", "scenario file (YAML or JSON), or the name of a shipped scenario (erythron list)")
    .option("-o, --out <dir>", "check that DIR could take the outputs (nothing is written)")
    .option("--seed <n>", "random seed", parseNonNegativeInteger)
    .option("--set <path=value>", "override a parameter, as for run (repeatable)", collect, [] as string[])
    .option("--dt <time>", "time step, as for run")
    .option("--resolution <n>", "founder agents per day, as for run", parseResolution)
    .option("--no-plots", "as for run")
    .action(async (scenario, opts) => {
      const flags: RunFlags = { set: opts.set, plots: opts.plots };
      if (opts.out !== undefined) flags.out = opts.out;
      if (opts.dt !== undefined) flags.dt = opts.dt;
      if (opts.resolution !== undefined) flags.resolution = opts.resolution;
      await checkCommand(scenario, flags);
    });

  program
    .command("list")
    .description(
      "shipped scenarios (by the name that runs them), event actions with their fields and units, genes, and every model parameter",
    )
    .option("--json", "machine-readable output")
    .action(async (opts) => {
      const flags: { json?: boolean } = {};
      if (opts.json !== undefined) flags.json = opts.json;
      await listCommand(flags);
    });

  registerSweepCommands(program as unknown as Command, { InputError, RunFailure });
  registerValidateCommand(program as unknown as Command, { InputError, RunFailure }, SCENARIOS_DIR);
  registerCompareCommand(program as unknown as Command, { InputError, RunFailure });
  registerFitCommand(program as unknown as Command, { InputError, RunFailure });
  registerCohortCommand(program as unknown as Command, { InputError, RunFailure });

  return program as unknown as Command;
}

function printError(message: string): void {
  // Echoed values may hold escape sequences (from flags, paths, files): never print them raw.
  for (const line of message.split("\n")) process.stderr.write(`erythron: ${escapeText(line)}\n`);
}

/** Run the command line; resolves to the exit code. `argv` as in process.argv (node, script, args…). */
export async function main(argv: readonly string[]): Promise<number> {
  installDiskSteadyStateCache(); // equilibria kept on disk across commands (ERYTHRON_STEADY_STATE_CACHE=0: off)
  const program = buildProgram();
  // Quiet exit when stdout is closed early (`erythron run x.yaml | head`).
  process.stdout.once("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; every other commander error is bad input (already printed).
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return 0;
      if (e.code === "commander.help") return e.exitCode === 0 ? 0 : 2;
      return 2;
    }
    if (e instanceof Interrupted) {
      printError(e.message);
      return signalExitCode(e.signal);
    }
    if (e instanceof ScenarioError || e instanceof InputError) {
      printError(e.message);
      return 2;
    }
    if (e instanceof RunFailure) {
      printError(e.message);
      if (process.env.ERYTHRON_DEBUG && e.cause instanceof Error && e.cause.stack)
        process.stderr.write(`${e.cause.stack}\n`);
      // The hint only where a run broke; a red validation target has no stack worth showing.
      else if (e.cause instanceof Error) process.stderr.write("erythron: (set ERYTHRON_DEBUG=1 for a stack trace)\n");
      return 1;
    }
    printError(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.ERYTHRON_DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

const entry = process.argv[1];
if (entry !== undefined && resolve(entry) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv);
}
