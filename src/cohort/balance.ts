/**
 * Members that start in iron balance.
 *
 * Iron stores settle over years (absorption adapts to stores through hepcidin;
 * a 1 mg/day imbalance moves 1 g of stores in three years), so a cohort whose
 * stores are drawn independently of each member's intake and losses spends its
 * first years drifting towards each member's own fixed point, and any year of
 * it is a transient. Instead, a path marked `balance: true` in the population
 * block (dietary non-heme iron, or its absorption efficiency as in the shipped
 * cohorts) is *solved* per member: with the
 * member's drawn stores, body and losses, a short probe run without the
 * scenario's events (one menstrual cycle, 28 days) measures the iron the gut
 * gains and the iron lost; net absorption is proportional to the path at the
 * member's hepcidin, so the member gets value × losses / gain. The member is
 * then at a drawn steady state: stores, labs and hepcidin start where they
 * stay (checked: docs/virtual-patients.md).
 *
 * Probes run in the calling thread, at the cohort's numerical settings, with
 * the cohort's seed; the result is a pure function of the population, the
 * draw and the seed.
 */
import { parseScenario } from "../scenario/load.js";
import { simulate } from "../simulate.js";
import { setScenarioValue } from "../sweep/paths.js";
import type { PopulationPath } from "./population.js";

export interface BalanceOptions {
  scenarioDoc: Record<string, unknown>;
  scenarioFile: string;
  population: readonly PopulationPath[];
  seed: number;
  /** Length of each probe run (default 28 days: one menstrual cycle). */
  probeDays?: number;
  dtHours?: number;
  foundersPerDay?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface BalanceReport {
  path: string;
  /** Per member: the drawn first guess, the solved value, the net balance (mg/day) of the two probes. */
  members: { drawn: number; solved: number; balanceAtDrawn: number; clipped: boolean }[];
}

/** Iron gained (absorbed less shed with enterocytes) and lost (blood, basal), mg/day, over a short run without events. */
function probe(options: BalanceOptions, values: readonly number[]): { gain: number; loss: number } {
  const doc = structuredClone(options.scenarioDoc);
  delete doc.events;
  delete doc.population;
  const days = options.probeDays ?? 28;
  doc.duration = `${days} days`;
  doc.record = { every: `${days} days` };
  const overrides: Record<string, number> = {};
  options.population.forEach((p, i) => {
    if (p.path.target === "parameter") overrides[p.path.path] = values[i] as number;
    else setScenarioValue(doc, p.path.path, values[i] as number, p.path.unit);
  });
  let ledger = { absorbedMg: 0, shedMg: 0, bloodLossMg: 0, basalLossMg: 0 };
  const opts: Parameters<typeof simulate>[1] = {
    seed: options.seed,
    overrides,
    observe: (body) => {
      ledger = { ...body.ledger };
    },
  };
  if (options.dtHours !== undefined) opts.dtHours = options.dtHours;
  if (options.foundersPerDay !== undefined) opts.foundersPerDay = options.foundersPerDay;
  simulate(parseScenario(JSON.stringify(doc), options.scenarioFile), opts);
  return {
    gain: (ledger.absorbedMg - ledger.shedMg) / days,
    loss: (ledger.bloodLossMg + ledger.basalLossMg) / days,
  };
}

/**
 * Replace the balanced path of every member by its balance value (in place); undefined when no path asks
 * for it. The path must scale what the gut takes in (dietary non-heme iron or its absorption efficiency):
 * net absorption is then proportional to it at the member's hepcidin, and one probe gives the value at
 * which it meets the losses: value × losses / net absorption.
 */
export function balanceMembers(values: number[][], options: BalanceOptions): BalanceReport | undefined {
  const at = options.population.findIndex((p) => p.balance);
  if (at < 0) return undefined;
  const p = options.population[at] as PopulationPath;
  const lo = p.distribution.kind === "uniform" ? p.distribution.from : (p.distribution.min ?? 0);
  const hi = p.distribution.kind === "uniform" ? p.distribution.to : (p.distribution.max ?? Number.POSITIVE_INFINITY);
  const members: BalanceReport["members"] = [];
  values.forEach((member, i) => {
    const drawn = member[at] as number;
    const { gain, loss } = probe(options, member);
    let solved = gain > 0 ? (drawn * loss) / gain : drawn;
    const clipped = !(solved >= lo && solved <= hi);
    solved = Math.min(hi, Math.max(lo, solved));
    member[at] = solved;
    members.push({ drawn, solved, balanceAtDrawn: gain - loss, clipped });
    options.onProgress?.(i + 1, values.length);
  });
  return { path: p.path.path, members };
}
