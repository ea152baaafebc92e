/**
 * `erythron compare A B [...] --replicates N --out DIR`: arms on the same body
 * with common random numbers (src/compare/compare.ts). Writes
 * differences.csv (day,column,arm,mean,lower,upper), trajectories.csv (every
 * run of every arm), compare.json, and one figure per --plot column.
 */
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "@commander-js/extra-typings";
import { parseResolution, wholeNumber } from "./guard.js";
import { createProgress } from "./progress.js";
import type { ErrorKinds } from "./sweep-commands.js";

const DEFAULT_PLOT_COLUMNS = ["hb_g_dl", "ferritin_ng_ml", "tsat_pct", "mcv_fl"];

/** Axis labels for the figures: the column name made readable, unit kept. */
const LABELS: Record<string, string> = {
  hb_g_dl: "Hemoglobin (g/dL)",
  ferritin_ng_ml: "Ferritin (ng/mL)",
  tsat_pct: "Transferrin saturation (%)",
  mcv_fl: "MCV (fL)",
  serum_iron_ug_dl: "Serum iron (µg/dL)",
  retic_pct: "Reticulocytes (%)",
  hepcidin_ng_ml: "Hepcidin (ng/mL)",
  storage_iron_mg: "Storage iron (mg)",
};

const parseReplicates = wholeNumber(1, 10_000);
const parseSeed = wholeNumber(0, Number.MAX_SAFE_INTEGER);

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function registerCompareCommand(program: Command, kinds: ErrorKinds): void {
  program
    .command("compare")
    .description(
      "compare arms (scenarios) on the same body: same subject, same steady state, common random numbers per replicate; writes differences.csv (each arm minus the first, 95 % interval), trajectories.csv, compare.json and figures",
    )
    .argument(
      "<scenarios...>",
      "two or more scenario files (or shipped scenario names); the first is the reference arm",
    )
    .requiredOption("-o, --out <dir>", "directory for the outputs (created if missing)")
    .option("--replicates <n>", "paired replicates per arm (default 10)", parseReplicates)
    .option("--seed <n>", "base seed: replicate 1 runs with it (default: the first arm's seed)", parseSeed)
    .option("--columns <list>", "comma-separated columns to difference (default: every trajectory column)")
    .option(
      "--plot <list>",
      `comma-separated columns to draw (default ${DEFAULT_PLOT_COLUMNS.join(",")}); "none" for none`,
    )
    .option("--independent", "seed each arm independently instead of pairing (to see what pairing saves)")
    .option("--resolution <n>", "founder agents per day of every run, as for run (default 24)", parseResolution)
    .action(
      async (
        files: string[],
        opts: {
          out: string;
          replicates?: number;
          seed?: number;
          columns?: string;
          plot?: string;
          independent?: boolean;
          resolution?: number;
        },
      ) => {
        const { loadScenario } = await import("../scenario/load.js");
        const { compareArms, CompareInputError } = await import("../compare/compare.js");
        const { TRAJECTORY_COLUMNS } = await import("../labs/columns.js");
        const arms = [];
        for (const f of files) arms.push(await loadScenario(f));
        const info = await stat(opts.out).catch(() => undefined);
        if (info && !info.isDirectory()) throw new kinds.InputError(`--out ${opts.out}: exists and is not a directory`);
        const split = (s: string | undefined) =>
          s === undefined
            ? undefined
            : s
                .split(",")
                .map((x) => x.trim())
                .filter((x) => x !== "");
        const plotColumns = opts.plot === "none" ? [] : (split(opts.plot) ?? DEFAULT_PLOT_COLUMNS);
        const asked = split(opts.columns);
        const columns = asked ? [...new Set([...asked, ...plotColumns])] : undefined;
        for (const c of [...(columns ?? []), ...plotColumns])
          if (!(TRAJECTORY_COLUMNS as readonly string[]).includes(c) || c === "day")
            throw new kinds.InputError(
              `unknown column "${c.slice(0, 40)}"; columns are: ${TRAJECTORY_COLUMNS.slice(1).join(", ")}`,
            );
        const progress = createProgress(process.stderr);
        let result: import("../compare/compare.js").CompareResult;
        try {
          result = compareArms(arms, {
            replicates: opts.replicates ?? 10,
            ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
            ...(columns ? { columns } : {}),
            independent: opts.independent === true,
            ...(opts.resolution !== undefined ? { simulate: { foundersPerDay: opts.resolution } } : {}),
            onProgress: progress.update,
          });
        } catch (e) {
          if (e instanceof CompareInputError) throw new kinds.InputError(e.message);
          throw new kinds.RunFailure(`compare failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        } finally {
          progress.done();
        }
        await writeCompare(result, opts.out, plotColumns);
        const fd = result.firstDifferentDay
          .slice(1)
          .map((d, k) => `${result.arms[k + 1]}: ${d === undefined ? "never differs" : `differs from day ${d}`}`)
          .join("; ");
        process.stderr.write(
          `Compared ${result.arms.length} arms × ${result.runs[0]?.length} replicates (${fd}). Wrote differences.csv, trajectories.csv, compare.json${plotColumns.length ? " and figures" : ""} to ${opts.out}.\n`,
        );
      },
    );
}

async function writeCompare(
  result: import("../compare/compare.js").CompareResult,
  dir: string,
  plotColumns: readonly string[],
): Promise<void> {
  const { formatNumber, writeFileAtomic } = await import("../io/outputs.js");
  const { VERSION } = await import("../version.js");
  await mkdir(dir, { recursive: true });
  const num = (x: number) => (Number.isFinite(x) ? formatNumber(x) : "");
  const diff = ["day,column,arm,mean,lower,upper"];
  for (const d of result.differences)
    diff.push(
      `${formatNumber(d.day, 10)},${d.column},${csvField(d.arm)},${num(d.mean)},${num(d.lower)},${num(d.upper)}`,
    );
  await writeFileAtomic(join(dir, "differences.csv"), `${diff.join("\n")}\n`);

  const first = result.runs[0]?.[0];
  const cols = first ? first.columns : [];
  const traj = [["arm", "replicate", "seed", ...cols].join(",")];
  result.runs.forEach((runs, k) => {
    runs.forEach((run, r) => {
      const data = cols.map((c) => run.column(c));
      for (let i = 0; i < run.rows; i++)
        traj.push(
          [
            csvField(result.arms[k] as string),
            r + 1,
            result.seeds[k]?.[r],
            ...data.map((col) => num(col[i] as number)),
          ].join(","),
        );
    });
  });
  await writeFileAtomic(join(dir, "trajectories.csv"), `${traj.join("\n")}\n`);

  const summary = {
    version: VERSION,
    arms: result.arms,
    scenarios: result.runs.map((runs) => runs[0]?.scenario.sourcePath ?? runs[0]?.scenario.name),
    replicates: result.runs[0]?.length ?? 0,
    seeds: result.seeds,
    pairing: "common random numbers: replicate r of every arm runs with the same seed",
    firstDifferentDay: result.firstDifferentDay,
    columns: result.columns,
    ironBalanceMaxRelError: Math.max(...result.runs.flat().map((r) => r.summary.ironBalanceMaxRelError)),
  };
  await writeFileAtomic(join(dir, "compare.json"), `${JSON.stringify(summary, null, 2)}\n`);

  if (plotColumns.length === 0) return;
  const { differenceFigure } = await import("../compare/figure.js");
  const { figureFiles, writeFigureFiles } = await import("../plot/write.js");
  const figures = plotColumns.map((c) => ({
    name: `compare-${c}`,
    title: LABELS[c] ?? c,
    svg: differenceFigure(result, c, LABELS[c] ?? c),
  }));
  await writeFigureFiles(dir, figureFiles([{ prefix: "", figures }], ["svg", "png"], "erythron compare"));
}
