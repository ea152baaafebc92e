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
 * gains and the iron lost. Net absorption is nearly proportional to the path,
 * so a first solution is value × losses / gain; but not quite: a member with
 * small stores absorbs more per unit of the path at a lower value (hepcidin
 * stays lower and the duodenum's DMT1 higher, HIF-2α reading a lower TSAT),
 * so that first solution left women with near-empty stores gaining ~0.3
 * mg/day (their stores rose from 10 to 70 mg in a year). So the solution is
 * probed again and refined by the secant through the two probes (a third
 * probe when still more than 3 % out of balance). The member is then at a
 * drawn steady state: stores, labs and hepcidin start where they stay
 * (checked: docs/virtual-patients.md).
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
  /** Most probe runs per member (default 3: the drawn value, its proportional solution, one secant step). */
  maxProbes?: number;
  dtHours?: number;
  foundersPerDay?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface BalanceReport {
  path: string;
  /**
   * Per member: the drawn first guess, the solved value (the probed value closest to balance), the net
   * balance (gain − loss, mg/day) at the drawn and at the solved value, the number of probes, and whether
   * the balance lies beyond a bound of the path.
   */
  members: {
    drawn: number;
    solved: number;
    balanceAtDrawn: number;
    balanceAtSolved: number;
    probes: number;
    clipped: boolean;
  }[];
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

/** Within 3 % of the member's losses, a probe's balance is as good as the probes can tell (menstrual draws). */
const BALANCE_TOLERANCE = 0.03;

/**
 * Replace the balanced path of every member by its balance value (in place); undefined when no path asks
 * for it. The path must scale what the gut takes in (dietary non-heme iron or its absorption efficiency).
 * Net absorption is then nearly proportional to it: the first probe, at the drawn value, gives
 * value × losses / net absorption; a second probe there measures what is left (the body's own feedback
 * makes absorption less than proportional to the path), and the secant through the two probes refines it;
 * the probed value closest to balance is kept.
 */
export function balanceMembers(values: number[][], options: BalanceOptions): BalanceReport | undefined {
  const at = options.population.findIndex((p) => p.balance);
  if (at < 0) return undefined;
  const p = options.population[at] as PopulationPath;
  const lo = p.distribution.kind === "uniform" ? p.distribution.from : (p.distribution.min ?? 0);
  const hi = p.distribution.kind === "uniform" ? p.distribution.to : (p.distribution.max ?? Number.POSITIVE_INFINITY);
  const maxProbes = Math.max(1, options.maxProbes ?? 3);
  const members: BalanceReport["members"] = [];
  values.forEach((member, i) => {
    const drawn = member[at] as number;
    const probeAt = (x: number) => {
      const trial = [...member];
      trial[at] = x;
      const { gain, loss } = probe(options, trial);
      return { x, gain, loss, net: gain - loss };
    };
    const probes = [probeAt(drawn)];
    let next = drawn;
    for (;;) {
      const last = probes[probes.length - 1] as ReturnType<typeof probeAt>;
      const before = probes[probes.length - 2];
      next = last.x;
      if (Math.abs(last.net) <= BALANCE_TOLERANCE * last.loss) break;
      // The secant through the last two probes where it is usable, else the proportional solution.
      const secant =
        before && last.net !== before.net
          ? last.x - (last.net * (last.x - before.x)) / (last.net - before.net)
          : Number.NaN;
      next = secant > 0 ? secant : last.gain > 0 ? (last.x * last.loss) / last.gain : last.x;
      const bounded = Math.min(hi, Math.max(lo, next));
      if (probes.length >= maxProbes || bounded === last.x) break;
      probes.push(probeAt(bounded));
    }
    // The solved value is the probed one closest to balance: a 28-day probe's balance is not smooth in the
    // path (the agents' draws reshuffle; neighbouring values differed by up to ~0.2 mg/day in men), so an
    // unprobed secant step is not surely better than the probes behind it.
    const best = probes.reduce((a, b) => (Math.abs(b.net) < Math.abs(a.net) ? b : a));
    const clipped = !(next >= lo && next <= hi);
    member[at] = best.x;
    members.push({
      drawn,
      solved: best.x,
      balanceAtDrawn: (probes[0] as ReturnType<typeof probeAt>).net,
      balanceAtSolved: best.net,
      probes: probes.length,
      clipped,
    });
    options.onProgress?.(i + 1, values.length);
  });
  return { path: p.path.path, members };
}
