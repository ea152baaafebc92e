/**
 * `erythron fit <scenario> --labs labs.csv --free "PATH=LOW..HIGH" ... --out DIR`:
 * a virtual patient fitted to measured labs (src/fit/).
 */
import type { Command } from "@commander-js/extra-typings";
import { InvalidArgumentError } from "@commander-js/extra-typings";
import { parseResolution, wholeNumber } from "./guard.js";
import type { ErrorKinds } from "./sweep-commands.js";

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseDay(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError(`found "${value}"; expected a number of days ≥ 0`);
  return n;
}

const parseSeed = wholeNumber(0, Number.MAX_SAFE_INTEGER);

export function registerFitCommand(program: Command, kinds: ErrorKinds): void {
  program
    .command("fit")
    .description(
      "fit a virtual patient: free paths (parameters, subject fields, event times and doses) estimated from measured labs, with 95 % profile-likelihood intervals; writes fit.json, fitted.yaml, fit.svg/.png",
    )
    .argument("<scenario>", "scenario file describing the patient's causes (YAML or JSON)")
    .requiredOption(
      "--labs <csv>",
      "measured labs: a day (or date) column and trajectory columns such as hb_g_dl, ferritin_ng_ml; blanks allowed",
    )
    .requiredOption(
      "--free <PATH=LOW..HIGH>",
      'a path to estimate with its range and units, e.g. "subject.storageIron=50 mg..1500 mg" (add " log" for a log scale; repeatable)',
      collect,
      [] as string[],
    )
    .requiredOption(
      "-o, --out <dir>",
      "directory for the outputs (created if missing; an interrupted fit resumes there)",
    )
    .option("--seed <n>", "seed of every run (default: the scenario's)", parseSeed)
    .option(
      "--holdout-after <day>",
      "fit only labs up to this day and report the prediction error of the later ones",
      parseDay,
    )
    .option("--start-date <YYYY-MM-DD>", "day 0 of the scenario, for a labs file with a date column")
    .option(
      "--resolution <n>",
      "founder agents per day of every run, as for run (default 24; 8–12 fits in a third to half the time)",
      parseResolution,
    )
    .action(
      async (
        scenario: string,
        opts: {
          labs: string;
          free: string[];
          out: string;
          seed?: number;
          holdoutAfter?: number;
          startDate?: string;
          resolution?: number;
        },
      ) => {
        const { fit: fitPatient } = await import("../fit/run-fit.js");
        const { FitInputError } = await import("../fit/fit.js");
        const { LabsError } = await import("../fit/labs.js");
        const { ScenarioError } = await import("../scenario/errors.js");
        const { existsSync } = await import("node:fs");
        const { resolveScenarioPath } = await import("../scenario/shipped.js");
        for (const [flag, path] of [
          ["<scenario>", scenario],
          ["--labs", opts.labs],
        ] as const)
          if (!existsSync(path) && !(flag === "<scenario>" && existsSync(resolveScenarioPath(path))))
            throw new kinds.InputError(`${flag} ${path}: no such file`);
        let outcome: Awaited<ReturnType<typeof fitPatient>>;
        try {
          outcome = await fitPatient({
            scenario,
            labs: opts.labs,
            free: opts.free,
            out: opts.out,
            ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
            ...(opts.holdoutAfter !== undefined ? { holdoutAfterDays: opts.holdoutAfter } : {}),
            ...(opts.startDate !== undefined ? { startDate: opts.startDate } : {}),
            ...(opts.resolution !== undefined ? { foundersPerDay: opts.resolution } : {}),
            onProgress: (m) => process.stderr.write(`${m}\n`),
          });
        } catch (e) {
          if (e instanceof ScenarioError) throw e;
          if (e instanceof FitInputError || e instanceof LabsError) throw new kinds.InputError(e.message);
          throw new kinds.RunFailure(`fit failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
        const lines = Object.entries(outcome.estimates).map(
          ([path, e]) =>
            `  ${path} = ${Number(e.value.toPrecision(3))} ${e.unit} (95 % ${Number(e.lower.toPrecision(3))}–${Number(e.upper.toPrecision(3))})${e.note ? `: ${e.note}` : ""}`,
        );
        process.stderr.write(
          `Fitted ${outcome.labs.length} measurements in ${outcome.runs} runs:\n${lines.join("\n")}\nWrote fit.json, fitted.yaml, fit.svg, fit.png to ${opts.out}.\n`,
        );
      },
    );
}
