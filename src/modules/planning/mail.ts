import type { Mail } from "../../platform/outbox";
import type { Lang } from "../../web/i18n";

/** "2026-27 to 2028-29": financial years as officers write them. */
export const fyRange = ([from, to]: [number, number]) =>
  `${from}-${String((from + 1) % 100).padStart(2, "0")} – ${to}-${String((to + 1) % 100).padStart(2, "0")}`;

const words = {
  en: {
    circulated: {
      subject: "Export action plan of {d} ({y}) circulated for your comments",
      body: "The district's draft export action plan is circulated to the members of its committee. Read it and comment on any section before it is presented for adoption.",
    },
    adopted: {
      subject: "Export action plan of {d} ({y}) adopted",
      body: "The district's committee adopted its export action plan. It is now public, and its implementation is reported on it.",
    },
    open: "Open the plan",
  },
  hi: {
    circulated: {
      subject: "{d} की निर्यात कार्य योजना ({y}) आपकी टिप्पणियों के लिए परिचालित",
      body: "ज़िले की मसौदा निर्यात कार्य योजना उसकी समिति के सदस्यों को परिचालित की गई है। इसे पढ़ें और अपनाए जाने के लिए प्रस्तुत होने से पहले किसी भी खंड पर टिप्पणी करें।",
    },
    adopted: {
      subject: "{d} की निर्यात कार्य योजना ({y}) अपनाई गई",
      body: "ज़िले की समिति ने उसकी निर्यात कार्य योजना अपना ली। अब यह सार्वजनिक है, और इसके कार्यान्वयन की प्रगति इसी पर दर्ज होती है।",
    },
    open: "योजना खोलें",
  },
} as const;

/** A step of a plan told to one person, in that person's language, with the link to the plan. */
export function planMail(
  lang: Lang,
  step: "circulated" | "adopted",
  p: {
    to: string;
    planId: number;
    district: { en: string; hi: string };
    years: [number, number];
    origin: string;
  },
): Mail {
  const w = words[lang];
  const fill = (s: string) => s.replace("{d}", p.district[lang]).replace("{y}", fyRange(p.years));
  return {
    to: p.to,
    subject: `ODOP Hub: ${fill(w[step].subject)}`,
    body: `${w[step].body}\n\n${w.open}: ${p.origin}/export-plans/${p.planId}${lang === "hi" ? "?lang=hi" : ""}\n`,
  };
}
