/**
 * Pregnancy (issue 15, item 4): plasma expands ahead of red-cell mass, the fetus and placenta take
 * iron, hepcidin falls, delivery loses blood. Each number asserted names its source.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONCEPTION_GA_WEEKS } from "../src/physiology/pregnancy.js";
import type { Run } from "../src/run.js";
import { loadScenario, parseScenario } from "../src/scenario/load.js";
import type { Scenario } from "../src/scenario/types.js";
import { simulate } from "../src/simulate.js";
import { at } from "./shipped.js";

/** Day after conception (day 0) of a gestational age in weeks. */
const day = (gaWeeks: number) => (gaWeeks - CONCEPTION_GA_WEEKS) * 7;

interface Volumes {
  day: number[];
  plasmaDl: number[];
  redCellDl: number[];
  fetalMg: number[];
  absorbedMg: number[];
}

function runWithVolumes(s: Scenario): { run: Run; v: Volumes } {
  const v: Volumes = { day: [], plasmaDl: [], redCellDl: [], fetalMg: [], absorbedMg: [] };
  const run = simulate(s, {
    observe: (b) => {
      v.day.push(b.timeH / 24);
      v.plasmaDl.push(b.plasmaVolumeDl);
      v.redCellDl.push(b.redCellVolumeDl());
      v.fetalMg.push(b.ledger.fetalMg);
      v.absorbedMg.push(b.fluxes.absorbedToPlasmaMg);
    },
  });
  return { run, v };
}

function minBetween(run: Run, column: string, from: number, to: number): { day: number; value: number } {
  const d = run.column("day");
  const x = run.column(column);
  let best = { day: Number.NaN, value: Number.POSITIVE_INFINITY };
  for (let i = 0; i < d.length; i++) {
    const t = d[i] as number;
    if (t >= from && t <= to && (x[i] as number) < best.value) best = { day: t, value: x[i] as number };
  }
  return best;
}

let placebo: { run: Run; v: Volumes };
let iron: Run;
let lowStores: Run;
let twins: { run: Run; v: Volumes };

beforeAll(async () => {
  const base = await loadScenario(join("scenarios", "pregnancy.yaml"));
  placebo = runWithVolumes(base);
  iron = simulate(await loadScenario(join("scenarios", "pregnancy-iron-supplement.yaml")));
  // A woman who starts with low stores (150 mg, ferritin ~15 ng/mL), to term.
  lowStores = simulate({ ...base, subject: { ...base.subject, storageIronMg: 150 }, durationDays: day(40) });
  const twinEvent = {
    ...base.events[0],
    action: { kind: "pregnancy", termWeeks: 37, fetuses: 2, deliveryBloodLossMl: 500 },
  };
  twins = runWithVolumes({ ...base, durationDays: day(37) + 14, events: [twinEvent as Scenario["events"][0]] });
}, 600_000);

describe("pregnancy: plasma ahead of red cells", () => {
  it("plasma volume +45–55 % by 32–34 weeks, red-cell mass +15–35 %, plasma rising first and further", () => {
    const { v } = placebo;
    const i0 = 0;
    const i33 = v.day.findIndex((d) => d >= day(33));
    const pv = (v.plasmaDl[i33] as number) / (v.plasmaDl[i0] as number) - 1;
    const rcv = (v.redCellDl[i33] as number) / (v.redCellDl[i0] as number) - 1;
    // Hytten & Paintin 1963 J Obstet Gynaecol Br Commonw 70:402: +~1250 mL (~45–50 %) by 32–34 weeks.
    expect(pv).toBeGreaterThan(0.4);
    expect(pv).toBeLessThan(0.55);
    // Red-cell mass +18 % without iron, +30 % with (Taylor & Lind 1979 Br J Obstet Gynaecol 86:364; Hytten 1985).
    expect(rcv).toBeGreaterThan(0.1);
    expect(rcv).toBeLessThan(0.35);
    // Plasma expands first: at 16 weeks the relative rise of plasma is at least twice that of red cells.
    const i16 = v.day.findIndex((d) => d >= day(16));
    const pv16 = (v.plasmaDl[i16] as number) / (v.plasmaDl[i0] as number) - 1;
    const rcv16 = (v.redCellDl[i16] as number) / (v.redCellDl[i0] as number) - 1;
    expect(pv16).toBeGreaterThan(2 * rcv16);
    expect(pv16).toBeGreaterThan(0.1);
  });

  it("Hb nadir ~11–12 g/dL in the late 2nd/3rd trimester with iron, lower without; ≥1 g/dL below before pregnancy", () => {
    const hb0 = at(placebo.run, "hb_g_dl", 0);
    const withIron = minBetween(iron, "hb_g_dl", day(14), day(40));
    const without = minBetween(placebo.run, "hb_g_dl", day(14), day(40));
    // Physiological anemia: nadir ~11–11.5 g/dL in iron-replete women, late 2nd–3rd trimester
    // (CDC 1989 MMWR 38:400 trimester cut-offs 11.0/10.5/11.0 g/dL; WHO 2011 anemia < 11 g/dL;
    // Milman 1991 Dan Med Bull 38:471).
    expect(withIron.value).toBeGreaterThan(11);
    expect(withIron.value).toBeLessThan(12.3);
    expect(withIron.day).toBeGreaterThanOrEqual(day(24));
    expect(hb0 - withIron.value).toBeGreaterThan(1);
    expect(without.value).toBeLessThan(withIron.value);
  });

  it("EPO rises (Milman 1991: serum EPO rises through pregnancy, more without iron)", () => {
    const epo0 = at(placebo.run, "epo_mu_ml", 0);
    expect(at(placebo.run, "epo_mu_ml", day(36))).toBeGreaterThan(1.1 * epo0);
    expect(at(placebo.run, "epo_mu_ml", day(36))).toBeGreaterThan(at(iron, "epo_mu_ml", day(36)));
  });
});

describe("pregnancy: iron", () => {
  it("fetus and placenta take ~360 mg, two thirds in the third trimester, entered in the ledger; balance exact", () => {
    const { v } = placebo;
    const atTerm = v.fetalMg[v.fetalMg.length - 1] as number;
    // Bothwell 2000 Am J Clin Nutr 72:257S: fetus 270 mg + placenta 90 mg.
    expect(atTerm).toBeGreaterThan(340);
    expect(atTerm).toBeLessThan(361);
    const at28 = v.fetalMg[v.day.findIndex((d) => d >= day(28))] as number;
    expect(at28 / atTerm).toBeLessThan(0.4);
    for (const r of [placebo.run, iron, lowStores, twins.run])
      expect(r.summary.ironBalanceMaxRelError).toBeLessThan(1e-9);
    // Twins: twice the placental transfer by their (earlier) term.
    expect(twins.v.fetalMg[twins.v.fetalMg.length - 1] as number).toBeGreaterThan(680);
  });

  it("hepcidin suppressed in the 2nd/3rd trimester, rising again after delivery (van Santen 2013 Clin Chem Lab Med 51:1395)", () => {
    const first = at(placebo.run, "hepcidin_ng_ml", day(10));
    expect(at(placebo.run, "hepcidin_ng_ml", day(32))).toBeLessThan(0.25 * first);
    // van Santen saw it back within 24 h, with the inflammation of delivery (not modelled); here it
    // returns as the pregnancy signal ends and the bled marrow settles, within two weeks.
    expect(at(placebo.run, "hepcidin_ng_ml", day(40) + 14)).toBeGreaterThan(
      2 * at(placebo.run, "hepcidin_ng_ml", day(39)),
    );
  });

  it("absorption rises: iron reaching plasma from the diet at 36 weeks is over twice that at 12 weeks", () => {
    const { v } = placebo;
    const perDay = (ga: number) => {
      const i = v.day.findIndex((d) => d >= day(ga) - 7);
      const j = v.day.findIndex((d) => d >= day(ga) + 7);
      return (
        ((v.absorbedMg[j] as number) - (v.absorbedMg[i] as number)) / ((v.day[j] as number) - (v.day[i] as number))
      );
    };
    // Barrett 1994 BMJ 309:79: fractional non-heme absorption 7 % at 12 weeks, 36 % at 24, 66 % at 36.
    // Known shortfall: the model's rise is ~2.3-fold (1.6 → 3.6 mg/day), not ~9-fold.
    expect(perDay(36)).toBeGreaterThan(2 * perDay(12));
    expect(perDay(24)).toBeGreaterThan(perDay(12));
  });

  it("without supplement ferritin falls through pregnancy, below 15 ng/mL in women with low stores", () => {
    const f0 = at(placebo.run, "ferritin_ng_ml", 0);
    const term = at(placebo.run, "ferritin_ng_ml", day(39.5));
    // Milman 1991 Dan Med Bull 38:471: 92 % of placebo-treated women had ferritin ≤ 20 ng/mL by term.
    expect(term).toBeLessThan(0.65 * f0);
    expect(term).toBeLessThan(25);
    // Low stores at conception: exhausted stores (< 15 ng/mL; IOM 2001) before term.
    expect(at(lowStores, "ferritin_ng_ml", day(39.5))).toBeLessThan(15);
  });

  it("serum ferritin falls further than the stores: the extra plasma dilutes it, and it returns as the plasma leaves", () => {
    // Serum ferritin is a concentration of what macrophages secrete, cleared with a fixed half-life, so
    // the +45-50 % plasma of late pregnancy (Hytten & Paintin 1963; Pritchard 1965) lowers it at the
    // same stores (in part hemodilution: Fisher & Nemeth 2017 Am J Clin Nutr 106:1567S).
    const t = day(36);
    const storesRatio = at(placebo.run, "storage_iron_mg", t) / at(placebo.run, "storage_iron_mg", 0);
    const ferritinRatio = at(placebo.run, "ferritin_ng_ml", t) / at(placebo.run, "ferritin_ng_ml", 0);
    expect(ferritinRatio).toBeLessThan(0.8 * storesRatio);
    // Six weeks after delivery the plasma is back (Hytten 1985 Clin Haematol 14:601) and so is the link.
    const after = day(40) + 42;
    const storesAfter = at(placebo.run, "storage_iron_mg", after) / at(placebo.run, "storage_iron_mg", 0);
    const ferritinAfter = at(placebo.run, "ferritin_ng_ml", after) / at(placebo.run, "ferritin_ng_ml", 0);
    expect(ferritinAfter).toBeGreaterThan(0.8 * storesAfter);
  });

  it("a daily supplement keeps Hb and ferritin higher from the late 2nd trimester (Milman 1991; WHO 2012)", () => {
    for (const ga of [28, 36, 39]) {
      expect(at(iron, "hb_g_dl", day(ga))).toBeGreaterThan(at(placebo.run, "hb_g_dl", day(ga)));
      expect(at(iron, "ferritin_ng_ml", day(ga))).toBeGreaterThan(1.5 * at(placebo.run, "ferritin_ng_ml", day(ga)));
    }
  });

  it("menses stop during pregnancy: no blood lost before delivery", () => {
    // Body iron never drops by a menstrual step (~17 mg in 5 days) before term: only absorption and transfer act.
    const b = placebo.run.column("body_iron_mg");
    const d = placebo.run.column("day");
    let worst = 0;
    for (let i = 1; i < d.length && (d[i] as number) < day(40) - 1; i++)
      worst = Math.min(worst, (b[i] as number) - (b[i - 1] as number));
    expect(worst).toBeGreaterThan(-6.5); // fetal transfer near term is ~5.5 mg/day (Bothwell 2000)
  });
});

describe("pregnancy: labelled iron", () => {
  it("a labelled IV dose keeps its balance as it crosses the placenta (the label leaves with the iron)", async () => {
    const base = await loadScenario(join("scenarios", "pregnancy.yaml"));
    let fetalLabel = 0;
    const run = simulate(
      {
        ...base,
        durationDays: day(40) + 3,
        events: [
          ...base.events,
          { atDays: day(30), action: { kind: "tracer", isotope: "59Fe", doseMg: 0.1, route: "iv" } },
        ],
      },
      {
        observe: (b) => {
          fetalLabel = b.tracer.outMg;
        },
      },
    );
    expect(run.summary.labelledIronBalanceMaxRelError).toBeLessThan(1e-9);
    // Some of a dose given at 30 weeks leaves with the iron the placenta takes (and bleeding at delivery).
    expect(fetalLabel).toBeGreaterThan(0);
  });
});

describe("pregnancy: the action", () => {
  it("`pregnancy: {}` takes its defaults; term, fetuses and delivery blood loss can be given", () => {
    const doc = (events: string) =>
      `name: p\nsubject: { sex: female, weight: 60 kg }\nduration: 300 days\nevents:\n${events}`;
    const a = parseScenario(doc("  - at: 0 days\n    pregnancy: {}\n"), "p.yaml").events[0]?.action;
    expect(a).toEqual({ kind: "pregnancy", termWeeks: 40, fetuses: 1, deliveryBloodLossMl: 500 });
    const b = parseScenario(
      doc("  - at: 0 days\n    pregnancy: { term: 37 weeks, fetuses: 2, deliveryBloodLoss: 1 L }\n"),
      "p.yaml",
    ).events[0]?.action;
    expect(b).toEqual({ kind: "pregnancy", termWeeks: 37, fetuses: 2, deliveryBloodLossMl: 1000 });
    expect(() => parseScenario(doc("  - at: 0 days\n    pregnancy: { fetuses: 5 }\n"), "p.yaml")).toThrow(/fetuses/);
  });
});
