/**
 * Every built notebook in a real browser, offline: all requests that leave
 * 127.0.0.1/localhost are aborted and counted. Each notebook must draw a
 * chart, redraw it when its first control moves, and log no console errors.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "notebooks", "dist");
const pages = existsSync(dist) ? readdirSync(dist).filter((f) => f.endsWith(".html")) : [];
const notebooks = pages.filter((f) => f !== "index.html");
const shots = process.env.NOTEBOOK_SCREENSHOTS; // a directory: save a screenshot of each notebook there

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Watch a page: console errors, uncaught exceptions, and any request leaving loopback (aborted). */
async function watch(page: Page): Promise<{ errors: string[]; external: string[] }> {
  const errors: string[] = [];
  const external: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`${e.name}: ${e.message}`));
  await page.context().route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK.has(url.hostname)) return route.continue();
    external.push(url.href);
    return route.abort("blockedbyclient");
  });
  return { errors, external };
}

/** Data marks drawn by Plot (lines, areas, dots, bars), not axes, ticks or grids. */
const CHART_MARKS =
  'main svg :is(g[aria-label="line"], g[aria-label="area"], g[aria-label="dot"], g[aria-label="bar"]) :is(path[d], circle, rect)';

/** A fingerprint of every chart on the page. */
function chartsFingerprint(page: Page): Promise<string> {
  return page.$$eval("main svg", (svgs) => svgs.map((s) => s.outerHTML).join("\n"));
}

/** Simulations still running in the page (counted by notebooks/lib/erythron.ts). */
function busy(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as { erythronBusy?: number }).erythronBusy ?? 0);
}

/** Wait until no simulation runs and the charts stop changing. */
async function settle(page: Page): Promise<string> {
  let last = "";
  let same = 0;
  await expect
    .poll(
      async () => {
        const now = await chartsFingerprint(page);
        const idle = (await busy(page)) === 0;
        same = idle && now === last && now !== "" ? same + 1 : 0;
        last = now;
        return same;
      },
      { intervals: [1000], timeout: 180_000, message: "charts did not settle" },
    )
    .toBeGreaterThanOrEqual(3);
  return last;
}

test("the build has the five notebooks and an index", () => {
  expect(pages, "run `npm run notebooks` first").toContain("index.html");
  expect(notebooks.length).toBeGreaterThanOrEqual(5);
});

test("index links to every notebook", async ({ page }) => {
  const seen = await watch(page);
  await page.goto("index.html");
  for (const nb of notebooks) await expect(page.locator(`main a[href$="${nb}"]`).first()).toBeVisible();
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
});

for (const nb of notebooks) {
  test(`${nb}: draws, responds to its control, offline, without errors`, async ({ page }) => {
    const seen = await watch(page);
    await page.goto(nb);

    // The reader sees that the page is computing, then a chart with marks, and the note goes away.
    await expect(page.locator("#erythron-busy")).toContainText("computing…");
    await expect(page.locator(CHART_MARKS).first()).toBeAttached();
    const before = await settle(page);
    await expect(page.locator("#erythron-busy")).toBeHidden();
    if (shots) await page.screenshot({ path: join(shots, nb.replace(/\.html$/, ".png")), fullPage: true });

    // Move the first control: a slider to the other end of its range, or a select to another option.
    const range = page.locator("main input[type=range]").first();
    if ((await range.count()) > 0) {
      await range.evaluate((el: HTMLInputElement) => {
        const target = Number(el.value) === Number(el.max) ? el.min : el.max;
        el.value = target;
        el.dispatchEvent(new Event("input", { bubbles: true }));
      });
    } else {
      const select = page.locator("main select").first();
      await expect(select, "a notebook needs a slider or a select").toBeAttached();
      const values = await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const current = await select.inputValue();
      await select.selectOption(values.find((v) => v !== current) ?? current);
    }

    // The chart redraws with different content.
    await expect.poll(() => chartsFingerprint(page), { intervals: [500], timeout: 180_000 }).not.toBe(before);
    await expect(page.locator(CHART_MARKS).first()).toBeAttached();
    await settle(page);
    if (shots) await page.screenshot({ path: join(shots, nb.replace(/\.html$/, "-moved.png")), fullPage: true });

    expect(seen.external, "requests that left loopback").toEqual([]);
    expect(seen.errors, "console errors").toEqual([]);
  });
}
