/**
 * Emergence: the blood count follows from the division rule, never set.
 * Each test changes a cause (a parameter), never a lab.
 * (model.md §1; signatures.md; reference §5d, §5e, §5h)
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../src/simulate.js";
import { dailyLabs, firstDay, MAN, mean, scenario, steadyBody } from "./helpers.js";

describe("starving the marrow of iron (macrophage iron trapped: ferroportin export cut)", () => {
  // An abrupt, severe block: 90 % of macrophage export gone at once. Red cells live ~115 days, so the
  // indices move over one red-cell lifespan as new small cells replace old ones; we follow 120 days.
  // (The RDW-before-MCV order belongs to slowly developing deficiency, England 1976, and is checked on
  // the slow-bleed scenario in signatures-blood-loss.test.ts.)
  const body = steadyBody(MAN);
  const warm = dailyLabs(body, 10);
  const base = dailyLabs(body, 0)[0];
  const divisionsBefore = body.fluxes.divisionsReleased / body.fluxes.redCellsReleased;
  const released0 = body.fluxes.redCellsReleased;
  const divisions0 = body.fluxes.divisionsReleased;
  // Ferroportin export cut on both storage cells (4.5 → 0.1/day on macrophages, the same 45-fold cut on
  // hepatocytes): with hepatocyte ferritinophagy (iron.ts) an open liver would otherwise feed the marrow.
  body.setParameters({ "iron.macrophageExportRate": 0.1, "iron.hepatocyteExportRate": 0.025 / 45 });
  const rows = dailyLabs(body, 120);
  const late = rows[119];
  if (!base || !late) throw new Error("no labs");

  it("lowers MCV and MCH through extra divisions, MCHC falling last (reference §5d)", () => {
    expect(late.mcv_fl).toBeLessThan(base.mcv_fl - 10);
    expect(late.mch_pg).toBeLessThan(base.mch_pg - 4);
    const divisionsAfter = (body.fluxes.divisionsReleased - divisions0) / (body.fluxes.redCellsReleased - released0);
    // The cap allows one division beyond the normal four or five: at least a third of cells use it.
    expect(divisionsAfter).toBeGreaterThan(divisionsBefore + 0.35);
    const mcvLow = firstDay(rows, (r) => r.mcv_fl < 80);
    const mchcLow = firstDay(rows, (r) => r.mchc_g_dl < 32);
    expect(mcvLow).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(mchcLow).toBeGreaterThan(mcvLow);
  });

  it("shows iron-deficient erythropoiesis first in the reticulocytes: TSAT < 16 %, CHr, sTfR (IOM 2001; reference §5d)", () => {
    const day20 = rows[20];
    if (!day20) throw new Error("no day 20");
    expect(day20.tsat_pct).toBeLessThan(16);
    // Reticulocytes circulate 1–2 days, so CHr answers within days (Brugnara 2003): below the iron-deficiency
    // cut-off (28 pg) in the first two weeks and well below baseline over the first month.
    expect(Math.min(...rows.slice(1, 15).map((r) => r.chr_pg))).toBeLessThan(28);
    expect(mean(rows.slice(3, 31).map((r) => r.chr_pg))).toBeLessThan(base.chr_pg - 2);
    // sTfR up (reference §5d, stage 2): days 16–24 above the upper limit of the assay the model reads
    // (R&D 0.76–1.76 mg/L, PMC3934467, ref §1.3) and above the 10 days before the block; window
    // means, as sTfR counts the receptors of the marrow's few erythroblast agents that day.
    const stfr = mean(rows.slice(16, 25).map((r) => r.stfr_mg_l));
    expect(stfr).toBeGreaterThan(1.76);
    expect(stfr).toBeGreaterThan(mean(warm.map((r) => r.stfr_mg_l)));
    // the circulating indices lag the reticulocytes: MCV still normal on day 20
    expect(day20.mcv_fl).toBeGreaterThan(80);
  });

  it("then anemia with ZPP and EPO up, while ferritin rises on trapped iron (reference §5a, §5d)", () => {
    expect(late.zpp_umol_mol).toBeGreaterThan(100);
    expect(late.hb_g_dl).toBeLessThan(base.hb_g_dl - 2);
    expect(late.epo_mu_ml).toBeGreaterThan(base.epo_mu_ml);
    expect(late.ferritin_ng_ml).toBeGreaterThan(base.ferritin_ng_ml);
  });
});

/** The unchanged 20-day run both comparisons below are made against (run once). */
const normal20 = simulate(scenario(MAN, 20));

describe("cutting globin capacity uniformly (thalassemia-trait-like, reference §5e)", () => {
  const normal = normal20;
  const thal = simulate(scenario(MAN, 20), { overrides: { "erythropoiesis.globinSynthesisRate": 0.3 } });
  const m = (run: typeof normal, c: string) => mean(run.column(c));
  it("gives small cells with a normal RDW and a higher red-cell count, Mentzer < 13", () => {
    expect(m(thal, "mcv_fl")).toBeLessThan(m(normal, "mcv_fl") - 10);
    expect(m(thal, "rdw_cv_pct")).toBeLessThan(14.5);
    expect(m(thal, "rbc_10e12_l")).toBeGreaterThan(m(normal, "rbc_10e12_l") + 0.4);
    expect(m(thal, "mcv_fl") / m(thal, "rbc_10e12_l")).toBeLessThan(13);
    // iron studies stay normal (reference §5e)
    expect(m(thal, "ferritin_ng_ml")).toBeGreaterThan(30);
    expect(m(thal, "tsat_pct")).toBeGreaterThan(20);
  });
});

describe("slowing the cell cycle (B12/folate-like, reference §5h)", () => {
  const normal = normal20;
  const slow = simulate(scenario(MAN, 20), { overrides: { "erythropoiesis.cycleTime": 36 } });
  it("gives large cells through fewer divisions", () => {
    expect(mean(slow.column("mcv_fl"))).toBeGreaterThan(100);
    expect(mean(slow.column("mcv_fl"))).toBeGreaterThan(mean(normal.column("mcv_fl")) + 10);
    expect(slow.summary.meanFluxes.meanDivisionsOfReleasedCells).toBeLessThan(
      (normal.summary.meanFluxes.meanDivisionsOfReleasedCells as number) - 0.5,
    );
  });
});
