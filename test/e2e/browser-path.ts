/** Debian's Chromium: the browser the end-to-end tests drive (installed by .ci/run). */
export const chromiumPath = "/usr/bin/chromium";
