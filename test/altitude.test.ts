/**
 * Altitude and hypoxemia as causes (issue 15, item 2): arterial saturation from the barometric
 * pressure, the kidney sensing oxygen delivery, hepcidin suppression, and the sojourn's time course.
 * Each number asserted names its source; the validation studies (validation/eckardt-1989-*,
 * talbot-2012-4340m, piperno-2011-3400m, milledge-cotes-1985-expedition) grade the same quantities.
 */
import { describe, expect, it } from "vitest";
import { resolveParameters } from "../src/engine/parameters.js";
import { barometricPressureMmHg, Hypoxia, saturation } from "../src/physiology/hypoxia.js";
import { parseScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";
import { at, peak, shipped } from "./shipped.js";

describe("saturation from altitude (West 1996, Severinghaus 1979)", () => {
  it("barometric pressure on Everest's summit and Pikes Peak", () => {
    // 253 mmHg measured on the summit (8848 m; West 1983 J Appl Physiol 55:678, AMREE).
    expect(barometricPressureMmHg(8848)).toBeGreaterThan(248);
    expect(barometricPressureMmHg(8848)).toBeLessThan(258);
    // ~460 mmHg at 4300 m (Pikes Peak; West 1996 J Appl Physiol 81:1850 model atmosphere).
    expect(barometricPressureMmHg(4300)).toBeGreaterThan(450);
    expect(barometricPressureMmHg(4300)).toBeLessThan(470);
    expect(barometricPressureMmHg(0)).toBeCloseTo(760, -1);
  });

  it("the dissociation curve: P50 26.8 mmHg at PaCO2 40 (Severinghaus 1979 J Appl Physiol 46:599)", () => {
    expect(saturation(26.8, 40)).toBeCloseTo(0.5, 2);
    expect(saturation(100, 40)).toBeGreaterThan(0.97);
  });

  it("acute and acclimatised saturation at 4300 m; the kidney reads oxygen delivery, and nothing at sea level", () => {
    const h = new Hypoxia(resolveParameters("male"));
    expect(h.sensedHb(15)).toBe(15); // exactly Hb at sea level: no scenario without altitude moves
    h.step(1, { altitudeM: 4300, spo2: undefined });
    const acute = h.sao2;
    // SaO2 ~78–82 % on the first day at 4300 m (78.4 ± 1.6 %, Pikes Peak; Bender et al. 1989 J Appl Physiol
    // 66:2733), rising as ventilation acclimatises over the first week (87.5 ± 1.4 % on day 8; Rahn & Otis
    // 1949 Am J Physiol 157:445 acute vs acclimatised alveolar gas; Dempsey & Forster 1982).
    expect(acute).toBeGreaterThan(0.76);
    expect(acute).toBeLessThan(0.84);
    // Renal EPO synthesis lags the desaturation by hours (EPO up only after 84–114 min; Eckardt 1989 J Appl
    // Physiol 66:1785): after 1 h the kidney has answered less than half of it.
    expect(h.sensedHb(15)).toBeGreaterThan(15 * (1 - (1 - acute / h.sao2SeaLevel) / 2));
    for (let i = 0; i < 14 * 24; i++) h.step(1, { altitudeM: 4300, spo2: undefined });
    expect(h.sensedHb(15)).toBeLessThan(15 * (h.sao2 / h.sao2SeaLevel));
    expect(h.sao2 - acute).toBeGreaterThan(0.02);
    expect(h.sao2).toBeLessThan(0.93);
    expect(h.plasmaContraction).toBeGreaterThan(0.05); // plasma volume −10–20 % (Sawka 2000)
    // A hypoxemia span imposes its SpO2 (the lower saturation acts).
    h.step(1, { altitudeM: 0, spo2: 0.85 });
    expect(h.sao2).toBe(0.85);
  });
});

describe("a sojourn at 3500 m (altitude-sojourn; ascent day 7, descent day 35)", () => {
  it("EPO rises within hours, peaks within 1–2 days and falls back partly while still at altitude", async () => {
    const run = await shipped("altitude-sojourn");
    const epo0 = at(run, "epo_mu_ml", 7);
    // ×1.41 at 3000 m and ×1.68 at 4000 m after 5.5 h (Eckardt 1989 J Appl Physiol 66:1785);
    // significantly raised within 16 h at 3400 m (Piperno 2011 Blood 117:2953).
    expect(at(run, "epo_mu_ml", 7.25)).toBeGreaterThan(1.3 * epo0);
    const top = peak(run, "epo_mu_ml", 7, 35);
    // raised on days 1 and 2 at 3500 m (Milledge & Cotes 1985 J Appl Physiol 59:360)
    expect(top.day - 7).toBeLessThan(3);
    expect(top.value).toBeGreaterThan(1.4 * epo0);
    expect(top.value).toBeLessThan(3 * epo0);
    // …and declined toward control over ~3 weeks at altitude (Milledge & Cotes 1985)
    expect(at(run, "epo_mu_ml", 28) - epo0).toBeLessThan(0.5 * (top.value - epo0));
    // On descent EPO falls below the sea-level value (Milledge & Cotes 1985: decreased on descent).
    expect(at(run, "epo_mu_ml", 38)).toBeLessThan(epo0);
  });

  it("hepcidin falls within two days, ferritin within two weeks, reticulocytes within a week", async () => {
    const run = await shipped("altitude-sojourn");
    // hepcidin falls within 40 h at 3400 m (Piperno 2011), almost completely by day 2 at 4340 m (Talbot 2012 Blood 119:857)
    expect(at(run, "hepcidin_ng_ml", 9)).toBeLessThan(0.7 * at(run, "hepcidin_ng_ml", 7));
    // serum ferritin falls quickly at altitude: stores mobilised for the marrow (Piperno 2011)
    expect(at(run, "ferritin_ng_ml", 21)).toBeLessThan(0.9 * at(run, "ferritin_ng_ml", 7));
    // the erythropoietic response follows EPO (Piperno 2011): mean reticulocytes of the second week
    // above those of the week before ascent
    const mean = (from: number, to: number) => {
      const d = run.column("day");
      const r = run.column("retic_pct");
      let s = 0;
      let n = 0;
      for (let i = 0; i < d.length; i++)
        if ((d[i] as number) >= from && (d[i] as number) < to) {
          s += r[i] as number;
          n++;
        }
      return s / n;
    };
    expect(mean(14, 21)).toBeGreaterThan(1.25 * mean(0, 7));
  });

  it("hemoglobin rises ~1–1.5 g/dL over four weeks and returns after descent", async () => {
    const run = await shipped("altitude-sojourn");
    const hb0 = at(run, "hb_g_dl", 7);
    const rise = at(run, "hb_g_dl", 34) - hb0;
    // ~1–1.5 g/dL after 3–4 weeks at 3500–4000 m, hemoconcentration first, red-cell mass after
    // (Sawka 2000 Med Sci Sports Exerc 32:332; Ryan 2014 PLoS One 9:e108788)
    expect(rise).toBeGreaterThan(0.7);
    expect(rise).toBeLessThan(2);
    expect(at(run, "hb_g_dl", 9) - hb0).toBeGreaterThan(0.15); // hemoconcentration within days
    expect(at(run, "hb_g_dl", 90) - hb0).toBeLessThan(0.5 * rise);
    expect(at(run, "sao2_pct", 7.25)).toBeLessThan(at(run, "sao2_pct", 30));
  });
});

describe("hypoxemia (SpO2 held low by disease)", () => {
  it("a chronic SpO2 of 88 % raises EPO and, over weeks, hemoglobin (secondary erythrocytosis)", () => {
    const text = [
      "name: hypoxemia probe",
      "subject: { sex: male, weight: 75 kg, height: 178 cm }",
      "duration: 60 days",
      "record: { every: 1 day }",
      "events:",
      "  - from: 2 days",
      "    hypoxemia: { spo2: 88 % }",
    ].join("\n");
    const run = simulate(parseScenario(text, "hypoxemia.yaml"));
    // (sao2_pct is the imposed SpO2 echoed, not asserted.) The kidney senses less oxygen and makes more EPO…
    expect(at(run, "epo_mu_ml", 3)).toBeGreaterThan(1.3 * at(run, "epo_mu_ml", 1));
    // hypoxemic lung disease is the commonest cause of secondary erythrocytosis (McMullin 2008 Br J Haematol 143:3)
    expect(at(run, "hb_g_dl", 60) - at(run, "hb_g_dl", 1)).toBeGreaterThan(0.7);
    expect(run.summary.ironBalanceMaxRelError).toBeLessThanOrEqual(1e-9);
  });
});
