import type { Mail } from "../../platform/outbox";
import type { Lang } from "../../web/i18n";

/** The decision on a producer's profile, told to its owner in the owner's language, with the officer's reason. */
export function decisionMail(
  lang: Lang,
  p: { to: string; producer: string; decision: "verified" | "rejected"; reason: string | null; link: string },
): Mail {
  if (lang === "hi")
    return {
      to: p.to,
      subject: `ओडीओपी हब: ${p.producer} ${p.decision === "verified" ? "सत्यापित" : "सत्यापित नहीं"}`,
      body:
        (p.decision === "verified"
          ? `ज़िला अधिकारी ने ${p.producer} को सत्यापित किया है। यह अब सार्वजनिक उत्पादक निर्देशिका में दिखता है।\n`
          : `ज़िला अधिकारी ने ${p.producer} को सत्यापित नहीं किया।\nकारण: ${p.reason ?? ""}\nप्रोफ़ाइल ठीक करके फिर भेजें।\n`) +
        `\n${p.link}\n`,
    };
  return {
    to: p.to,
    subject: `ODOP Hub: ${p.producer} ${p.decision === "verified" ? "is verified" : "was not verified"}`,
    body:
      (p.decision === "verified"
        ? `The district officer has verified ${p.producer}. It now appears in the public producer directory.\n`
        : `The district officer did not verify ${p.producer}.\nReason: ${p.reason ?? ""}\nCorrect the profile and send it again.\n`) +
      `\n${p.link}\n`,
  };
}
