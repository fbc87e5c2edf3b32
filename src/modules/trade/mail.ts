import type { Mail } from "../../platform/outbox";
import type { Lang } from "../../web/i18n";

/** An officer hid a listing (with the reason) or showed it again: told to its producer in the producer's language. */
export function moderationMail(
  lang: Lang,
  p: { to: string; title: string; step: "hide" | "restore"; reason: string | null; link: string },
): Mail {
  if (lang === "hi")
    return {
      to: p.to,
      subject:
        p.step === "hide"
          ? `ओडीओपी हब: आपकी लिस्टिंग "${p.title}" छिपाई गई`
          : `ओडीओपी हब: आपकी लिस्टिंग "${p.title}" फिर से दिख रही है`,
      body:
        p.step === "hide"
          ? `एक अधिकारी ने बाज़ार से आपकी लिस्टिंग "${p.title}" छिपा दी है।\nकारण: ${p.reason ?? ""}\nलिस्टिंग ठीक करें; अधिकारी उसे फिर से दिखा सकते हैं।\n\n${p.link}\n`
          : `एक अधिकारी ने आपकी लिस्टिंग "${p.title}" को बाज़ार में फिर से दिखाया है।\n\n${p.link}\n`,
    };
  return {
    to: p.to,
    subject:
      p.step === "hide"
        ? `ODOP Hub: your listing "${p.title}" was hidden`
        : `ODOP Hub: your listing "${p.title}" is shown again`,
    body:
      p.step === "hide"
        ? `An officer has hidden your listing "${p.title}" from the bazaar.\nReason: ${p.reason ?? ""}\nCorrect the listing; an officer can show it again.\n\n${p.link}\n`
        : `An officer has shown your listing "${p.title}" in the bazaar again.\n\n${p.link}\n`,
  };
}
