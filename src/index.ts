/** erythron: the library. The command line is a thin layer over these. */

export type { Run, RunSummary, SimulateOptions, VolumeHistogram } from "./core/run.js";
export { TRAJECTORY_COLUMNS } from "./labs/columns.js";
export { PARAMETERS, resolveParameters } from "./model/parameters.js";
export { loadScenario, parseScenario } from "./scenario/load.js";
export type { Scenario, ScenarioEvent, Subject } from "./scenario/types.js";
export { canonicalOverrides, DEFAULT_DT_HOURS, DEFAULT_FOUNDERS_PER_DAY, simulate } from "./simulate.js";
export { VERSION } from "./version.js";
