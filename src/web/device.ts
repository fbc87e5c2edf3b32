import Bowser from "bowser";
import type { Lang } from "./i18n";

const unknown = { en: "Unknown browser", hi: "अज्ञात ब्राउज़र" } as const;
const kinds = {
  mobile: { en: "phone", hi: "फ़ोन" },
  tablet: { en: "tablet", hi: "टैबलेट" },
  desktop: { en: "computer", hi: "कंप्यूटर" },
} as const;

/** "Chrome 120 on Android 13 (phone)" from a User-Agent header, for people to recognise their own sessions. */
export function deviceText(userAgent: string | null, lang: Lang): string {
  if (!userAgent) return unknown[lang];
  const p = Bowser.parse(userAgent);
  const browser = [p.browser.name, p.browser.version?.split(".")[0]].filter(Boolean).join(" ");
  const os = [p.os.name, p.os.versionName ?? p.os.version?.split(".").slice(0, 2).join(".")]
    .filter(Boolean)
    .join(" ");
  const kind = kinds[p.platform.type as keyof typeof kinds]?.[lang];
  const on = lang === "hi" ? " पर " : " on ";
  const text = [browser || unknown[lang], os ? `${on}${os}` : ""].join("");
  return kind ? `${text} (${kind})` : text;
}

const loopback = { en: "this computer", hi: "यही कंप्यूटर" } as const;

/**
 * A network address as people read it: IPv4 without the IPv6 wrapping Node gives it ("::ffff:127.0.0.1" is
 * 127.0.0.1), and the machine itself named as such. (No location: there is no address-to-place data here.)
 */
export function addressText(ip: string | null, lang: Lang): string {
  if (!ip) return "—";
  const plain = ip.replace(/^::ffff:/, "");
  return plain === "127.0.0.1" || plain === "::1" ? `${plain} (${loopback[lang]})` : plain;
}
