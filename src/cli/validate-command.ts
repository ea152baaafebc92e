/**
 * `erythron validate`: run the shipped scenarios the validation targets name,
 * judge every target, and write a report (markdown and JSON). Exit 0 when all
 * targets are met, 1 when any is missed (the model, not the input, fell short).
 */
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Command } from "@commander-js/extra-typings";
import { createProgress } from "./progress.js";

type ErrorClass = new (message: string, options?: { cause?: unknown }) => Error;

export function registerValidateCommand(
  program: Command,
  kinds: { InputError: ErrorClass; RunFailure: ErrorClass },
  scenariosDir: string,
): void {
  program
    .command("validate")
    .description("run the validation targets (signatures from the literature) on the shipped scenarios and report")
    .option("--out <dir>", "write validation.md and validation.json there (otherwise the report goes to stdout)")
    .option("--only <text>", "only targets whose id or scenario contains this text")
    .action(async (opts: { out?: string; only?: string }) => {
      const { TARGETS, judge, formatReport } = await import("../validation/targets.js");
      const { loadScenario } = await import("../scenario/load.js");
      const { simulate } = await import("../simulate.js");
      const { writeFileAtomic } = await import("../io/outputs.js");
      const { VERSION } = await import("../version.js");
      const targets = TARGETS.filter(
        (t) => opts.only === undefined || t.id.includes(opts.only) || t.scenario.includes(opts.only),
      );
      if (targets.length === 0) throw new kinds.InputError(`no validation target matches "${opts.only}"`);
      const scenarios = [...new Set(targets.map((t) => t.scenario))];
      const results = [];
      for (const [k, name] of scenarios.entries()) {
        process.stderr.write(`validate: ${name} (${k + 1}/${scenarios.length})\n`);
        const scenario = await loadScenario(join(scenariosDir, `${name}.yaml`));
        const progress = createProgress(process.stderr);
        const run = simulate(scenario, { onProgress: progress.update });
        progress.done();
        for (const t of targets) if (t.scenario === name) results.push(judge(t, run));
      }
      const report = formatReport(results, VERSION);
      if (opts.out !== undefined) {
        const dir = resolve(opts.out);
        await mkdir(dir, { recursive: true });
        await writeFileAtomic(join(dir, "validation.md"), report);
        await writeFileAtomic(
          join(dir, "validation.json"),
          `${JSON.stringify({ version: VERSION, results }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`,
        );
        process.stderr.write(`Wrote validation.md and validation.json to ${opts.out}.\n`);
      } else {
        process.stdout.write(report);
      }
      const missed = results.filter((r) => !r.pass);
      process.stderr.write(`${results.length - missed.length} of ${results.length} validation targets met.\n`);
      if (missed.length > 0)
        throw new kinds.RunFailure(`${missed.length} target(s) missed: ${missed.map((r) => r.id).join(", ")}`);
    });
}
