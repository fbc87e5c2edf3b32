import type { Mail } from "../../platform/outbox";
import type { Lang } from "../../web/i18n";

/** The decision on a producer's profile, told to its owner in the owner's language, with the officer's reason. */
export function decisionMail(
  lang: Lang,
  p: {
    to: string;
    producer: string;
    decision: "verified" | "rejected" | "returned";
    reason: string | null;
    link: string;
  },
): Mail {
  if (lang === "hi")
    return {
      to: p.to,
      subject: `ओडीओपी हब: ${p.producer} ${{ verified: "सत्यापित", rejected: "सत्यापित नहीं", returned: "— और जानकारी चाहिए" }[p.decision]}`,
      body: `${
        {
          verified: `ज़िला अधिकारी ने ${p.producer} को सत्यापित किया है। यह अब सार्वजनिक उत्पादक निर्देशिका में दिखता है।\n`,
          rejected: `ज़िला अधिकारी ने ${p.producer} को सत्यापित नहीं किया।\nकारण: ${p.reason ?? ""}\nप्रोफ़ाइल ठीक करके फिर भेजें।\n`,
          returned: `ज़िला अधिकारी को ${p.producer} के बारे में और जानकारी चाहिए:\n${p.reason ?? ""}\nप्रोफ़ाइल में जोड़कर फिर भेजें।\n`,
        }[p.decision]
      }\n${p.link}\n`,
    };
  return {
    to: p.to,
    subject: `ODOP Hub: ${p.producer} ${{ verified: "is verified", rejected: "was not verified", returned: "— more information needed" }[p.decision]}`,
    body: `${
      {
        verified: `The district officer has verified ${p.producer}. It now appears in the public producer directory.\n`,
        rejected: `The district officer did not verify ${p.producer}.\nReason: ${p.reason ?? ""}\nCorrect the profile and send it again.\n`,
        returned: `The district officer needs more information about ${p.producer}:\n${p.reason ?? ""}\nAdd it to the profile and send it again.\n`,
      }[p.decision]
    }\n${p.link}\n`,
  };
}
