/**
 * Coverage of fit intervals on synthetic patients made by erythron itself:
 * each patient (a 75 kg man) has a known chronic bleed and storage iron drawn
 * from a range; its labs are simulated with another seed than the fit's (the
 * model's own randomness counts as in a real patient) and drawn from the
 * measurement-error model at the published CVs (src/fit/error-model.ts:
 * log-normal for ferritin and TSAT, normal for Hb and MCV); then fitted.
 *
 * Lab schedule: what a clinician following a slow GI bleed would have —
 * Hb, MCV, ferritin and TSAT every month (days 0, 30, …), for MONTHS months.
 *
 *   npx tsx bench/fit-coverage.ts [patients=40] [freePaths=1|2] [foundersPerDay=24] [firstPatient=0] [months=6] [jsonl]
 *   npx tsx bench/fit-coverage.ts summary FILE.jsonl…
 *
 * Prints one line per patient as it finishes and appends it as JSON to
 * `jsonl` (if given), so a long study can be split (firstPatient) and pooled;
 * `summary` pools such files. With a `jsonl`, the study is resumable: patients
 * already in it are skipped, and each fit keeps its journal of runs in
 * `jsonl`.work/fit-<i>/ (src/fit/run-fit.ts), so a fit cut by a kill resumes
 * from its runs (its row then says `resumed` and its time is only the rest).
 * Per path, how often the 95 % interval covers
 * the truth, the median and 90th percentile of the relative error of the
 * point estimate (all patients, and those whose interval was bounded on both
 * sides), and the time and runs per fit. The patient sequence is the same
 * whatever the split.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStream } from "../src/core/rng.js";
import { noisyMeasurement } from "../src/fit/error-model.js";
import { fit as fitPatient } from "../src/fit/run-fit.js";
import { parseScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";

const PATHS = ["events[0].chronicBleed", "subject.storageIron"];

interface Row {
  patient: number;
  months: number;
  foundersPerDay: number;
  truth: number[];
  estimates: { value: number; lower: number; upper: number; identifiable: boolean }[];
  runs: number;
  seconds: number;
  /** The fit resumed from a journal of an interrupted run: `seconds` is only the rest. */
  resumed?: boolean;
  /** Commit of the code that made the row (bench only; `git rev-parse`). */
  commit?: string;
}

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(p * s.length))] as number) : Number.NaN;
};

function summary(rows: Row[]): void {
  const n = rows.length;
  console.log(`${n} patients (${[...new Set(rows.map((r) => `${r.months} months`))].join(", ")})`);
  const k = Math.max(...rows.map((r) => r.estimates.length));
  for (let p = 0; p < k; p++) {
    const with_ = rows.filter((r) => r.estimates[p]);
    const cov = with_.filter((r) => {
      const e = r.estimates[p] as Row["estimates"][number];
      return e.lower <= (r.truth[p] as number) && (r.truth[p] as number) <= e.upper;
    }).length;
    const err = (rs: Row[]) =>
      rs.map(
        (r) =>
          Math.abs((r.estimates[p] as Row["estimates"][number]).value - (r.truth[p] as number)) /
          (r.truth[p] as number),
      );
    const all = err(with_);
    const ident = err(with_.filter((r) => (r.estimates[p] as Row["estimates"][number]).identifiable));
    const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
    console.log(
      `${PATHS[p]}: covers the truth ${cov}/${with_.length} (${pct(cov / with_.length)}); relative error median ${pct(quantile(all, 0.5))}, P90 ${pct(quantile(all, 0.9))}, max ${pct(Math.max(...all))}; bounded on both sides in ${ident.length}: median ${pct(quantile(ident, 0.5))}, P90 ${pct(quantile(ident, 0.9))}`,
    );
    // Identifiable without a note: bounded within a factor of 2 (the fit calls a wider interval "weakly identifiable").
    const narrow = with_.filter((r) => {
      const e = r.estimates[p] as Row["estimates"][number];
      return e.identifiable && e.upper <= 2 * e.lower;
    });
    const narrowCov = narrow.filter((r) => {
      const e = r.estimates[p] as Row["estimates"][number];
      return e.lower <= (r.truth[p] as number) && (r.truth[p] as number) <= e.upper;
    }).length;
    const ne = err(narrow);
    console.log(
      `  interval within a factor 2 in ${narrow.length}: covers ${narrowCov}/${narrow.length}; error median ${pct(quantile(ne, 0.5))}, P90 ${pct(quantile(ne, 0.9))}, max ${pct(Math.max(...ne))}; within 25 % of the truth: ${ne.filter((x) => x <= 0.25).length}/${ne.length}`,
    );
  }
  const secs = rows.filter((r) => !r.resumed).map((r) => r.seconds);
  const runs = rows.map((r) => r.runs);
  console.log(
    `time per fit: median ${quantile(secs, 0.5).toFixed(0)} s, max ${Math.max(...secs).toFixed(0)} s; runs per fit median ${quantile(runs, 0.5)}, max ${Math.max(...runs)}`,
  );
}

if (process.argv[2] === "summary") {
  const rows = process.argv
    .slice(3)
    .flatMap((f) => readFileSync(f, "utf8").split("\n").filter(Boolean))
    .map((l) => JSON.parse(l) as Row);
  summary(rows);
} else {
  const patients = Number(process.argv[2] ?? 40);
  const freeCount = Number(process.argv[3] ?? 1);
  const foundersPerDay = Number(process.argv[4] ?? 24);
  const firstPatient = Number(process.argv[5] ?? 0);
  const months = Number(process.argv[6] ?? 6);
  const jsonl = process.argv[7];
  const dir = jsonl ? `${jsonl}.work` : mkdtempSync(join(tmpdir(), "erythron-fit-coverage-"));
  mkdirSync(dir, { recursive: true });
  const done = new Set<number>(
    jsonl && existsSync(jsonl)
      ? readFileSync(jsonl, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as Row).patient)
      : [],
  );
  let commit: string | undefined;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  const draw = createStream(2026, "fit-coverage");
  const columns = ["hb_g_dl", "ferritin_ng_ml", "mcv_fl", "tsat_pct"];
  const days = Array.from({ length: months + 1 }, (_, m) => 30 * m);
  const rows: Row[] = [];
  for (let i = 0; i < firstPatient + patients; i++) {
    const bleed = 2 + 18 * draw.uniform();
    const stores = 300 + 900 * draw.uniform();
    if (i < firstPatient || done.has(i)) continue; // the same patients whatever the split
    const text = (b: number, s: number) =>
      `name: patient ${i}\nsubject: { sex: male, weight: 75 kg, storageIron: ${s.toFixed(1)} mg }\nduration: ${30 * months} days\nevents:\n  - from: 0 days\n    chronicBleed: ${b.toFixed(3)} mL/day\n`;
    const truth = simulate(parseScenario(text(bleed, stores), "truth.yaml"), { seed: 1000 + i, foundersPerDay });
    const noise = createStream(i, "lab-noise");
    const lines = [`day,${columns.join(",")}`];
    for (const day of days)
      lines.push(
        [
          day,
          ...columns.map((c) => noisyMeasurement(c, truth.column(c)[day] as number, noise.normal()).toFixed(3)),
        ].join(","),
      );
    const labs = join(dir, `labs-${i}.csv`);
    writeFileSync(labs, `${lines.join("\n")}\n`);
    const scenario = join(dir, `patient-${i}.yaml`);
    // One free path: the stores are known (the truth's); two: the stores are estimated too.
    writeFileSync(scenario, text(8, freeCount > 1 ? 800 : stores));
    const free = ["events[0].chronicBleed=0.5 mL/day..40 mL/day"];
    if (freeCount > 1) free.push("subject.storageIron=100 mg..2000 mg");
    const out = jsonl ? join(dir, `fit-${i}`) : undefined;
    const resumed = out !== undefined && existsSync(join(out, "evaluations.jsonl"));
    const t0 = performance.now();
    const r = await fitPatient({
      scenario,
      labs,
      free,
      foundersPerDay,
      ...(out !== undefined ? { out } : {}),
      ...(process.env.FIT_PROGRESS ? { onProgress: (m: string) => console.error(m) } : {}),
    });
    const row: Row = {
      patient: i,
      months,
      foundersPerDay,
      truth: [bleed, stores].slice(0, freeCount),
      estimates: PATHS.slice(0, freeCount).map((p) => {
        const e = r.estimates[p];
        if (!e) throw new Error(`no estimate of ${p}`);
        return { value: e.value, lower: e.lower, upper: e.upper, identifiable: e.identifiable };
      }),
      runs: r.runs,
      seconds: (performance.now() - t0) / 1000,
      ...(resumed ? { resumed } : {}),
      ...(commit ? { commit } : {}),
    };
    rows.push(row);
    if (jsonl) appendFileSync(jsonl, `${JSON.stringify(row)}\n`);
    const cells = row.truth.map((t, k) => {
      const e = row.estimates[k] as Row["estimates"][number];
      return `truth ${t.toFixed(1)} est ${e.value.toFixed(1)} [${e.lower.toFixed(1)}, ${e.upper.toFixed(1)}]${e.identifiable ? "" : " (open)"}`;
    });
    console.log(`patient ${i}: ${cells.join("; ")}; ${r.runs} runs, ${row.seconds.toFixed(0)} s`);
  }
  summary(rows);
}
