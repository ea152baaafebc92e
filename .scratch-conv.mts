import { parseScenario } from "./src/scenario/load.js";
import { simulate } from "./src/simulate.js";
const bleed = parseScenario(["name: b","subject: { sex: male, weight: 75 kg, height: 178 cm, storageIron: 800 mg }","duration: 24 days","events:","  - at: 2 days","    bleed: 1000 mL"].join("\n"),"b.yaml");
for (const dt of [1, 0.25]) for (const seed of [1,2,3]) {
  const r = simulate(bleed, { seed, dtHours: dt });
  const ret = Array.from(r.column("retic_pct"));
  const m = ret.slice(6,15).reduce((a,b)=>a+b,0)/9;
  console.log(dt, seed, ret[10]?.toFixed(3), m.toFixed(3), r.column("hb_g_dl")[20]?.toFixed(3));
}
