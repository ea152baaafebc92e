/** erythron: the library. The command line is a thin layer over these. */
import { installDiskSteadyStateCache } from "./model/steady-state-disk.js";

// Equilibria are kept on disk across processes (steady-state-disk.ts; ERYTHRON_STEADY_STATE_CACHE=0: off).
installDiskSteadyStateCache();

export {
  type CohortOptions,
  type CohortResult,
  type CohortShareRow,
  type CohortSummaryRow,
  cohort,
} from "./cohort/cohort.js";
export {
  CompareInputError,
  type CompareOptions,
  type CompareResult,
  compareArms,
  type Difference,
} from "./compare/compare.js";
export type { Run, RunSummary, SimulateOptions, VolumeHistogram } from "./core/run.js";
export { type Estimate, FitInputError, type FitResult, fitVirtualPatient } from "./fit/fit.js";
export { type LabPoint, LabsError, parseLabs } from "./fit/labs.js";
export { type FitOutcome, type FitRequest, fit } from "./fit/run-fit.js";
export { TRAJECTORY_COLUMNS } from "./labs/columns.js";
export { PARAMETERS, resolveParameters } from "./model/parameters.js";
export type { FigureEvent, FigureHistogram, RunData, ScenarioRecord } from "./plot/data.js";
export { runData, scenarioRecord } from "./plot/data.js";
export {
  cbcFigure,
  comparisonFigure,
  diagnosticMapFigure,
  histogramFigure,
  ironEconomyFigure,
  ironPanelFigure,
  runFigures,
} from "./plot/figures/index.js";
export { figuresHtml, type NamedFigure } from "./plot/html.js";
export { createIronProbe, type IronEconomyRow } from "./plot/iron-probe.js";
export { histogramReference } from "./plot/reference.js";
export { ACTIONS } from "./scenario/actions.js";
export { compileTimeValue, ExpressionError } from "./scenario/expression.js";
export { scenarioJsonSchema } from "./scenario/json-schema.js";
export { loadScenario, parseScenario, ScenarioError } from "./scenario/load.js";
export type { RuleFiring } from "./scenario/rules.js";
export type {
  ActionKind,
  EventAction,
  Genotype,
  RuleEffect,
  Scenario,
  ScenarioEvent,
  ScenarioRule,
  Subject,
  TimeExpression,
  TimeValue,
} from "./scenario/types.js";
export { latinHypercube } from "./sensitivity/latin-hypercube.js";
export { type MorrisIndex, morrisDesign, morrisIndices } from "./sensitivity/morris.js";
export { uniformStream } from "./sensitivity/random.js";
export {
  analyzeSweep,
  type MetricSensitivity,
  type SensitivityReport,
  writeSensitivity,
} from "./sensitivity/report.js";
export { type SobolResult, saltelliDesign, sobolIndices } from "./sensitivity/saltelli.js";
export { sobolPoints } from "./sensitivity/sobol-sequence.js";
export { canonicalOverrides, DEFAULT_DT_HOURS, DEFAULT_FOUNDERS_PER_DAY, simulate } from "./simulate.js";
export { designPoints, parseShard, sweepTasks } from "./sweep/design.js";
export { loadSweep, parseSweep } from "./sweep/file.js";
export { type MergeOptions, type MergeResult, merge, readProvenance } from "./sweep/merge.js";
export { createRunner } from "./sweep/run-one.js";
export { runSeed } from "./sweep/seeds.js";
export { SweepInputError, type SweepOptions, type SweepResult, sweep } from "./sweep/sweep.js";
export type { MetricSpec, RunRow, RunTask, Sweep, SweepPlan, SweptPath } from "./sweep/types.js";
export { VERSION } from "./version.js";
