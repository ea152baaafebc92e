/**
 * Parameter provenance (issue 10): every parameter says whether it is measured,
 * calibrated (and to which validation targets), assumed or numerical, and no
 * source quotes the model's own output. Parameters added later without a
 * provenance fail here.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PARAMETERS } from "../src/engine/parameters.js";
import { loadStudies } from "../src/validation/studies.js";
import { TARGETS } from "../src/validation/targets.js";

describe("parameter provenance", () => {
  it("every parameter has one", () => {
    const missing = [...PARAMETERS.values()].filter((p) => p.provenance === undefined).map((p) => p.path);
    expect(missing).toEqual([]);
  });

  it("calibrated parameters name targets that exist", async () => {
    const ids = new Set<string>(TARGETS.map((t) => t.id));
    for (const s of await loadStudies("validation")) for (const t of s.targets) ids.add(t.id);
    for (const p of PARAMETERS.values()) {
      if (p.provenance?.kind !== "calibrated") continue;
      expect(p.provenance.targets.length, p.path).toBeGreaterThan(0);
      for (const t of p.provenance.targets) {
        const ok = t.startsWith("signature:") ? existsSync(t.slice("signature:".length)) : ids.has(t);
        expect(ok, `${p.path} → ${t}`).toBe(true);
      }
    }
  });

  it("a source that says calibrated is marked calibrated", () => {
    for (const p of PARAMETERS.values())
      if (/\bcalibrated\b/.test(p.source)) expect(p.provenance?.kind, p.path).toBe("calibrated");
  });

  it("no source quotes the model's own output", () => {
    for (const p of PARAMETERS.values())
      expect(p.source, p.path).not.toMatch(/\(model [~\d]|model gives|the model's output|simulated value/i);
  });
});
