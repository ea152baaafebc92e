/**
 * The scenario language: every action (YAML and JSON), shorthands, defaults,
 * timing rules, expressions in t, subject age and genotype.
 */
import { describe, expect, it } from "vitest";
import { PARAMETERS } from "../src/engine/parameters.js";
import { ACTION_NAMES, ACTIONS, TRANSFUSION_UNIT_ML } from "../src/scenario/actions.js";
import { compileTimeValue } from "../src/scenario/expression.js";
import { parseScenario, ScenarioError } from "../src/scenario/load.js";
import { MAX_REPEATS } from "../src/scenario/schema.js";
import type { EventAction, Scenario, ScenarioEvent } from "../src/scenario/types.js";

const HEAD = `name: Test
subject:
  sex: male
  weight: 75 kg
duration: 100 days
`;
/** Line of the first event's first key in documents built by `withEvents`. */
const FIRST_EVENT_LINE = 7;

function withEvents(events: string): string {
  return `${HEAD}events:\n${events}`;
}

function events(yaml: string): ScenarioEvent[] {
  return parseScenario(withEvents(yaml), "t.yaml").events;
}

function only(yaml: string): ScenarioEvent {
  const list = events(yaml);
  expect(list).toHaveLength(1);
  return list[0] as ScenarioEvent;
}

function action(yaml: string): EventAction {
  return only(yaml).action;
}

function failure(text: string): ScenarioError {
  try {
    parseScenario(text, "t.yaml");
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error("expected a ScenarioError, but the scenario parsed");
}

/** The first issue of an invalid events list. */
function issue(yaml: string): { line: number; column: number; path: string; message: string } {
  const e = failure(withEvents(yaml));
  const first = e.issues[0];
  if (!first) throw new Error("no issue");
  return first;
}

function json(eventsList: unknown[], extra: Record<string, unknown> = {}): Scenario {
  return parseScenario(
    JSON.stringify({
      name: "J",
      subject: { sex: "female", weight: "60 kg" },
      duration: "100 days",
      events: eventsList,
      ...extra,
    }),
    "j.json",
  );
}

describe("the registry", () => {
  it("has exactly the actions of the interface", () => {
    expect([...ACTION_NAMES].sort()).toEqual(
      [
        "bleed",
        "chronicBleed",
        "diet",
        "esa",
        "inflammation",
        "ivIron",
        "lead",
        "oralIron",
        "set",
        "transfusion",
        // Acquired conditions (issue 4).
        "b12",
        "folate",
        "kidney",
        "marrowInfiltration",
        "pregnancy",
        // Causes (issue 15).
        "altitude",
        "hypoxemia",
        "hemolysis",
        // Tracer studies (issue 15).
        "tracer",
      ].sort(),
    );
  });

  it.each([...ACTIONS.values()].map((a) => [a.name, a] as const))("%s: its own example parses", (name, spec) => {
    const list = events(`  - ${spec.example}\n`);
    expect(list[0]?.action.kind).toBe(name);
  });

  it("transfusion units follow the parameter's default", () => {
    expect(TRANSFUSION_UNIT_ML).toBe(PARAMETERS.get("transfusion.unitVolume")?.default);
  });
});

describe("each action, YAML and JSON", () => {
  it("bleed: shorthand, mapping and unit conversion", () => {
    expect(action("  - { at: 7 days, bleed: 500 mL }\n")).toEqual({ kind: "bleed", volumeMl: 500 });
    expect(action("  - { at: 7 days, bleed: { volume: 0.5 L } }\n")).toEqual({ kind: "bleed", volumeMl: 500 });
    expect(json([{ at: "1 week", bleed: "500 mL" }]).events[0]).toMatchObject({
      atDays: 7,
      action: { kind: "bleed", volumeMl: 500 },
    });
  });

  it("chronicBleed", () => {
    expect(action("  - { from: 0 days, until: 1 year, chronicBleed: 35 mL/week }\n")).toEqual({
      kind: "chronicBleed",
      rateMlPerDay: 5,
    });
    expect(json([{ from: "0 days", chronicBleed: { rate: "5 mL/day" } }]).events[0]?.action).toEqual({
      kind: "chronicBleed",
      rateMlPerDay: 5,
    });
  });

  it("transfusion: volume, units, hematocrit default and percent", () => {
    expect(action("  - { at: 1 day, transfusion: 300 mL }\n")).toEqual({
      kind: "transfusion",
      volumeMl: 300,
      hematocrit: 0.6,
    });
    expect(action("  - { at: 1 day, transfusion: { units: 2 } }\n")).toEqual({
      kind: "transfusion",
      volumeMl: 2 * TRANSFUSION_UNIT_ML,
      hematocrit: 0.6,
    });
    expect(action("  - { at: 1 day, transfusion: { volume: 600 mL, hematocrit: 55 % } }\n")).toEqual({
      kind: "transfusion",
      volumeMl: 600,
      hematocrit: 0.55,
    });
    expect(json([{ at: "1 day", transfusion: { volume: "0.6 L", hematocrit: 0.7 } }]).events[0]?.action).toEqual({
      kind: "transfusion",
      volumeMl: 600,
      hematocrit: 0.7,
    });
  });

  it("inflammation: shorthand and mapping", () => {
    expect(action("  - { from: 1 day, inflammation: 30 pg/mL }\n")).toEqual({ kind: "inflammation", il6PgPerMl: 30 });
    expect(action("  - { from: 1 day, inflammation: { il6: 0.03 ng/mL } }\n")).toEqual({
      kind: "inflammation",
      il6PgPerMl: 30,
    });
  });

  it("lead: shorthand, absorption optional", () => {
    expect(action("  - { from: 0 days, lead: 300 ug/day }\n")).toEqual({ kind: "lead", intakeUgPerDay: 300 });
    expect(action("  - { from: 0 days, lead: { intake: 0.3 mg/day, absorption: 12 % } }\n")).toEqual({
      kind: "lead",
      intakeUgPerDay: 300,
      absorbedFraction: 0.12,
    });
    expect(json([{ from: "0 days", lead: { intake: "300 mcg/day", absorption: 0.5 } }]).events[0]?.action).toEqual({
      kind: "lead",
      intakeUgPerDay: 300,
      absorbedFraction: 0.5,
    });
  });

  it("oralIron and ivIron", () => {
    expect(action("  - { at: 1 day, oralIron: 65 mg }\n")).toEqual({ kind: "oralIron", doseMg: 65 });
    expect(action("  - { at: 1 day, ivIron: 1 g }\n")).toEqual({ kind: "ivIron", doseMg: 1000 });
    expect(action("  - { at: 1 day, ivIron: { dose: 500 mg } }\n")).toEqual({ kind: "ivIron", doseMg: 500 });
  });

  it("b12: shorthand intake, absorption alone, both", () => {
    expect(action("  - { from: 0 days, b12: 2 ug/day }\n")).toEqual({ kind: "b12", intakeUgPerDay: 2 });
    expect(action("  - { from: 0 days, b12: { absorption: 1 % } }\n")).toEqual({ kind: "b12", absorbedFraction: 0.01 });
    expect(json([{ from: "0 days", b12: { intake: "1 mg/day", absorption: 0.01 } }]).events[0]?.action).toEqual({
      kind: "b12",
      intakeUgPerDay: 1000,
      absorbedFraction: 0.01,
    });
    expect(issue("  - { from: 0 days, b12: {} }\n").message).toContain("found none of intake, absorption");
  });

  it("folate, kidney and marrowInfiltration: shorthands and units", () => {
    expect(action("  - { from: 0 days, folate: 20 ug/day }\n")).toEqual({ kind: "folate", intakeUgPerDay: 20 });
    expect(action("  - { at: 0 days, kidney: { gfr: 20 mL/min } }\n")).toEqual({ kind: "kidney", gfrMlPerMin: 20 });
    expect(action("  - { from: 0 days, kidney: 1.2 L/hour }\n")).toEqual({ kind: "kidney", gfrMlPerMin: 20 });
    expect(action("  - { from: 0 days, marrowInfiltration: 40 % }\n")).toEqual({
      kind: "marrowInfiltration",
      fraction: 0.4,
    });
    expect(issue("  - { from: 0 days, marrowInfiltration: 100 % }\n").message).toContain("at most 0.99");
    expect(issue("  - { from: 0 days, kidney: 20 mg/day }\n").message).toContain("volume rate");
  });

  it("altitude, hypoxemia and hemolysis: shorthands, units and the site choice", () => {
    expect(action("  - { from: 7 days, altitude: 3500 m }\n")).toEqual({ kind: "altitude", elevationM: 3500 });
    expect(action("  - { from: 7 days, altitude: { elevation: 3.5 km } }\n")).toEqual({
      kind: "altitude",
      elevationM: 3500,
    });
    expect(action("  - { from: 0 days, hypoxemia: { spo2: 88 % } }\n")).toEqual({ kind: "hypoxemia", spo2: 0.88 });
    expect(action("  - { from: 0 days, hemolysis: 3 % }\n")).toEqual({
      kind: "hemolysis",
      ratePerDay: 0.03,
      site: "extravascular",
    });
    expect(action("  - { from: 0 days, hemolysis: { rate: 1 %, site: intravascular } }\n")).toEqual({
      kind: "hemolysis",
      ratePerDay: 0.01,
      site: "intravascular",
    });
    expect(issue("  - { from: 0 days, hemolysis: { rate: 1 %, site: intravasculr } }\n").message).toContain(
      "intravascular",
    );
    expect(issue("  - { from: 0 days, altitude: 3500 mL }\n").message).toContain("length");
  });

  it("diet: either field or both", () => {
    expect(action("  - { from: 0 days, diet: { nonHeme: 8 mg/day, heme: 0.5 mg/day } }\n")).toEqual({
      kind: "diet",
      nonHemeMgPerDay: 8,
      hemeMgPerDay: 0.5,
    });
    expect(action("  - { from: 0 days, diet: { heme: 1 mg/day } }\n")).toEqual({ kind: "diet", hemeMgPerDay: 1 });
  });

  it("esa: shorthand with subcutaneous default, route, IU and U", () => {
    expect(action("  - { at: 1 day, esa: 10000 IU }\n")).toEqual({
      kind: "esa",
      doseIu: 10000,
      route: "subcutaneous",
    });
    expect(action("  - { at: 1 day, esa: { dose: 10 kU, route: intravenous } }\n")).toEqual({
      kind: "esa",
      doseIu: 10000,
      route: "intravenous",
    });
  });

  it("set: each value in its parameter's unit", () => {
    expect(
      action("  - at: 30 days\n    set: { iron.diet.nonHeme: 8000 ug/day, body.plasmaRefillTime: 2 days }\n"),
    ).toEqual({ kind: "set", parameters: { "iron.diet.nonHeme": 8, "body.plasmaRefillTime": 48 } });
  });
});

describe("timing", () => {
  it("instant: at", () => {
    const e = only("  - { at: 2 weeks, oralIron: 65 mg }\n");
    expect(e).toMatchObject({ atDays: 14 });
    expect(e.untilDays).toBeUndefined();
    expect(e.everyDays).toBeUndefined();
  });

  it("instant: from + every + until", () => {
    expect(only("  - { from: 1 day, until: 10 days, every: 12 h, oralIron: 65 mg }\n")).toMatchObject({
      atDays: 1,
      untilDays: 10,
      everyDays: 0.5,
    });
  });

  it("instant: from + every without until runs to the end of the run", () => {
    expect(only("  - { from: 1 day, every: 1 week, esa: 4000 IU }\n")).toMatchObject({
      atDays: 1,
      untilDays: 100,
      everyDays: 7,
    });
  });

  it("span: from with and without until; at means from then on", () => {
    expect(only("  - { from: 5 days, until: 10 days, inflammation: 30 pg/mL }\n")).toMatchObject({
      atDays: 5,
      untilDays: 10,
    });
    const open = only("  - { from: 5 days, inflammation: 30 pg/mL }\n");
    expect(open.atDays).toBe(5);
    expect(open.untilDays).toBeUndefined();
    const at = only("  - { at: 5 days, chronicBleed: 5 mL/day }\n");
    expect(at.atDays).toBe(5);
    expect(at.untilDays).toBeUndefined();
  });

  it("records where each event was written", () => {
    expect(only("  - at: 1 day\n    bleed: 5 mL\n").source).toEqual({ line: FIRST_EVENT_LINE, column: 5 });
  });

  it("instant with from/until but no every: error at from, suggesting every", () => {
    const i = issue("  - from: 1 day\n    until: 5 days\n    oralIron: 65 mg\n");
    expect(i).toMatchObject({ line: FIRST_EVENT_LINE, column: 5, path: "events[0].from" });
    expect(i.message).toContain('add "every: 1 day"');
  });

  it("instant with at and every: error at every", () => {
    const i = issue("  - at: 1 day\n    every: 1 day\n    oralIron: 65 mg\n");
    expect(i).toMatchObject({ line: FIRST_EVENT_LINE + 1, path: "events[0].every" });
    expect(i.message).toContain('"from" and "every"');
  });

  it("every on a span action: error at every", () => {
    const i = issue("  - from: 1 day\n    every: 1 day\n    inflammation: 30 pg/mL\n");
    expect(i).toMatchObject({ line: FIRST_EVENT_LINE + 1, column: 5, path: "events[0].every" });
    expect(i.message).toContain("inflammation holds over a span");
  });

  it("until with at on a span action", () => {
    const i = issue("  - at: 1 day\n    until: 5 days\n    inflammation: 30 pg/mL\n");
    expect(i).toMatchObject({ line: FIRST_EVENT_LINE + 1, path: "events[0].until" });
  });

  it("both at and from", () => {
    const i = issue("  - at: 1 day\n    from: 1 day\n    inflammation: 30 pg/mL\n");
    expect(i).toMatchObject({ line: FIRST_EVENT_LINE + 1, path: "events[0].from" });
    expect(i.message).toContain('found both "at" and "from"');
  });

  it("until without from", () => {
    const i = issue("  - until: 5 days\n    inflammation: 30 pg/mL\n");
    expect(i.message).toContain('found "until" without "from"');
  });

  it("no time at all", () => {
    expect(issue("  - bleed: 5 mL\n").message).toContain("missing a time");
  });

  it("until not after from", () => {
    const i = issue("  - from: 10 days\n    until: 10 days\n    inflammation: 30 pg/mL\n");
    expect(i).toMatchObject({ line: FIRST_EVENT_LINE + 1, column: 12, path: "events[0].until" });
    expect(i.message).toContain('not after "from"');
  });

  it("negative times and a zero interval", () => {
    expect(issue("  - { at: -1 days, bleed: 5 mL }\n").message).toContain("expected at least 0 days");
    expect(issue("  - { from: 0 days, every: 0 h, bleed: 5 mL }\n").message).toContain("expected more than 0 days");
  });

  it("start after the end of the run", () => {
    const i = issue("  - { at: 200 days, bleed: 5 mL }\n");
    expect(i.path).toBe("events[0].at");
    expect(i.message).toContain("after the end of the run");
  });

  it("absurd repeat counts, with and without until", () => {
    const a = issue("  - { from: 0 days, until: 50 days, every: 1 s, bleed: 1 mL }\n");
    expect(a.path).toBe("events[0].every");
    expect(a.message).toContain(`which repeats the action 4320000 times`);
    expect(a.message).toContain(`at most ${MAX_REPEATS}`);
    const b = issue("  - { from: 0 days, every: 10 s, bleed: 1 mL }\n");
    expect(b.path).toBe("events[0].every");
    expect(b.message).toContain("864000 times");
  });

  it("exactly the limit is fine", () => {
    const e = only(`  - { from: 0 days, until: ${MAX_REPEATS} min, every: 1 min, bleed: 1 mL }\n`);
    expect(e.everyDays).toBeCloseTo(1 / 1440, 12);
  });
});

describe("field problems", () => {
  it("bare number, wrong unit, negative and absurd values name the expected unit", () => {
    expect(issue("  - { at: 1 day, bleed: 500 }\n").message).toBe(
      'found "500" (a bare number); expected a volume such as "500 mL"',
    );
    expect(issue("  - { at: 1 day, bleed: 500 mg }\n").message).toBe(
      'found "500 mg" (a mass); expected a volume such as "500 mL"',
    );
    expect(issue("  - { at: 1 day, oralIron: -5 mg }\n").message).toBe(
      'found "-5 mg"; expected at least 0 mg and at most 1000 mg',
    );
    expect(issue("  - { at: 1 day, ivIron: 5 kg }\n").message).toContain("at most 3000 mg");
  });

  it("unknown field in an action's mapping, with a suggestion", () => {
    const i = issue("  - at: 1 day\n    esa: { dose: 100 IU, rout: intravenous }\n");
    expect(i.path).toBe("events[0].esa.rout");
    expect(i.message).toContain('did you mean "route"?');
  });

  it("bad choice, with a suggestion", () => {
    const i = issue("  - { at: 1 day, esa: { dose: 100 IU, route: intravenus } }\n");
    expect(i.message).toBe('found "intravenus"; expected "subcutaneous" or "intravenous"; did you mean "intravenous"?');
  });

  it("transfusion: volume and units together, neither, bad hematocrit, fractional units", () => {
    expect(issue("  - { at: 1 day, transfusion: { volume: 300 mL, units: 1 } }\n").message).toContain(
      'found both "volume" and "units"',
    );
    expect(issue("  - { at: 1 day, transfusion: { hematocrit: 0.6 } }\n").message).toContain(
      "found none of volume, units",
    );
    expect(issue("  - { at: 1 day, transfusion: { units: 1, hematocrit: 95 % } }\n").message).toContain("at most 0.9");
    expect(issue("  - { at: 1 day, transfusion: { units: 1.5 } }\n").message).toContain("expected a whole number");
  });

  it("diet needs at least one field", () => {
    expect(issue("  - { from: 0 days, diet: {} }\n").message).toContain("found none of nonHeme, heme");
    expect(issue("  - { from: 0 days, diet: 8 mg/day }\n").message).toContain("expected a mapping with nonHeme");
  });

  it("lead absorption above 1", () => {
    expect(issue("  - { from: 0 days, lead: { intake: 1 ug/day, absorption: 150 % } }\n").message).toContain(
      "at most 1",
    );
  });

  it("required field missing from the mapping", () => {
    expect(issue("  - { from: 0 days, inflammation: {} }\n").message).toContain(
      "missing il6; expected a mass concentration",
    );
  });

  it("set: unknown parameter (suggested), wrong unit, out of bounds, empty", () => {
    const unknown = issue("  - at: 1 day\n    set: { iron.diet.nonHem: 8 mg/day }\n");
    expect(unknown).toMatchObject({ line: FIRST_EVENT_LINE + 1, column: 12 });
    expect(unknown.path).toBe('events[0].set["iron.diet.nonHem"]');
    expect(unknown.message).toContain('did you mean "iron.diet.nonHeme"?');
    expect(issue("  - { at: 1 day, set: { iron.diet.nonHeme: 8 mL } }\n").message).toContain("(a volume)");
    expect(issue("  - { at: 1 day, set: { body.plasmaRefillTime: 100 days } }\n").message).toContain("at most 240 h");
    expect(issue("  - { at: 1 day, set: {} }\n").message).toContain("expected a mapping of parameters");
  });

  it("misspelt action, with a suggestion", () => {
    const i = issue("  - at: 1 day\n    oralIorn: 65 mg\n");
    expect(i).toMatchObject({ line: FIRST_EVENT_LINE + 1, column: 5, path: "events[0].oralIorn" });
    expect(i.message).toContain('unknown action "oralIorn"; did you mean "oralIron"?');
  });

  it("two actions in one event", () => {
    expect(issue("  - { at: 1 day, bleed: 5 mL, oralIron: 65 mg }\n").message).toContain(
      "expected exactly one per event",
    );
  });
});

describe("expressions in t", () => {
  const il6 = "5 pg/mL + 45 pg/mL * exp(-t / (1 day))";

  it("a string mentioning t becomes an expression with the canonical unit", () => {
    const a = action(`  - from: 1 day\n    until: 30 days\n    inflammation: { il6: "${il6}" }\n`);
    expect(a).toEqual({ kind: "inflammation", il6PgPerMl: { expression: il6, unit: "pg/mL", min: 0, max: 100000 } });
    if (a.kind !== "inflammation") throw new Error("kind");
    const f = compileTimeValue(a.il6PgPerMl);
    expect(f(0)).toBeCloseTo(50, 10);
    expect(f(1)).toBeCloseTo(5 + 45 / Math.E, 10);
    expect(f(100)).toBeCloseTo(5, 10);
  });

  it("a plain quantity stays a number", () => {
    expect(action('  - { from: 1 day, inflammation: "30 pg/mL" }\n')).toEqual({ kind: "inflammation", il6PgPerMl: 30 });
  });

  it("converts the result to the canonical unit", () => {
    const a = action('  - { from: 0 days, every: 1 day, oralIron: "0.065 g * (1 + t / (1 week))" }\n');
    if (a.kind !== "oralIron") throw new Error("kind");
    expect(a.doseMg).toEqual({ expression: "0.065 g * (1 + t / (1 week))", unit: "mg", min: 0, max: 1000 });
    expect(compileTimeValue(a.doseMg)(7)).toBeCloseTo(130, 10);
  });

  it("works from JSON too", () => {
    const s = json([{ from: "0 days", chronicBleed: "1 mL/day * (t / (1 day))" }]);
    const a = s.events[0]?.action;
    if (a?.kind !== "chronicBleed") throw new Error("kind");
    expect(compileTimeValue(a.rateMlPerDay)(3)).toBeCloseTo(3, 12);
  });

  it("t is time since the event's start, not the tonne", () => {
    // "t" is also mathjs's tonne: 1 t / (1 kg) would be 1000.
    const a = action('  - { from: 10 days, chronicBleed: "1 mL/day * t / (1 day)" }\n');
    if (a.kind !== "chronicBleed") throw new Error("kind");
    expect(compileTimeValue(a.rateMlPerDay)(2)).toBeCloseTo(2, 12);
    const wrong = issue('  - { from: 0 days, chronicBleed: "1 mL/day * t / (1 kg)" }\n');
    // As tonnes this would be 1000 mL/day; as time it is a volume per mass.
    expect(wrong.message).toContain("(a volume per body mass) at t = 0 days; expected a volume rate in mL/day");
  });

  it("a wrong unit is an error at the value, at load time", () => {
    const i = issue('  - from: 0 days\n    inflammation: "5 mg + 1 mg * t / (1 day)"\n');
    expect(i).toMatchObject({ line: FIRST_EVENT_LINE + 1, column: 19, path: "events[0].inflammation" });
    expect(i.message).toContain("which gives 5 mg (a mass) at t = 0 days; expected a mass concentration in pg/mL");
  });

  it("out of bounds later in the span is caught (checked at several times)", () => {
    const i = issue('  - from: 0 days\n    until: 40 days\n    inflammation: "50 pg/mL - 2 pg/mL * t / (1 day)"\n');
    expect(i.path).toBe("events[0].inflammation");
    expect(i.message).toMatch(/which gives -[\d.]+ pg\/mL at t = 25.0417 days; expected at least 0 pg\/mL/);
  });

  it("span end defaults to the end of the run", () => {
    // Fine until 100 days (the duration); only the duration makes it go negative.
    const ok = `  - { from: 0 days, inflammation: "100 pg/mL - 1 pg/mL * t / (1 day)" }\n`;
    expect(events(ok)).toHaveLength(1);
    const bad = `  - { from: 0 days, inflammation: "90 pg/mL - 1 pg/mL * t / (1 day)" }\n`;
    // Checked every hour of the span: the first hour it goes below 0.
    expect(issue(bad).message).toContain("at t = 90.0417 days");
  });

  it("a part that cannot be evaluated is reported at its line, not thrown", () => {
    const i = issue('  - { at: 1 day, bleed: "(1 mL + 1 mg) * t / (1 day)" }\n');
    expect(i).toMatchObject({ line: FIRST_EVENT_LINE, path: "events[0].bleed" });
    expect(i.message).toContain("cannot be evaluated at t = 0 days (Units do not match); expected a volume in mL");
    expect(issue('  - { at: 1 day, bleed: "1 mL * 10^10^10 * t / (1 day)" }\n').message).toContain(
      "expected a finite number",
    );
  });

  it("a single instant is only evaluated at t = 0", () => {
    expect(action('  - { at: 1 day, bleed: "500 mL - 100 mL * t / (1 day)" }\n').kind).toBe("bleed");
  });

  it("only quantities in fields that do not vary in time", () => {
    const i = issue('  - { at: 1 day, transfusion: { volume: 300 mL, hematocrit: "0.6 * t / t" } }\n');
    expect(i.message).toContain("expected a plain number");
  });

  it("a misspelt unit is reported as a quantity, not as an expression", () => {
    expect(issue("  - { at: 1 day, bleed: 500 mLL }\n").message).toContain('(Unit "mLL" not found)');
  });

  it("refused constructs name what was refused", () => {
    expect(issue(`  - { at: 1 day, bleed: "import('fs')" }\n`).message).toContain(
      "the function import() is not allowed in an expression",
    );
    expect(issue('  - { at: 1 day, bleed: "t.constructor" }\n').message).toContain("property access");
  });
});

describe("subject age and genotype", () => {
  it("age in years", () => {
    const s = parseScenario(HEAD.replace("  weight: 75 kg\n", "  weight: 20 kg\n  age: 4 years\n"), "a.yaml");
    expect(s.subject.ageYears).toBe(4);
    const months = parseScenario(HEAD.replace("  weight: 75 kg\n", "  weight: 20 kg\n  age: 18 months\n"), "a.yaml");
    expect(months.subject.ageYears).toBeCloseTo(1.5, 10);
  });

  it("age out of range", () => {
    const e = failure(HEAD.replace("  weight: 75 kg\n", "  weight: 75 kg\n  age: 200 years\n"));
    expect(e.issues[0]?.path).toBe("subject.age");
  });

  it("the interface example genotype validates", () => {
    const s = parseScenario(
      `${HEAD}genotype:\n  TMPRSS6: homozygous-loss\n  alphaGlobinGenes: 4\n  HBB: normal\n`,
      "g.yaml",
    );
    expect(s.genotype).toEqual({ TMPRSS6: "homozygous-loss", alphaGlobinGenes: 4, HBB: "normal" });
  });

  it("unknown gene: suggestion and list, at the key", () => {
    const e = failure(`${HEAD}genotype:\n  TMPRS6: homozygous-loss\n`);
    expect(e.issues[0]).toMatchObject({ line: 7, column: 3, path: "genotype.TMPRS6" });
    expect(e.issues[0]?.message).toBe(
      'unknown gene "TMPRS6"; did you mean "TMPRSS6"? (genes: TMPRSS6, alphaGlobinGenes, HBB, ALAS2, SLC40A1, HFE)',
    );
  });

  it("unknown variant: found and expected", () => {
    const e = failure(`${HEAD}genotype:\n  TMPRSS6: homozygous\n  alphaGlobinGenes: 5\n`);
    expect(e.issues.map((i) => i.message)).toEqual([
      'found "homozygous"; expected one of "wild-type", "heterozygous-loss", "homozygous-loss"; did you mean "homozygous-loss"?',
      'found "5"; expected one of 4, 3, 2, 1',
    ]);
    expect(e.issues[0]).toMatchObject({ line: 7, column: 12 });
  });

  it("genotype must be a mapping", () => {
    expect(failure(`${HEAD}genotype: [TMPRSS6]\n`).issues[0]?.message).toContain("expected a mapping from gene");
  });
});
