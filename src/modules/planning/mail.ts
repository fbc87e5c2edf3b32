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

export type BottleneckMailKind = "escalated" | "raised" | "sentBack" | "returned" | "resolved" | "dueSoon";

const bottleneckWords = {
  en: {
    escalated: {
      subject: "{n} bottleneck(s) overdue, now in your State's queue",
      body: "These bottlenecks of district export action plans are past their due dates and rose to your State's queue. Resolve each, send it back to the district with a new date, or raise it to the national queue.",
    },
    raised: {
      subject: "A bottleneck raised to the national queue",
      body: "A State raised this bottleneck of a district export action plan to the national queue. Resolve it or return it to the State.",
    },
    sentBack: {
      subject: "A bottleneck sent back to your district",
      body: "Your State sent this bottleneck back to the district, with a new due date.",
    },
    returned: {
      subject: "A bottleneck returned to your State's queue",
      body: "The national administration returned this bottleneck to your State's queue.",
    },
    resolved: {
      subject: "A bottleneck was resolved",
      body: "This bottleneck of your district's export action plan is resolved.",
    },
    dueSoon: {
      subject: "{n} bottleneck(s) due within a week",
      body: "These bottlenecks of your district's export action plan are due soon. Past their dates they rise to the State's queue by themselves.",
    },
    reason: "Reason",
    open: "Open",
    more: "And {n} more in the queue:",
  },
  hi: {
    escalated: {
      subject: "{n} अड़चन(नें) समय सीमा पार, अब आपके राज्य की कतार में",
      body: "ज़िला निर्यात कार्य योजनाओं की ये अड़चनें अपनी नियत तारीख़ पार कर चुकी हैं और आपके राज्य की कतार में आ गई हैं। हर एक को सुलझाएँ, नई तारीख़ के साथ ज़िले को लौटाएँ, या राष्ट्रीय कतार में भेजें।",
    },
    raised: {
      subject: "एक अड़चन राष्ट्रीय कतार में भेजी गई",
      body: "एक राज्य ने ज़िला निर्यात कार्य योजना की यह अड़चन राष्ट्रीय कतार में भेजी है। इसे सुलझाएँ या राज्य को लौटाएँ।",
    },
    sentBack: {
      subject: "एक अड़चन आपके ज़िले को लौटाई गई",
      body: "आपके राज्य ने यह अड़चन नई नियत तारीख़ के साथ ज़िले को लौटाई है।",
    },
    returned: {
      subject: "एक अड़चन आपके राज्य की कतार में लौटाई गई",
      body: "राष्ट्रीय प्रशासन ने यह अड़चन आपके राज्य की कतार में लौटाई है।",
    },
    resolved: {
      subject: "एक अड़चन सुलझ गई",
      body: "आपके ज़िले की निर्यात कार्य योजना की यह अड़चन सुलझ गई है।",
    },
    dueSoon: {
      subject: "{n} अड़चन(नें) एक सप्ताह में नियत",
      body: "आपके ज़िले की निर्यात कार्य योजना की ये अड़चनें जल्द नियत हैं। तारीख़ पार होने पर वे अपने आप राज्य की कतार में चली जाती हैं।",
    },
    reason: "कारण",
    open: "खोलें",
    more: "और {n} कतार में:",
  },
} as const;

/** Bottlenecks told to one person in that person's language: one mail for a move, one digest for a pass. */
export function bottleneckMail(
  lang: Lang,
  kind: BottleneckMailKind,
  p: {
    to: string;
    items: { id: number; district: { en: string; hi: string }; description: string; dueDate: string }[];
    note?: string;
    origin: string;
  },
): Mail {
  const w = bottleneckWords[lang];
  const q = lang === "hi" ? "?lang=hi" : "";
  // A pass over a whole State can move hundreds: the mail lists the first 50 and sends to the queue for the rest.
  const lines = p.items
    .slice(0, 50)
    .map(
      (b) =>
        `- ${b.district[lang]}: ${b.description.slice(0, 160)} (${b.dueDate})\n  ${w.open}: ${p.origin}/bottlenecks/${b.id}${q}`,
    );
  return {
    to: p.to,
    subject: `ODOP Hub: ${w[kind].subject.replace("{n}", String(p.items.length))}`,
    body: `${[
      w[kind].body,
      p.note ? `${w.reason}: ${p.note}` : "",
      lines.join("\n"),
      p.items.length > 50
        ? `${w.more.replace("{n}", String(p.items.length - 50))} ${p.origin}/escalations${q}`
        : "",
    ]
      .filter(Boolean)
      .join("\n\n")}\n`,
  };
}
