import { mkdirSync, writeFileSync } from "node:fs";
import { main } from "./src/cli/main.ts";
import { CASES, OK } from "./test/hostile/corpus.ts";
const ids = process.argv.slice(2);
for (const c of CASES.filter((c) => ids.some((i) => c.id.includes(i)))) {
  const dir = `/tmp/hshow/${c.id}`; mkdirSync(dir, { recursive: true });
  if (c.scenario !== undefined) writeFileSync(`${dir}/case.yaml`, typeof c.scenario === "function" ? c.scenario() : c.scenario);
  if (c.sweep !== undefined) { writeFileSync(`${dir}/sweep.yaml`, typeof c.sweep === "function" ? c.sweep() : c.sweep); writeFileSync(`${dir}/scenario.yaml`, OK); }
  const args = (c.args ?? ["check", "{file}"]).map((a) => a.replaceAll("{file}", `${dir}/case.yaml`).replaceAll("{sweep}", `${dir}/sweep.yaml`).replaceAll("{dir}", dir));
  let err = ""; const w = process.stderr.write.bind(process.stderr);
  (process.stderr as any).write = (s: string) => { err += s; return true; };
  const code = await main(["node", "e", ...args]);
  (process.stderr as any).write = w;
  console.log(`== ${c.id} code=${code}\n${JSON.stringify(err.split("\n").filter(l => !/%/.test(l)).join("\n").slice(0, 700))}`);
}
