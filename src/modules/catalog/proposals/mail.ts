import type { Mail } from "../../../platform/outbox";
import type { Lang } from "../../../web/i18n";

export type ProposalEvent = "submitted" | "forwarded" | "returned" | "accepted" | "published" | "withdrawn";

const words = {
  en: {
    subject: {
      submitted: "Proposal {n} from {d} waits for the State",
      forwarded: "Proposal {n} from {d} waits for the national administrator",
      returned: "Proposal {n} for {d} is returned to the district",
      accepted: "Proposal {n} for {d} is accepted into the draft list",
      published: "Proposal {n} for {d} is published in the national list",
      withdrawn: "Proposal {n} from {d} is withdrawn",
    },
    body: {
      submitted:
        "The district proposes a change to its ODOP products. Forward it to the nation, or return it with your reasons.",
      forwarded:
        "The State forwards this proposal. Accept it into the draft revision of the national list, or return it with your reasons.",
      returned: "The proposal is returned to the district, with these reasons:",
      accepted:
        "The national administrator accepted the proposal into the draft revision. It is public once the revision is published.",
      published: "The revision that includes the proposal is published: the national list now shows it.",
      withdrawn: "The district withdrew its proposal: nothing more waits for you.",
    },
    open: "Open the proposal",
    product: "Product",
  },
  hi: {
    subject: {
      submitted: "{d} का प्रस्ताव {n} राज्य की प्रतीक्षा में है",
      forwarded: "{d} का प्रस्ताव {n} राष्ट्रीय प्रशासक की प्रतीक्षा में है",
      returned: "{d} का प्रस्ताव {n} ज़िले को लौटाया गया",
      accepted: "{d} का प्रस्ताव {n} मसौदा सूची में स्वीकार हुआ",
      published: "{d} का प्रस्ताव {n} राष्ट्रीय सूची में प्रकाशित हुआ",
      withdrawn: "{d} का प्रस्ताव {n} वापस लिया गया",
    },
    body: {
      submitted: "ज़िला अपने ओडीओपी उत्पादों में बदलाव का प्रस्ताव करता है। इसे राष्ट्र को आगे भेजें, या कारण सहित लौटाएँ।",
      forwarded: "राज्य यह प्रस्ताव आगे भेजता है। इसे राष्ट्रीय सूची के मसौदा संशोधन में स्वीकार करें, या कारण सहित लौटाएँ।",
      returned: "प्रस्ताव ज़िले को इन कारणों से लौटाया गया है:",
      accepted:
        "राष्ट्रीय प्रशासक ने प्रस्ताव को मसौदा संशोधन में स्वीकार किया। संशोधन प्रकाशित होने पर यह सार्वजनिक होगा।",
      published: "जिस संशोधन में प्रस्ताव है, वह प्रकाशित हो गया: राष्ट्रीय सूची अब इसे दिखाती है।",
      withdrawn: "ज़िले ने अपना प्रस्ताव वापस ले लिया: अब आपके लिए कुछ बाकी नहीं है।",
    },
    open: "प्रस्ताव खोलें",
    product: "उत्पाद",
  },
} as const;

/** What a step of a proposal tells the person it concerns, in that person's language, with the link to it. */
export function proposalMail(
  lang: Lang,
  event: ProposalEvent,
  p: {
    to: string;
    id: number;
    product: string;
    district: { en: string; hi: string } | null;
    reason: string | null;
    origin: string;
  },
): Mail {
  const w = words[lang];
  const d = p.district ? p.district[lang] : "";
  const fill = (s: string) => s.replace("{n}", String(p.id)).replace("{d}", d);
  const link = `${p.origin}/proposals/${p.id}${lang === "hi" ? "?lang=hi" : ""}`;
  return {
    to: p.to,
    subject: `ODOP Hub: ${fill(w.subject[event])}`,
    body: [
      w.body[event],
      ...(event === "returned" && p.reason ? ["", p.reason] : []),
      "",
      `${w.product}: ${p.product}`,
      "",
      `${w.open}: ${link}`,
      "",
    ].join("\n"),
  };
}
