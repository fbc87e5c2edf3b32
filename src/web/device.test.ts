import { describe, expect, it } from "vitest";
import { addressText, deviceText } from "./device";

describe("sessions as people read them", () => {
  it.each([
    [
      "Mozilla/5.0 (Linux; Android 13; SM-A515F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
      "en",
      "Chrome 120 on Android 13 (phone)",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      "hi",
      "Microsoft Edge 131 पर Windows 10 (कंप्यूटर)",
    ],
    [null, "en", "Unknown browser"],
  ] as const)("%s → %s", (ua, lang, text) => {
    expect(deviceText(ua, lang)).toBe(text);
  });

  it("shows addresses without the IPv6 wrapping, and names this computer", () => {
    expect(addressText("::ffff:127.0.0.1", "en")).toBe("127.0.0.1 (this computer)");
    expect(addressText("::ffff:203.0.113.9", "hi")).toBe("203.0.113.9");
    expect(addressText("2001:db8::1", "en")).toBe("2001:db8::1");
    expect(addressText(null, "en")).toBe("—");
  });
});
