/**
 * Calibration runs of a cohort: a shipped cohort scenario, optionally
 * shortened (its members start in iron balance, so a short run shows what a
 * long one does), at a chosen size and resolution; prints each summarised
 * lab's P5/P25/P50/P75/P95 at each summary day, the threshold shares and the
 * distribution of the balanced path.
 *
 *   npx tsx bench/cohort-calibration.ts SCENARIO SIZE DAYS|keep OUT [foundersPerDay|-] [everyDays=60]
 *
 * docs/virtual-patients.md reports the figures it gave.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cohort } from "../src/cohort/cohort.js";

const [src, size, days, out, founders, every] = process.argv.slice(2);
let text = readFileSync(src as string, "utf8").replace(/^ {2}histograms: .*$/m, "");
if (days !== "keep") text = text.replace(/^duration: .*$/m, `duration: ${days} days`);
const file = `${out}.yaml`;
writeFileSync(file, text);
const t0 = process.cpuUsage();
const r = await cohort({
  scenario: file,
  size: Number(size),
  out: out as string,
  workers: 2,
  everyDays: Number(every ?? 60),
  ...(founders && founders !== "-" ? { foundersPerDay: Number(founders) } : {}),
  columns: ["hb_g_dl", "ferritin_ng_ml", "storage_iron_mg", "body_iron_mg", "tsat_pct"],
  onMessage: (m) => console.error(m),
});
for (const s of r.summary)
  console.log(s.day, s.column, [s.p5, s.p25, s.p50, s.p75, s.p95].map((x) => x.toPrecision(4)).join(" "));
for (const s of r.shares) console.log("share", s.day, s.measure, (100 * s.share).toFixed(1));
if (r.balance) {
  const d = r.balance.members.map((m) => m.solved).sort((a, b) => a - b);
  const q = (p: number) => (d[Math.floor(p * (d.length - 1))] as number).toPrecision(3);
  console.log(
    "solved P5/P50/P95",
    q(0.05),
    q(0.5),
    q(0.95),
    "clipped",
    r.balance.members.filter((m) => m.clipped).length,
  );
}
const c = process.cpuUsage(t0);
console.log("main cpu s", (c.user + c.system) / 1e6);
