import { meetingInvite } from "../../platform/ical";
import { formatIndiaTime } from "../../platform/india-time";
import type { Mail } from "../../platform/outbox";
import type { Lang } from "../../web/i18n";

export type NoticeKind = "notice" | "update" | "cancellation";

/** A meeting as its notice tells it. */
export type MeetingNotice = {
  id: number;
  committee: { en: string; hi: string };
  startsAt: Date;
  durationMinutes: number;
  venue: string | null;
  videoLink: string | null;
  agenda: string[];
  sequence: number;
  cancelReason: string | null;
};

const words = {
  en: {
    notice: "Meeting of {c}: {when}",
    update: "Changed: meeting of {c}, now {when}",
    cancellation: "Cancelled: meeting of {c} on {when}",
    intro: {
      notice: "You are invited, as a member, to the meeting below.",
      update: "The meeting below has changed. Your calendar is updated by the attached invitation.",
      cancellation: "The meeting below is cancelled.",
    },
    when: "When",
    minutes: "{n} minutes",
    venue: "Venue",
    video: "Video link",
    agenda: "Agenda",
    reason: "Reason",
    page: "The meeting's page",
    why: "You receive this because you are a member of the committee on ODOP Hub.",
    minutesSubject: "Minutes published: meeting of {c} on {when}",
    minutesBody: "The minutes and decisions of the meeting below are published, and public from now on.",
  },
  hi: {
    notice: "{c} की बैठक: {when}",
    update: "बदलाव: {c} की बैठक, अब {when}",
    cancellation: "रद्द: {c} की बैठक, {when}",
    intro: {
      notice: "सदस्य के रूप में आपको नीचे दी गई बैठक में आमंत्रित किया जाता है।",
      update: "नीचे दी गई बैठक बदली है। संलग्न आमंत्रण से आपका कैलेंडर अद्यतन हो जाएगा।",
      cancellation: "नीचे दी गई बैठक रद्द कर दी गई है।",
    },
    when: "कब",
    minutes: "{n} मिनट",
    venue: "स्थान",
    video: "वीडियो लिंक",
    agenda: "कार्यसूची",
    reason: "कारण",
    page: "बैठक का पृष्ठ",
    why: "आपको यह इसलिए मिला क्योंकि आप ओडीओपी हब पर समिति के सदस्य हैं।",
    minutesSubject: "कार्यवृत्त प्रकाशित: {c} की बैठक, {when}",
    minutesBody: "नीचे दी गई बैठक का कार्यवृत्त और निर्णय प्रकाशित हो गए हैं, और अब से सार्वजनिक हैं।",
  },
} as const;

const fill = (s: string, p: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? "");

const pageOf = (origin: string, id: number, lang: Lang) =>
  `${origin}/committee-meetings/${id}${lang === "hi" ? "?lang=hi" : ""}`;

/** Tells a member that a meeting's minutes are published, with the link to read or print them. */
export function minutesMail(
  lang: Lang,
  m: Pick<MeetingNotice, "id" | "committee" | "startsAt">,
  to: { email: string },
  ctx: { origin: string },
): Mail {
  const w = words[lang];
  const p = {
    c: lang === "hi" ? m.committee.hi : m.committee.en,
    when: formatIndiaTime(m.startsAt, lang, false),
  };
  return {
    to: to.email,
    subject: `ODOP Hub: ${fill(w.minutesSubject, p)}`,
    body: `${w.minutesBody}\n\n${p.c}\n${p.when}\n\n${w.page}: ${pageOf(ctx.origin, m.id, lang)}\n\n${w.why}\n`,
  };
}

/**
 * The notice of a meeting (or its change, or its cancellation) for one member, in the member's language, with the
 * meeting as an iCalendar invitation whose uid stays the same, so that the member's calendar keeps one event.
 */
export function meetingMail(
  lang: Lang,
  kind: NoticeKind,
  m: MeetingNotice,
  to: { email: string },
  ctx: { origin: string; organizer: string },
): Mail {
  const w = words[lang];
  const committee = lang === "hi" ? m.committee.hi : m.committee.en;
  const when = formatIndiaTime(m.startsAt, lang);
  const link = pageOf(ctx.origin, m.id, lang);
  const lines = [
    w.intro[kind],
    "",
    committee,
    `${w.when}: ${when} (${fill(w.minutes, { n: String(m.durationMinutes) })})`,
    ...(m.venue ? [`${w.venue}: ${m.venue}`] : []),
    ...(m.videoLink && kind !== "cancellation" ? [`${w.video}: ${m.videoLink}`] : []),
    ...(kind === "cancellation" && m.cancelReason ? [`${w.reason}: ${m.cancelReason}`] : []),
    "",
    `${w.agenda}:`,
    ...m.agenda.map((item, i) => `${i + 1}. ${item}`),
    "",
    `${w.page}: ${link}`,
    "",
    w.why,
  ];
  const ics = meetingInvite({
    uid: `committee-meeting-${m.id}@${new URL(ctx.origin).hostname}`,
    sequence: m.sequence,
    cancelled: kind === "cancellation",
    start: m.startsAt,
    end: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
    summary: fill(words[lang].notice, { c: committee, when: "" }).replace(/:\s*$/, ""),
    description: lines.slice(0, -2).join("\n"),
    location: [m.venue, m.videoLink].filter(Boolean).join(" · ") || null,
    url: link,
    organizer: { name: committee, email: ctx.organizer },
    attendee: to.email,
  });
  return {
    to: to.email,
    subject: `ODOP Hub: ${fill(w[kind], { c: committee, when })}`,
    body: `${lines.join("\n")}\n`,
    attachments: [
      {
        filename: "meeting.ics",
        contentType: `text/calendar; charset=utf-8; method=${kind === "cancellation" ? "CANCEL" : "REQUEST"}`,
        content: ics,
      },
    ],
  };
}
