/** A piscina worker (and the inline runner): simulates one validation job. */
import { runJob } from "./jobs.js";

export default runJob;
