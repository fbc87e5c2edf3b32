import { chromium } from "playwright-core";

/** Debian's Chromium, headless, with the flags this machine needs (no sandbox as root, no background traffic). */
export const chromiumPath = "/usr/bin/chromium";

export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
