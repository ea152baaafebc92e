import { describe, expect, it } from "vitest";
import { createProgress } from "../src/cli/progress.js";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => writes.push(s) } };
}

describe("progress on stderr", () => {
  it("stays silent for runs under a second", () => {
    let t = 0;
    const { writes, stream } = fakeStream(false);
    const p = createProgress(stream, () => t);
    for (let i = 0; i <= 10; i++) {
      t = i * 90;
      p.update(i / 10);
    }
    p.done();
    expect(writes).toEqual([]);
  });

  it("prints plain lines, one per 10 %, when not a terminal", () => {
    let t = 0;
    const { writes, stream } = fakeStream(false);
    const p = createProgress(stream, () => t);
    for (let i = 0; i <= 100; i++) {
      t = 1000 + i * 50;
      p.update(i / 100);
    }
    p.done();
    expect(writes).toHaveLength(11);
    expect(writes[3]).toMatch(/^ {2}30% …/);
    for (const w of writes) expect(w.endsWith("\n")).toBe(true);
  });

  it("overwrites one line on a terminal and clears it at the end", () => {
    let t = 0;
    const { writes, stream } = fakeStream(true);
    const p = createProgress(stream, () => t);
    for (let i = 0; i <= 20; i++) {
      t = 1000 + i * 200;
      p.update(i / 20);
    }
    p.done();
    expect(writes.length).toBeGreaterThan(2);
    for (const w of writes) expect(w.startsWith("\r")).toBe(true);
    expect(writes.some((w) => w.includes("100%"))).toBe(true);
    expect(writes.at(-1)).toBe("\r\x1b[K");
  });
});
