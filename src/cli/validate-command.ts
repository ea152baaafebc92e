/**
 * `erythron validate`: run the published studies under validation/ and the
 * signature targets on the shipped scenarios, grade every target (green,
 * yellow, red), print the table and a summary by role, and with --out write
 * validation.md, validation.html (self-contained, one figure per published
 * time course), validation.json and the figures as SVG files.
 *
 * Exit codes (as before: 0 all met, 1 the model fell short, 2 bad input):
 * 0 when every selected target is green or yellow, 1 when any is red,
 * 2 on bad input (an invalid study file, an unknown flag value, a selection
 * that matches nothing).
 */

import { mkdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import type { Command } from "@commander-js/extra-typings";

type ErrorClass = new (message: string, options?: { cause?: unknown }) => Error;

export function registerValidateCommand(
  program: Command,
  kinds: { InputError: ErrorClass; RunFailure: ErrorClass },
  scenariosDir: string,
): void {
  program
    .command("validate")
    .description(
      "run the validation studies (validation/) and signature targets, grade each against the published value, and report",
    )
    .option("--out <dir>", "write validation.md, validation.html, validation.json and figures/ there")
    .option("--only <text...>", "only targets whose id, study or scenario contains one of these texts")
    .option("--role <role>", "only calibration or only test targets")
    .option("--studies <dir>", "directory of validation studies (default: validation/ beside scenarios/)")
    .option("--workers <n>", "worker threads (0 = run inline; default: number of cores, at most 4)")
    .action(async (opts: { out?: string; only?: string[]; role?: string; studies?: string; workers?: string }) => {
      const { loadStudies } = await import("../validation/studies.js");
      const { planSuite, runJobs, gradeSuite } = await import("../validation/suite.js");
      const report = await import("../validation/report.js");
      const { ScenarioError } = await import("../scenario/errors.js");
      const { writeFileAtomic } = await import("../io/outputs.js");
      const { VERSION } = await import("../version.js");
      if (opts.role !== undefined && opts.role !== "calibration" && opts.role !== "test")
        throw new kinds.InputError(`--role: found "${opts.role}"; expected calibration or test`);
      let workers = Math.min(4, availableParallelism());
      if (opts.workers !== undefined) {
        workers = Number(opts.workers);
        if (!Number.isInteger(workers) || workers < 0 || workers > 64)
          throw new kinds.InputError(`--workers: found "${opts.workers}"; expected a whole number 0–64`);
      }
      const root = resolve(opts.studies ?? join(scenariosDir, "..", "validation"));
      let studies: Awaited<ReturnType<typeof loadStudies>>;
      try {
        studies = await loadStudies(root);
      } catch (e) {
        if (e instanceof ScenarioError) throw new kinds.InputError(e.message, { cause: e });
        throw e;
      }
      const sel: { only?: string[]; role?: "calibration" | "test" } = {};
      if (opts.only !== undefined) sel.only = opts.only;
      if (opts.role !== undefined) sel.role = opts.role as "calibration" | "test";
      const plan = planSuite(studies, scenariosDir, sel);
      if (plan.jobs.length === 0)
        throw new kinds.InputError(`no validation target matches ${(opts.only ?? []).map((o) => `"${o}"`).join(", ")}`);
      // Longest runs first, so the pool does not end waiting on one long scenario.
      const durations = new Map<string, number>(studies.map((s) => [s.id, s.scenario.durationDays]));
      const { loadScenario } = await import("../scenario/load.js");
      for (const s of plan.shipped) durations.set(`shipped:${s.scenario}`, (await loadScenario(s.file)).durationDays);
      const cost = (job: (typeof plan.jobs)[number]) =>
        durations.get(job.kind === "study" ? job.study : `shipped:${job.scenario}`) ?? 100;
      const workersUsed = Math.min(workers, plan.jobs.length);
      process.stderr.write(
        `validate: ${plan.jobs.length} runs (${plan.studies.length} studies, ${plan.shipped.length} shipped scenarios) on ${workersUsed || "no"} worker thread(s)\n`,
      );
      const results = await runJobs(
        plan.jobs,
        workersUsed,
        (job, k) =>
          process.stderr.write(
            `validate: ${k}/${plan.jobs.length} ${job.kind === "study" ? `${job.study} (seed ${job.seed})` : job.scenario}\n`,
          ),
        cost,
      );
      const suite = gradeSuite(plan, results);
      const order = new Map(plan.jobs.map((j, k) => [j.kind === "study" ? j.study : `shipped:${j.scenario}`, k]));
      suite.targets.sort((a, b) => (order.get(a.study) ?? 0) - (order.get(b.study) ?? 0));
      process.stdout.write(report.formatTable(suite.targets));
      const summary = report.summarize(suite.targets);
      process.stdout.write(`\n${report.summaryLines(summary).join("\n")}\n`);
      if (opts.out !== undefined) {
        const dir = resolve(opts.out);
        await mkdir(join(dir, "figures"), { recursive: true });
        const grades = new Map(suite.targets.map((t) => [t.id, t.grade]));
        for (const c of suite.curves)
          await writeFileAtomic(join(dir, "figures", report.figureFile(c)), report.curveSvg(c, grades));
        await writeFileAtomic(join(dir, "validation.md"), report.formatMarkdown(suite, VERSION, "figures"));
        await writeFileAtomic(join(dir, "validation.html"), report.formatHtml(suite, VERSION));
        const results = suite.targets.map((t) => ({ ...t, pass: t.grade === "green" }));
        await writeFileAtomic(
          join(dir, "validation.json"),
          `${JSON.stringify({ version: VERSION, summary, ironBalanceMaxRelError: suite.ironBalanceMaxRelError, results }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`,
        );
        process.stderr.write(
          `Wrote validation.md, validation.html, validation.json and ${suite.curves.length} figures to ${opts.out}.\n`,
        );
      }
      const red = suite.targets.filter((t) => t.grade === "red");
      const all = summary[2];
      process.stderr.write(`${all?.green ?? 0} of ${suite.targets.length} validation targets green.\n`);
      if (red.length > 0) throw new kinds.RunFailure(`${red.length} target(s) red: ${red.map((r) => r.id).join(", ")}`);
    });
}
