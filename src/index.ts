/** erythron: the library. The command line is a thin layer over these. */
export { simulate, canonicalOverrides, DEFAULT_DT_HOURS, DEFAULT_FOUNDERS_PER_DAY } from "./simulate.js";
export { loadScenario, parseScenario } from "./scenario/load.js";
export { PARAMETERS, resolveParameters } from "./model/parameters.js";
export { TRAJECTORY_COLUMNS } from "./labs/columns.js";
export { VERSION } from "./version.js";
export type { Run, RunSummary, SimulateOptions, VolumeHistogram } from "./core/run.js";
export type { Scenario, Subject, ScenarioEvent } from "./scenario/types.js";
