import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/support/database";
import { createApp } from "../app";
import { createLogger } from "../platform/logger";
import { hrefIn } from "./layout";

describe("the reader's language", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({ database: t, logger: createLogger("silent") });
  });
  afterAll(() => t.dispose());

  it("switches language on the same page, keeping its search and filters, and remembers the choice", async () => {
    const page = await (await app.request("/search?q=silk&type=product")).text();
    const href = /<a class="lang" href="([^"]+)"/.exec(page)?.[1]?.replaceAll("&amp;", "&") as string;
    expect(href).toBe("/language?to=hi&next=%2Fsearch%3Fq%3Dsilk%26type%3Dproduct");
    const switched = await app.request(href);
    expect(switched.status).toBe(303);
    expect(switched.headers.get("location")).toBe("/search?q=silk&type=product&lang=hi");
    const cookie = switched.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^odop_lang=hi;.*Max-Age=31536000/);
    // Remembered: an address without ?lang= now opens in Hindi (by the Hindi address, so caches stay right).
    const home = await app.request("/districts/187", { headers: { Cookie: "odop_lang=hi" } });
    expect(home.status).toBe(302);
    expect(home.headers.get("location")).toBe("/districts/187?lang=hi");
    // ?lang= in the address still wins, and switching back to English is remembered too.
    expect((await app.request("/?lang=en", { headers: { Cookie: "odop_lang=hi" } })).status).toBe(200);
    const back = await app.request("/language?to=en&next=%2Fproducers%3Fstate%3D9%26lang%3Dhi");
    expect(back.headers.get("location")).toBe("/producers?state=9");
    expect(back.headers.get("set-cookie")).toMatch(/^odop_lang=en;/);
  });

  it("follows the browser's language on a first visit, and never a choice made with the switch", async () => {
    const hindi = await app.request("/sectors", {
      headers: { "Accept-Language": "hi-IN,hi;q=0.9,en;q=0.8" },
    });
    expect(hindi.status).toBe(302);
    expect(hindi.headers.get("location")).toBe("/sectors?lang=hi");
    const english = await app.request("/sectors", {
      headers: { "Accept-Language": "en-IN,en;q=0.9,hi;q=0.8" },
    });
    expect(english.status).toBe(200);
    const chosen = await app.request("/sectors", {
      headers: { "Accept-Language": "hi-IN,hi", Cookie: "odop_lang=en" },
    });
    expect(chosen.status).toBe(200);
    // The API and files never redirect.
    expect((await app.request("/api/v1/stats", { headers: { "Accept-Language": "hi" } })).status).toBe(200);
  });

  it("never sends the switch to another site, and keeps a fragment last", async () => {
    const away = await app.request("/language?to=hi&next=https%3A%2F%2Fevil.example%2F");
    expect(away.headers.get("location")).toBe("/?lang=hi");
    const slashes = await app.request("/language?to=en&next=%2F%2Fevil.example");
    expect(slashes.headers.get("location")).toBe("/");
    expect(hrefIn("/districts#not-drawn", "hi")).toBe("/districts?lang=hi#not-drawn");
    expect(hrefIn("/districts#not-drawn", "en")).toBe("/districts#not-drawn");
  });
});
