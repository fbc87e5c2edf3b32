import { formatIndiaTime } from "../../../platform/india-time";
import type { Lang } from "../../../web/i18n";
import { type PdfBlock, renderPdf } from "../../../web/pdf";
import { meetingText } from "../meeting-messages";
import { committeeText } from "../messages";
import type { MeetingRecord } from "../queries/meetings";
import { attendeeLine, whereOf } from "./meeting-view";

/** Published minutes as a printable PDF in the reader's language: the same content as the meeting's page. */
export function minutesPdf(r: MeetingRecord, lang: Lang): Promise<Buffer> {
  const mt = meetingText(lang);
  const _ct = committeeText(lang);
  const name = lang === "hi" ? r.committee.nameHi : r.committee.nameEn;
  const when = formatIndiaTime(r.meeting.startsAt, lang);
  const number = new Map(r.decisions.map((d, i) => [d.id, i + 1]));
  const decisionLine = (d: MeetingRecord["decisions"][number]) =>
    [
      `${mt("decisionNo", { n: number.get(d.id) ?? 0 })}. ${d.text}`,
      d.owner ? `${mt("owner")}: ${d.owner}` : "",
      d.dueDate ? `${mt("due")}: ${d.dueDate}` : "",
    ]
      .filter(Boolean)
      .join(" — ");
  const blocks: PdfBlock[] = [
    { kind: "title", text: `${mt("minutes")}: ${name}` },
    { kind: "paragraph", text: `${mt("when")}: ${when}` },
    { kind: "paragraph", text: `${mt("where")}: ${whereOf(r.meeting, lang)}` },
    { kind: "heading", text: mt("attendance") },
    {
      kind: "list",
      items: r.present.map((p) => attendeeLine(p, lang)),
    },
    { kind: "heading", text: mt("agenda") },
    { kind: "list", items: r.agenda.map((a) => a.title) },
    ...r.agenda.flatMap((a): PdfBlock[] => [
      { kind: "heading", text: `${a.position}. ${a.title}` },
      ...(a.minutes ?? "")
        .split(/\n+/)
        .filter(Boolean)
        .map((text): PdfBlock => ({ kind: "paragraph", text })),
      ...r.decisions
        .filter((d) => d.agendaItemId === a.id)
        .map((d): PdfBlock => ({ kind: "paragraph", text: decisionLine(d) })),
    ]),
    { kind: "heading", text: mt("decisions") },
    ...(r.decisions.length
      ? r.decisions.map((d): PdfBlock => ({ kind: "paragraph", text: decisionLine(d) }))
      : [{ kind: "paragraph" as const, text: mt("noDecisions") }]),
    ...(r.meeting.minutesPublishedAt
      ? [
          {
            kind: "small" as const,
            text: mt("publishedOn", { date: formatIndiaTime(r.meeting.minutesPublishedAt, lang, false) }),
          },
        ]
      : []),
  ];
  return renderPdf({
    title: `${mt("minutes")}: ${name}, ${when}`,
    lang,
    blocks,
    footer: mt("minutesFooter", { name, when: formatIndiaTime(r.meeting.startsAt, lang, false) }),
  });
}
