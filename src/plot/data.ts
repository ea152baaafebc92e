/**
 * What a figure needs from a run, whether it comes from a `Run` in memory or
 * from a run directory on disk: columns, histograms, the subject's sex, the
 * scenario's events and (when recorded) the iron economy.
 */

import { GENES } from "../physiology/genotype.js";
import type { Run } from "../run.js";
import { SPAN_ACTIONS } from "../scenario/actions.js";
import type { EventAction, Genotype, Scenario, ScenarioEvent, Sex, Subject, TimeValue } from "../scenario/types.js";
import type { IronEconomyRow } from "./iron-probe.js";

export interface FigureHistogram {
  day: number;
  /** Lower edge of each bin, fL. */
  volumeFl: ArrayLike<number>;
  /** Fraction of red cells in each bin. */
  fraction: ArrayLike<number>;
}

/** One scenario event as drawn on a time axis. */
export interface FigureEvent {
  startDay: number;
  /** End of a span or of a repeated instant; absent for a single instant. */
  endDay?: number;
  label: string;
  kind: EventAction["kind"];
}

export interface RunData {
  /** The scenario's name: figure titles. */
  name: string;
  /** Short name for legends (defaults to the scenario name). */
  label: string;
  /** Unknown for run directories written before scenario.json existed. */
  sex?: Sex;
  /** Years; children are compared with adult ranges, which the legend says. */
  ageYears?: number;
  durationDays: number;
  events: FigureEvent[];
  column(name: string): ArrayLike<number>;
  histograms: FigureHistogram[];
  iron?: IronEconomyRow[];
}

/**
 * The scenario as written to scenario.json beside a run's outputs: what
 * figures need to redraw a run from its directory (sex, events).
 */
export interface ScenarioRecord {
  name: string;
  description?: string;
  subject: Subject;
  durationDays: number;
  seed: number;
  genotype: Genotype;
  parameters: Record<string, number>;
  events: Omit<ScenarioEvent, "source">[];
}

export function scenarioRecord(s: Scenario): ScenarioRecord {
  const out: ScenarioRecord = {
    name: s.name,
    subject: s.subject,
    durationDays: s.durationDays,
    seed: s.seed,
    genotype: s.genotype,
    parameters: s.parameters,
    events: s.events.map(({ source: _source, ...e }) => e),
  };
  if (s.description !== undefined) out.description = s.description;
  return out;
}

function num(x: number): string {
  return String(Number(x.toPrecision(3)));
}

function value(v: TimeValue | undefined, unit: string): string {
  if (v === undefined) return "";
  return typeof v === "number" ? `${num(v)} ${unit}` : "(varies in time)";
}

/** A short label for an event: what a teacher would write on the board. */
export function actionLabel(a: EventAction): string {
  switch (a.kind) {
    case "bleed":
      return `bleed ${value(a.volumeMl, "mL")}`;
    case "chronicBleed":
      return `bleeding ${value(a.rateMlPerDay, "mL/day")}`;
    case "transfusion":
      return `transfusion ${value(a.volumeMl, "mL")}`;
    case "inflammation":
      return `inflammation, IL-6 ${value(a.il6PgPerMl, "pg/mL")}`;
    case "lead":
      return `lead ${value(a.intakeUgPerDay, "µg/day")}`;
    case "oralIron":
      return `oral iron ${value(a.doseMg, "mg")}${a.taken === "with-meal" ? " with a meal" : ""}${a.with ? ` + ${a.with}` : ""}`;
    case "ivIron":
      return `IV iron ${value(a.doseMg, "mg")}`;
    case "diet": {
      const parts: string[] = [];
      if (a.nonHemeMgPerDay !== undefined) parts.push(`non-heme ${value(a.nonHemeMgPerDay, "mg/day")}`);
      if (a.hemeMgPerDay !== undefined) parts.push(`heme ${value(a.hemeMgPerDay, "mg/day")}`);
      return `diet: ${parts.join(", ")}`;
    }
    case "esa":
      return `epoetin ${value(a.doseIu, "IU")}`;
    case "b12": {
      const parts: string[] = [];
      if (a.intakeUgPerDay !== undefined) parts.push(value(a.intakeUgPerDay, "µg/day"));
      if (a.absorbedFraction !== undefined) parts.push(`${num(a.absorbedFraction * 100)} % absorbed`);
      return `B12 ${parts.join(", ")}`;
    }
    case "folate":
      return `folate ${value(a.intakeUgPerDay, "µg/day")}`;
    case "kidney":
      return `GFR ${value(a.gfrMlPerMin, "mL/min")}`;
    case "marrowInfiltration":
      return `marrow infiltration ${num(a.fraction * 100)} %`;
    case "altitude":
      return `altitude ${value(a.elevationM, "m")}`;
    case "hypoxemia":
      return `SpO2 ${num(a.spo2 * 100)} %`;
    case "hemolysis":
      return `${a.site} hemolysis ${num(a.ratePerDay * 100)} %/day`;
    case "set":
      return `set ${Object.keys(a.parameters).join(", ")}`;
    case "tracer": {
      const parts: string[] = [];
      if (a.isotope !== undefined) parts.push(`${a.isotope} ${value(a.doseMg, "mg")} ${a.route}`);
      if (a.redCells !== undefined) parts.push(`${a.redCells} red cells`);
      return `tracer ${parts.join(", ")}`;
    }
    case "pregnancy":
      return `conception${a.fetuses > 1 ? ` (${a.fetuses} fetuses)` : ""}, delivery at ${num(a.termWeeks)} weeks`;
  }
}

function every(days: number): string {
  if (Math.abs(days - 1) < 1e-9) return "daily";
  if (Math.abs(days - 7) < 1e-9) return "weekly";
  return `every ${num(days)} days`;
}

export function figureEvents(events: readonly Omit<ScenarioEvent, "source">[], durationDays: number): FigureEvent[] {
  return events.map((e) => {
    let label = actionLabel(e.action);
    const span = SPAN_ACTIONS.has(e.action.kind);
    const out: FigureEvent = { startDay: e.atDays, label, kind: e.action.kind };
    if (span) out.endDay = Math.min(e.untilDays ?? durationDays, durationDays);
    else if (e.everyDays !== undefined) {
      label = `${label} ${every(e.everyDays)}`;
      out.label = label;
      out.endDay = Math.min(e.untilDays ?? durationDays, durationDays);
    }
    return out;
  });
}

export function fromRecord(
  record: ScenarioRecord | undefined,
  parts: Omit<RunData, "sex" | "events" | "name" | "label" | "durationDays"> & {
    name: string;
    durationDays: number;
    label?: string;
  },
): RunData {
  const data: RunData = {
    name: record?.name ?? parts.name,
    label: parts.label ?? record?.name ?? parts.name,
    durationDays: record?.durationDays ?? parts.durationDays,
    events: record ? figureEvents(record.events, record.durationDays) : [],
    column: parts.column,
    histograms: parts.histograms,
  };
  if (record) data.sex = record.subject.sex;
  if (record?.subject.ageYears !== undefined) data.ageYears = record.subject.ageYears;
  if (parts.iron) data.iron = parts.iron;
  return data;
}

/** Figure data from a run in memory; `iron` from an iron probe passed to simulate(). */
export function runData(run: Run, options: { iron?: IronEconomyRow[]; label?: string } = {}): RunData {
  const parts: Parameters<typeof fromRecord>[1] = {
    name: run.scenario.name,
    durationDays: run.scenario.durationDays,
    column: (c) => run.column(c),
    histograms: run.histograms,
  };
  if (options.iron) parts.iron = options.iron;
  if (options.label !== undefined) parts.label = options.label;
  return fromRecord(scenarioRecord(run.scenario), parts);
}

/** Whether a scenario starts from a healthy body: default stores, wild-type genes, no parameter changes. */
export function startsHealthy(record: Pick<ScenarioRecord, "subject" | "genotype" | "parameters">): boolean {
  // Every gene wild type (the first variant): ALAS2, ferroportin and HFE variants are not healthy either.
  const g = record.genotype as Record<string, string | number | undefined>;
  const wild = Object.entries(GENES).every(([gene, spec]) => g[gene] === undefined || g[gene] === spec.variants[0]);
  // Typical stores (HEIRS: 0.8 g men, 0.4 g women) within a factor of two.
  const typical = record.subject.sex === "male" ? 800 : 400;
  const s = record.subject.storageIronMg;
  const stores = s === undefined || (s >= typical / 2 && s <= typical * 2);
  return wild && stores && Object.keys(record.parameters).length === 0;
}
