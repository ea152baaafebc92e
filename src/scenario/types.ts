/**
 * A scenario after parsing: every quantity already converted to the canonical
 * unit named in its field. The core never sees unit strings; a value that
 * varies in time arrives as a sandboxed expression to be compiled by
 * `compileTimeValue` (src/scenario/expression.ts).
 */
import type { Genotype, Subject } from "../core/types.js";

export type { Genotype, Sex, Subject } from "../core/types.js";

export interface RecordSpec {
  /** Trajectory sampling interval. */
  everyDays: number;
  /** Times at which a red-cell volume histogram is taken. */
  histogramDays: number[];
}

/**
 * A value that may vary in time: a number in the field's canonical unit, or a
 * mathjs expression in `t` (time since the event's start, a time quantity)
 * whose result converts to `unit`. Compiled in a sandbox before use.
 */
export type TimeValue = number | TimeExpression;

export interface TimeExpression {
  /** The expression as written, e.g. "5 pg/mL + 45 pg/mL * exp(-t / (1 day))". */
  expression: string;
  /** Canonical unit the result is converted to (mathjs unit string), e.g. "pg/mL". */
  unit: string;
  /** Inclusive bounds of the field, in `unit`: every value the expression gives at run time must obey them. */
  min?: number;
  max?: number;
}

/**
 * What an event does, in canonical units. Instant actions act once at each
 * instant (`at`, or every `every` within `from`/`until`); span actions hold
 * from `from` until `until` (or to the end of the run).
 */
export type EventAction =
  /** Instant: acute loss of whole blood. */
  | { kind: "bleed"; volumeMl: TimeValue }
  /** Span: continuous loss of whole blood. */
  | { kind: "chronicBleed"; rateMlPerDay: TimeValue }
  /** Instant: packed red cells given (volume of the bag, its hematocrit as a fraction). */
  | { kind: "transfusion"; volumeMl: TimeValue; hematocrit: number }
  /** Span: circulating IL-6 (standing for the inflammatory cytokines). */
  | { kind: "inflammation"; il6PgPerMl: TimeValue }
  /** Span: lead ingested; absorbed fraction defaults by age (child vs adult). */
  | { kind: "lead"; intakeUgPerDay: TimeValue; absorbedFraction?: number }
  /** Instant: one oral dose of elemental iron, fasting unless `taken: with-meal`, optionally with an enhancer or inhibitor. */
  | {
      kind: "oralIron";
      doseMg: TimeValue;
      taken?: "fasting" | "with-meal";
      with?: "ascorbic-acid" | "tea" | "coffee" | "calcium" | "phytate";
    }
  /** Instant: intravenous iron (taken up by macrophages). */
  | { kind: "ivIron"; doseMg: TimeValue }
  /** Span: dietary iron replaced (each field optional: the other keeps its current value). */
  | { kind: "diet"; nonHemeMgPerDay?: TimeValue; hemeMgPerDay?: TimeValue }
  /** Instant: an epoetin dose, international units. */
  | { kind: "esa"; doseIu: TimeValue; route: "subcutaneous" | "intravenous" }
  /** Span: vitamin B12 eaten and/or the fraction absorbed (each optional: the other keeps its value). */
  | { kind: "b12"; intakeUgPerDay?: TimeValue; absorbedFraction?: number }
  /** Span: folate eaten. */
  | { kind: "folate"; intakeUgPerDay: TimeValue }
  /** Span: glomerular filtration rate (renal function) held during the span. */
  | { kind: "kidney"; gfrMlPerMin: TimeValue }
  /** Span: fraction of the marrow taken by other cells (tumour, fibrosis), unavailable to erythropoiesis. */
  | { kind: "marrowInfiltration"; fraction: number }
  /** Instant: conception; the pregnancy runs to delivery at `termWeeks` of gestation (src/physiology/pregnancy.ts). */
  | { kind: "pregnancy"; termWeeks: number; fetuses: number; deliveryBloodLossMl: number }
  /** Span: residence at an altitude (m): arterial saturation from the barometric pressure. */
  | { kind: "altitude"; elevationM: TimeValue }
  /** Span: arterial O2 saturation held low by lung or heart disease (0–1). */
  | { kind: "hypoxemia"; spo2: number }
  /** Span: red cells destroyed beyond senescence (fraction per day), in macrophages or in the circulation. */
  | { kind: "hemolysis"; ratePerDay: number; site: "extravascular" | "intravascular" }
  /** Instant: a labelled iron dose (isotope, mg, route) and/or the circulating red cells labelled with 51Cr. */
  | { kind: "tracer"; isotope?: string; doseMg: TimeValue; route: "iv" | "oral"; redCells?: "51Cr" }
  /** Instant: model parameters changed from this time on (canonical units). */
  | { kind: "set"; parameters: Record<string, number> };

export type ActionKind = EventAction["kind"];

export interface ScenarioEvent {
  /** Start, days since the run start. */
  atDays: number;
  /** End of a span (exclusive), days; absent for an instant, or a span running to the end. */
  untilDays?: number;
  /** Repetition interval within a span, days (instant actions only). */
  everyDays?: number;
  action: EventAction;
  /** Where the event was written, for error messages. */
  source?: { line: number; column: number };
}

export interface Scenario {
  name: string;
  description?: string;
  /** Path the scenario was read from, if any. */
  sourcePath?: string;
  subject: Subject;
  durationDays: number;
  seed: number;
  record: RecordSpec;
  /** Overrides of model parameters by dotted path, already in each parameter's canonical unit. */
  parameters: Record<string, number>;
  genotype: Genotype;
  events: ScenarioEvent[];
  /** Rules that react to labs (absent: none). */
  rules?: ScenarioRule[];
}

/**
 * What a rule does when its condition holds, to the scheduled events (those
 * written with `from` + `every`) of one instant action, or a one-off action.
 */
export type RuleEffect =
  /** Stop the action's schedules from now on (until a `start`). */
  | { kind: "stop"; action: ActionKind }
  /** Resume the action's stopped schedules. */
  | { kind: "start"; action: ActionKind }
  /** Skip the action's scheduled instants at this draw only (a deferral). */
  | { kind: "skip"; action: ActionKind }
  /** Multiply the scheduled value (dose, volume) by `factor` from now on; compounds. */
  | { kind: "scale"; action: ActionKind; field: string; factor: number }
  /** Give one instant action now, as an event would. */
  | { kind: "give"; action: EventAction }
  /** Start a schedule of this action now, repeating every `everyDays` (unless one a rule started is running). */
  | { kind: "schedule"; action: EventAction; everyDays: number };

export interface ScenarioRule {
  /** Name for events.csv; default "rules[i]". */
  name: string;
  /** First draw, days since the run start. */
  fromDays: number;
  /** No draws at or after this time, days. */
  untilDays: number;
  /** Interval between draws, days. */
  everyDays: number;
  /** Condition over trajectory columns; absent: always. */
  when?: string;
  /** What `then` says, applied in the order written. */
  effects: RuleEffect[];
  /** Text of each effect for events.csv, aligned with `effects`. */
  describe: string[];
  source?: { line: number; column: number };
}
