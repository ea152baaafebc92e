/**
 * The parameter registry gathered from the modules' blocks (issue 11, item 5):
 * a misspelt path is a type error (`npx tsc` fails on an unused
 * `@ts-expect-error`), every path is declared once, and overrides are checked
 * against the spec at run time.
 */
import { describe, expect, it } from "vitest";
import { PARAMETERS, ParameterError, param, resolveParameters } from "../src/engine/parameters.js";
import { defineParameters, type PathsOf } from "../src/parameters/spec.js";

describe("parameter registry", () => {
  it("a misspelt parameter path does not compile, and throws if forced", () => {
    const values = resolveParameters("male");
    expect(param(values, "iron.diet.nonHeme")).toBeGreaterThan(0);
    // @ts-expect-error: no parameter of that name (the type of a path is the union of declared ones)
    expect(() => param(values, "iron.diet.nonHeem")).toThrow(/no parameter/);
  });

  it("a block's paths are its type", () => {
    const block = defineParameters({
      "x.a": { unit: "", default: 1, description: "a", source: "test", provenance: { kind: "assumed" } },
    });
    const ok: PathsOf<typeof block> = "x.a";
    // @ts-expect-error: "x.b" is not declared in the block
    const bad: PathsOf<typeof block> = "x.b";
    expect(block[ok].path).toBe("x.a");
    expect(bad).toBe("x.b");
  });

  it("gathers every block: paths are unique and each spec carries its own path", () => {
    expect(PARAMETERS.size).toBeGreaterThan(150);
    for (const [path, spec] of PARAMETERS) expect(spec.path).toBe(path);
  });

  it("resolves sex-specific defaults and rejects unknown or out-of-range overrides", () => {
    expect(param(resolveParameters("female"), "iron.menstrualBloodLoss")).toBeGreaterThan(0);
    expect(param(resolveParameters("male"), "iron.menstrualBloodLoss")).toBe(0);
    expect(() => resolveParameters("male", { "iron.nope": 1 })).toThrow(ParameterError);
    expect(() => resolveParameters("male", { "body.bloodVolumePerKg": 1 })).toThrow(/outside/);
  });
});
