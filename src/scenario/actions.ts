/**
 * Every event action a scenario may use: its timing, fields, units, bounds,
 * shorthand and an example. The validator (schema.ts), the JSON Schema
 * (json-schema.ts) and `erythron list` all read this table.
 */

import { PARAMETERS } from "../engine/parameters.js";
import { defaultFor } from "../parameters/spec.js";
import { TAKEN, TAKEN_WITH, type Taken, type TakenWith } from "../physiology/meals.js";
import type { ActionKind, EventAction, TimeValue } from "./types.js";

/** Instant actions act once at each instant; span actions hold over a time span. */
export type Timing = "instant" | "span";

export interface FieldSpec {
  /** Key in the action's mapping, e.g. "il6" in `inflammation: { il6: 30 pg/mL }`. */
  readonly name: string;
  /** Canonical unit (mathjs unit string); "" for a plain number. Ignored for choice fields. */
  readonly unit: string;
  readonly description: string;
  /** Inclusive bounds in `unit`. */
  readonly min?: number;
  readonly max?: number;
  /** A whole number (a count). */
  readonly integer?: boolean;
  readonly required: boolean;
  /** May be a mathjs expression in t (time since the event's start). */
  readonly expression: boolean;
  /** Allowed words, for a choice field. */
  readonly choices?: readonly string[];
  /** Value when omitted (canonical unit, or a choice). */
  readonly default?: number | string;
  /** The field's value as a user writes it. */
  readonly example: string | number;
}

/** Checked field values by field name: numbers in canonical units, expressions, or choices. */
export type FieldValues = Readonly<Record<string, TimeValue | string | undefined>>;

export interface ActionSpec {
  readonly name: ActionKind;
  readonly timing: Timing;
  readonly description: string;
  /** One event using the action, as a YAML flow mapping. */
  readonly example: string;
  readonly fields: readonly FieldSpec[];
  /** Field that a bare value stands for: `bleed: 500 mL` is `bleed: { volume: 500 mL }`. */
  readonly shorthand?: string;
  /** Field whose unit stands for the action in listings (the shorthand, or the first field). */
  readonly main?: string;
  /** At least one of these fields must be given. */
  readonly anyOf?: readonly string[];
  /** At most one of these fields may be given. */
  readonly exclusive?: readonly string[];
  /** The action's mapping holds model parameters by dotted path (the `set` action). */
  readonly parameters?: true;
  /** The canonical action from checked values (every required field present, defaults filled in). */
  readonly build: (v: FieldValues) => EventAction;
}

function time(v: FieldValues, name: string): TimeValue {
  const x = v[name];
  if (x === undefined || typeof x === "string") throw new Error(`internal: field ${name} should be a quantity`);
  return x;
}

function num(v: FieldValues, name: string): number {
  const x = v[name];
  if (typeof x !== "number") throw new Error(`internal: field ${name} should be a number`);
  return x;
}

/** Volume of one unit of packed red cells (the parameter's default), mL. */
function unitVolumeMl(): number {
  const spec = PARAMETERS.get("transfusion.unitVolume");
  if (!spec) throw new Error("internal: parameter transfusion.unitVolume is missing");
  return defaultFor(spec, "male");
}

export const TRANSFUSION_UNIT_ML = unitVolumeMl();

const ACTION_LIST: readonly ActionSpec[] = [
  {
    name: "bleed",
    timing: "instant",
    description: "acute loss of whole blood",
    example: "{ at: 7 days, bleed: 500 mL }",
    shorthand: "volume",
    fields: [
      {
        name: "volume",
        unit: "mL",
        description: "volume of whole blood lost",
        min: 0,
        max: 5000,
        required: true,
        expression: true,
        example: "500 mL",
      },
    ],
    build: (v) => ({ kind: "bleed", volumeMl: time(v, "volume") }),
  },
  {
    name: "chronicBleed",
    timing: "span",
    description: "continuous loss of whole blood (e.g. from the gut)",
    example: "{ from: 0 days, until: 365 days, chronicBleed: 5 mL/day }",
    shorthand: "rate",
    fields: [
      {
        name: "rate",
        unit: "mL/day",
        description: "whole blood lost per day",
        min: 0,
        max: 1000,
        required: true,
        expression: true,
        example: "5 mL/day",
      },
    ],
    build: (v) => ({ kind: "chronicBleed", rateMlPerDay: time(v, "rate") }),
  },
  {
    name: "transfusion",
    timing: "instant",
    description: `packed red cells given: a volume, or a number of units of ${TRANSFUSION_UNIT_ML} mL`,
    example: "{ at: 30 days, transfusion: { units: 2 } }",
    shorthand: "volume",
    anyOf: ["volume", "units"],
    exclusive: ["volume", "units"],
    fields: [
      {
        name: "volume",
        unit: "mL",
        description: "volume of packed red cells given (give volume or units, not both)",
        min: 0,
        max: 5000,
        required: false,
        expression: true,
        example: "300 mL",
      },
      {
        name: "units",
        unit: "",
        description: `number of units, each the parameter transfusion.unitVolume at its default (${TRANSFUSION_UNIT_ML} mL)`,
        min: 1,
        max: Math.floor(5000 / TRANSFUSION_UNIT_ML),
        integer: true,
        required: false,
        expression: false,
        example: 2,
      },
      {
        name: "hematocrit",
        unit: "",
        description: "hematocrit of the packed cells, a fraction or a percentage",
        min: 0.3,
        max: 0.9,
        required: false,
        expression: false,
        default: 0.6,
        example: "60 %",
      },
    ],
    build: (v) => ({
      kind: "transfusion",
      volumeMl: v.units !== undefined ? num(v, "units") * TRANSFUSION_UNIT_ML : time(v, "volume"),
      hematocrit: num(v, "hematocrit"),
    }),
  },
  {
    name: "inflammation",
    timing: "span",
    description: "inflammation, as circulating IL-6 (standing for the inflammatory cytokines)",
    example: '{ from: 30 days, until: 120 days, inflammation: { il6: "5 pg/mL + 45 pg/mL * exp(-t / (7 days))" } }',
    shorthand: "il6",
    fields: [
      {
        name: "il6",
        unit: "pg/mL",
        description: "serum interleukin-6 held during the span",
        min: 0,
        max: 100000,
        required: true,
        expression: true,
        example: "30 pg/mL",
      },
    ],
    build: (v) => ({ kind: "inflammation", il6PgPerMl: time(v, "il6") }),
  },
  {
    name: "lead",
    timing: "span",
    description: "lead ingested (absorbed fraction by age unless given)",
    example: "{ from: 0 days, until: 90 days, lead: { intake: 300 ug/day } }",
    shorthand: "intake",
    fields: [
      {
        name: "intake",
        unit: "ug/day",
        description: "lead ingested per day",
        min: 0,
        max: 1e6,
        required: true,
        expression: true,
        example: "300 ug/day",
      },
      {
        name: "absorption",
        unit: "",
        description: "fraction of ingested lead absorbed (default: lead.absorbedFractionAdult or …Child by age)",
        min: 0,
        max: 1,
        required: false,
        expression: false,
        example: "12 %",
      },
    ],
    build: (v) => {
      const action: EventAction = { kind: "lead", intakeUgPerDay: time(v, "intake") };
      if (v.absorption !== undefined) action.absorbedFraction = num(v, "absorption");
      return action;
    },
  },
  {
    name: "oralIron",
    timing: "instant",
    description:
      "one oral dose of elemental iron (repeat with from/every), fasting or with a meal, an enhancer or an inhibitor; t = 0 is 08:00 (diurnal.clockAtStart), so `from: 12 hours` doses at 20:00 (the daily rhythm of hepcidin is off unless diurnal.* amplitudes are set)",
    example: "{ from: 60 days, until: 150 days, every: 1 day, oralIron: 65 mg }",
    shorthand: "dose",
    fields: [
      {
        name: "dose",
        unit: "mg",
        description: "elemental iron per dose",
        min: 0,
        max: 1000,
        required: true,
        expression: true,
        example: "65 mg",
      },
      {
        name: "taken",
        unit: "",
        description:
          "fasting (default) or with-meal: with a meal about half the dose stays available (meals.withMealFactor)",
        required: false,
        expression: false,
        choices: TAKEN,
        example: "with-meal",
      },
      {
        name: "with",
        unit: "",
        description:
          "taken together with an enhancer (ascorbic-acid) or an inhibitor (tea, coffee, calcium, phytate): multiplies the available dose by meals.<name>Factor",
        required: false,
        expression: false,
        choices: TAKEN_WITH,
        example: "ascorbic-acid",
      },
    ],
    build: (v) => {
      const action: EventAction = { kind: "oralIron", doseMg: time(v, "dose") };
      if (v.taken !== undefined) action.taken = v.taken as Taken;
      if (v.with !== undefined) action.with = v.with as TakenWith;
      return action;
    },
  },
  {
    name: "ivIron",
    timing: "instant",
    description: "intravenous iron (taken up by macrophages, released over days)",
    example: "{ at: 100 days, ivIron: 1000 mg }",
    shorthand: "dose",
    fields: [
      {
        name: "dose",
        unit: "mg",
        description: "elemental iron given",
        min: 0,
        max: 3000,
        required: true,
        expression: true,
        example: "1000 mg",
      },
    ],
    build: (v) => ({ kind: "ivIron", doseMg: time(v, "dose") }),
  },
  {
    name: "diet",
    timing: "span",
    description: "dietary iron during the span (a field left out keeps its current value)",
    example: "{ from: 0 days, diet: { nonHeme: 8 mg/day, heme: 0.5 mg/day } }",
    anyOf: ["nonHeme", "heme"],
    fields: [
      {
        name: "nonHeme",
        unit: "mg/day",
        description: "non-heme iron eaten per day",
        min: 0,
        max: 500,
        required: false,
        expression: true,
        example: "8 mg/day",
      },
      {
        name: "heme",
        unit: "mg/day",
        description: "heme iron eaten per day",
        min: 0,
        max: 100,
        required: false,
        expression: true,
        example: "0.5 mg/day",
      },
    ],
    build: (v) => {
      const action: EventAction = { kind: "diet" };
      if (v.nonHeme !== undefined) action.nonHemeMgPerDay = time(v, "nonHeme");
      if (v.heme !== undefined) action.hemeMgPerDay = time(v, "heme");
      return action;
    },
  },
  {
    name: "esa",
    timing: "instant",
    description: "a dose of an erythropoiesis-stimulating agent (epoetin)",
    example: "{ from: 0 days, every: 7 days, esa: { dose: 10000 IU, route: subcutaneous } }",
    shorthand: "dose",
    fields: [
      {
        name: "dose",
        unit: "IU",
        description: "epoetin dose, international units",
        min: 0,
        max: 1e6,
        required: true,
        expression: true,
        example: "10000 IU",
      },
      {
        name: "route",
        unit: "",
        description: "how it is given",
        required: false,
        expression: false,
        choices: ["subcutaneous", "intravenous"],
        default: "subcutaneous",
        example: "subcutaneous",
      },
    ],
    build: (v) => ({
      kind: "esa",
      doseIu: time(v, "dose"),
      route: v.route === "intravenous" ? "intravenous" : "subcutaneous",
    }),
  },
  {
    name: "b12",
    timing: "span",
    description:
      "vitamin B12 during the span: intake and/or the fraction absorbed (1 % without intrinsic factor: pernicious anemia); a field left out keeps its current value",
    example: "{ from: 0 days, b12: { intake: 5 ug/day, absorption: 1 % } }",
    shorthand: "intake",
    anyOf: ["intake", "absorption"],
    fields: [
      {
        name: "intake",
        unit: "ug/day",
        description: "vitamin B12 eaten (or swallowed as tablets) per day",
        min: 0,
        max: 1e5,
        required: false,
        expression: true,
        example: "2 ug/day",
      },
      {
        name: "absorption",
        unit: "",
        description:
          "fraction of a small B12 amount absorbed, food and bile alike (default vitamins.b12.absorption, 50 %; passive alone 1 %)",
        min: 0,
        max: 1,
        required: false,
        expression: false,
        example: "1 %",
      },
    ],
    build: (v) => {
      const action: EventAction = { kind: "b12" };
      if (v.intake !== undefined) action.intakeUgPerDay = time(v, "intake");
      if (v.absorption !== undefined) action.absorbedFraction = num(v, "absorption");
      return action;
    },
  },
  {
    name: "folate",
    timing: "span",
    description: "dietary folate during the span",
    example: "{ from: 0 days, folate: { intake: 20 ug/day } }",
    shorthand: "intake",
    fields: [
      {
        name: "intake",
        unit: "ug/day",
        description: "folate eaten per day",
        min: 0,
        max: 1e5,
        required: true,
        expression: true,
        example: "20 ug/day",
      },
    ],
    build: (v) => ({ kind: "folate", intakeUgPerDay: time(v, "intake") }),
  },
  {
    name: "kidney",
    timing: "span",
    description:
      "renal function as glomerular filtration rate, held during the span (from `at` or `from` to `until` or the end; the healthy value returns after `until`)",
    example: "{ from: 0 days, kidney: { gfr: 20 mL/min } }",
    shorthand: "gfr",
    fields: [
      {
        name: "gfr",
        unit: "mL/min",
        description: "glomerular filtration rate",
        min: 1,
        max: 200,
        required: true,
        expression: true,
        example: "20 mL/min",
      },
    ],
    build: (v) => ({ kind: "kidney", gfrMlPerMin: time(v, "gfr") }),
  },
  {
    name: "marrowInfiltration",
    timing: "span",
    description: "fraction of the marrow taken by other cells (myeloma, metastases, fibrosis), lost to erythropoiesis",
    example: "{ from: 0 days, marrowInfiltration: 40 % }",
    shorthand: "fraction",
    fields: [
      {
        name: "fraction",
        unit: "",
        description: "fraction of erythropoietic room lost, a fraction or a percentage",
        min: 0,
        max: 0.99,
        required: true,
        expression: false,
        example: "40 %",
      },
    ],
    build: (v) => ({ kind: "marrowInfiltration", fraction: num(v, "fraction") }),
  },
  {
    name: "pregnancy",
    timing: "instant",
    description:
      "conception: plasma volume expands ahead of red-cell mass, fetus and placenta take iron, hepcidin falls, menses stop; delivery at term with its blood loss (gestational age counts from the last period: conception is week 2)",
    example: "{ at: 0 days, pregnancy: { term: 40 weeks, fetuses: 1, deliveryBloodLoss: 500 mL } }",
    fields: [
      {
        name: "term",
        unit: "week",
        description: "gestational age at delivery (default 40 weeks)",
        min: 24,
        max: 44,
        required: false,
        expression: false,
        default: 40,
        example: "40 weeks",
      },
      {
        name: "fetuses",
        unit: "",
        description: "number of fetuses (2 for twins; default 1)",
        min: 1,
        max: 3,
        integer: true,
        required: false,
        expression: false,
        default: 1,
        example: 2,
      },
      {
        name: "deliveryBloodLoss",
        unit: "mL",
        description: "whole blood lost at delivery (default 500 mL, a vaginal delivery; ~1000 mL for a cesarean)",
        min: 0,
        max: 3000,
        required: false,
        expression: false,
        default: 500,
        example: "500 mL",
      },
    ],
    build: (v) => ({
      kind: "pregnancy",
      termWeeks: num(v, "term"),
      fetuses: num(v, "fetuses"),
      deliveryBloodLossMl: num(v, "deliveryBloodLoss"),
    }),
  },
  {
    name: "altitude",
    timing: "span",
    description:
      "residence at an altitude: barometric pressure sets the inspired PO2 and so the arterial saturation, with ventilatory acclimatisation and hemoconcentration over days; sea level returns after `until`",
    example: "{ from: 7 days, until: 35 days, altitude: 3500 m }",
    shorthand: "elevation",
    fields: [
      {
        name: "elevation",
        unit: "m",
        description: "altitude above sea level",
        min: 0,
        max: 8848,
        required: true,
        expression: true,
        example: "3500 m",
      },
    ],
    build: (v) => ({ kind: "altitude", elevationM: time(v, "elevation") }),
  },
  {
    name: "hypoxemia",
    timing: "span",
    description:
      "arterial O2 saturation held low by lung or heart disease (COPD, right-to-left shunt), as pulse oximetry reads it; the lower of this and the altitude's saturation acts",
    example: "{ from: 0 days, hypoxemia: { spo2: 88 % } }",
    shorthand: "spo2",
    fields: [
      {
        name: "spo2",
        unit: "",
        description: "arterial O2 saturation, a fraction or a percentage",
        min: 0.5,
        max: 1,
        required: true,
        expression: false,
        example: "88 %",
      },
    ],
    build: (v) => ({ kind: "hypoxemia", spo2: num(v, "spo2") }),
  },
  {
    name: "hemolysis",
    timing: "span",
    description:
      "red cells destroyed beyond senescence: a fraction of the circulating cells each day, by macrophages (extravascular: autoantibodies, spherocytes) or in the circulation (intravascular: mechanical valves, complement)",
    example: "{ from: 0 days, hemolysis: { rate: 3 %, site: extravascular } }",
    shorthand: "rate",
    fields: [
      {
        name: "rate",
        unit: "",
        description:
          "fraction of circulating red cells destroyed per day (an added hazard; 3 % shortens mean survival from ~115 to ~25 days)",
        min: 0,
        max: 0.5,
        required: true,
        expression: false,
        example: "3 %",
      },
      {
        name: "site",
        unit: "",
        description: "where the cells are destroyed",
        choices: ["extravascular", "intravascular"],
        default: "extravascular",
        required: false,
        expression: false,
        example: "intravascular",
      },
    ],
    build: (v) => ({
      kind: "hemolysis",
      ratePerDay: num(v, "rate"),
      site: v.site === "intravascular" ? "intravascular" : "extravascular",
    }),
  },
  {
    name: "tracer",
    timing: "instant",
    description:
      "a tracer study: a labelled iron dose followed through the same fluxes (columns tracer_plasma_fraction, tracer_rbc_fraction) and/or the red cells labelled with 51Cr (cr51_survival_fraction)",
    example: "{ at: 1 day, tracer: { iron: 59Fe, dose: 0.05 mg, route: iv } }",
    anyOf: ["iron", "redCells"],
    fields: [
      {
        name: "iron",
        unit: "",
        description:
          "the iron isotope of a labelled dose (59Fe radioactive, 58Fe or 57Fe stable; fractions are decay-corrected)",
        required: false,
        expression: false,
        choices: ["59Fe", "58Fe", "57Fe"],
        example: "59Fe",
      },
      {
        name: "dose",
        unit: "mg",
        description: "iron in the labelled dose (carrier included)",
        min: 0,
        max: 100,
        required: false,
        expression: false,
        default: 0.05,
        example: "0.05 mg",
      },
      {
        name: "route",
        unit: "",
        description:
          "iv: bound to transferrin in plasma at once (ferrokinetics); oral: with the next step's dose (absorption)",
        required: false,
        expression: false,
        choices: ["iv", "oral"],
        default: "iv",
        example: "iv",
      },
      {
        name: "redCells",
        unit: "",
        description:
          "label the circulating red cells (a sample of the subject's own, returned) with 51Cr for a survival curve",
        required: false,
        expression: false,
        choices: ["51Cr"],
        example: "51Cr",
      },
    ],
    build: (v) => {
      const action: EventAction = {
        kind: "tracer",
        doseMg: num(v, "dose"),
        route: v.route === "oral" ? "oral" : "iv",
      };
      if (typeof v.iron === "string") action.isotope = v.iron;
      if (v.redCells === "51Cr") action.redCells = "51Cr";
      return action;
    },
  },
  {
    name: "set",
    timing: "instant",
    description: "change model parameters from this time on (each value in the parameter's unit)",
    example: "{ at: 30 days, set: { iron.diet.nonHeme: 8 mg/day } }",
    parameters: true,
    fields: [],
    // Filled in by the validator, which checks each path and value against PARAMETERS.
    build: () => ({ kind: "set", parameters: {} }),
  },
];

export const ACTIONS: ReadonlyMap<ActionKind, ActionSpec> = new Map(ACTION_LIST.map((a) => [a.name, a]));

export const ACTION_NAMES: readonly ActionKind[] = ACTION_LIST.map((a) => a.name);

/** Actions that hold over a span (timing "span"): the simulator and the figures both read this. */
export const SPAN_ACTIONS: ReadonlySet<ActionKind> = new Set(
  ACTION_LIST.filter((a) => a.timing === "span").map((a) => a.name),
);

export function isActionName(name: string): name is ActionKind {
  return ACTIONS.has(name as ActionKind);
}

export function actionSpec(name: ActionKind): ActionSpec {
  const spec = ACTIONS.get(name);
  if (!spec) throw new Error(`internal: no action ${name}`);
  return spec;
}

/** The field that stands for the action in listings. */
export function mainField(spec: ActionSpec): FieldSpec | undefined {
  const name = spec.main ?? spec.shorthand;
  return spec.fields.find((f) => f.name === name) ?? spec.fields[0];
}
