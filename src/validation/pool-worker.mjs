// Worker-thread entry: worker threads do not inherit tsx's loader when it was
// registered through its API (bin/erythron.js), so register it here.
import { register } from "tsx/esm/api";

register();
const { default: runJob } = await import("./worker.ts");
export default runJob;
