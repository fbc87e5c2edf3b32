import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { formatIndiaTime } from "../../../platform/india-time";
import { DataTable } from "../../../web/data-table";
import type { Lang } from "../../../web/i18n";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { serveRenderedPdf } from "../../../web/rendered-pdf";
import { getDistrict, getState } from "../../geo";
import { minutesDocument } from "../documents";
import { meetingText } from "../meeting-messages";
import { committeeText } from "../messages";
import { meetingRecord, meetingsOf } from "../queries/meetings";
import { committeeOf, type MemberRow, membersOf } from "../queries/members";
import { type FollowUp, MeetingNotice, MeetingsTable, MinutesView } from "./meeting-view";

/** The members of a committee as a table: role, name (or "vacant"), designation, organisation, dates. */
export function MembersTable(props: {
  lang: Lang;
  rows: MemberRow[];
  label: string;
  past?: boolean;
  actions?: (m: MemberRow) => Child;
}) {
  const ct = committeeText(props.lang);
  return (
    <DataTable
      label={props.label}
      rows={props.rows}
      empty={ct("noMembers")}
      columns={[
        { label: ct("role"), cell: (m) => ct(`role_${m.role}`) },
        { label: ct("person"), cell: (m) => m.personName ?? <span class="muted">{ct("vacant")}</span> },
        { label: ct("designation"), cell: (m) => m.designation },
        { label: ct("organisation"), cell: (m) => m.organisation ?? "—" },
        { label: ct("since"), cell: (m) => m.fromDate },
        ...(props.past ? [{ label: ct("until"), cell: (m: MemberRow) => m.toDate ?? "" }] : []),
        ...(props.actions
          ? [{ label: ct("edit"), hiddenLabel: true, cell: (m: MemberRow) => props.actions?.(m) }]
          : []),
      ]}
    />
  );
}

/** The public page of a committee. */
export const committeeHref = (c: {
  kind: "depc" | "sepc";
  stateLgdCode: number;
  districtLgdCode: number | null;
}) =>
  c.kind === "depc" ? `/districts/${c.districtLgdCode}/committee` : `/states/${c.stateLgdCode}/committee`;

export const committeeTitle = (c: { nameEn: string; nameHi: string }, lang: Lang) =>
  lang === "hi" ? c.nameHi : c.nameEn;

/** The public pages of a district's DEPC and a State's SEPC: who sits on it, and who did. */
export function committeePublicPages(
  app: Hono,
  db: Db,
  opts: { followUps?: (decisionIds: number[], lang: Lang) => Promise<FollowUp[]> } = {},
): void {
  const page = async (c: Context, kind: "depc" | "sepc") => {
    const ctx = contextOf(c);
    const ct = committeeText(ctx.lang);
    const code = Number(c.req.param("code"));
    const place = kind === "depc" ? await getDistrict(db, code) : await getState(db, code);
    if (!place) throw new AppError("not_found", "No such place");
    const placeName = nameIn(ctx.lang, place.nameEn, place.nameHi);
    const committee =
      kind === "depc"
        ? await committeeOf(db, { kind, districtLgdCode: code })
        : await committeeOf(db, { kind, stateLgdCode: code });
    const members = committee ? await membersOf(db, committee.id) : { current: [], past: [] };
    const meetings = committee ? await meetingsOf(db, committee.id) : { upcoming: [], past: [] };
    const mt = meetingText(ctx.lang);
    const title = committee ? committeeTitle(committee, ctx.lang) : ct(kind);
    const back = kind === "depc" ? `/districts/${code}` : `/states/${code}`;
    return c.html(
      <Layout
        ctx={ctx}
        title={title}
        description={ct("committeeIntro")}
        crumbs={[
          { href: "/", label: ctx.t("home") },
          { href: back, label: placeName },
        ]}
      >
        <h1>{title}</h1>
        <p>
          {ct(kind)} · <a href={hrefIn(back, ctx.lang)}>{placeName}</a>
        </p>
        <p>{ct("committeeIntro")}</p>
        {!committee ? (
          <p>
            {ct("noCommittee", { place: placeName })} {ct("noCommitteeOfficer")}
          </p>
        ) : (
          <>
            <h2>{ct("currentMembers")}</h2>
            <MembersTable lang={ctx.lang} rows={members.current} label={ct("currentMembers")} />
            {members.past.length > 0 && (
              <>
                <h2>{ct("pastMembers")}</h2>
                <MembersTable lang={ctx.lang} rows={members.past} label={ct("pastMembers")} past />
              </>
            )}
            <h2>{mt("upcoming")}</h2>
            <MeetingsTable
              lang={ctx.lang}
              rows={meetings.upcoming}
              label={mt("upcoming")}
              empty={mt("noUpcoming")}
            />
            <h2>{mt("past")}</h2>
            <MeetingsTable lang={ctx.lang} rows={meetings.past} label={mt("past")} empty={mt("noPast")} />
          </>
        )}
      </Layout>,
    );
  };
  app.get("/committee-meetings/:id{[0-9]+}", async (c) => {
    const ctx = contextOf(c);
    const mt = meetingText(ctx.lang);
    const record = await meetingRecord(db, routeId(c));
    const { committee, meeting } = record;
    const name = committeeTitle(committee, ctx.lang);
    const when = formatIndiaTime(meeting.startsAt, ctx.lang, false);
    const title = `${mt("meetingOf", { name })}, ${when}`;
    const published = meeting.state === "minutes_published";
    return c.html(
      <Layout
        ctx={ctx}
        title={title}
        description={mt("meetingOf", { name })}
        crumbs={[
          { href: "/", label: ctx.t("home") },
          { href: committeeHref(committee), label: name },
        ]}
      >
        <h1>{title}</h1>
        <MeetingNotice lang={ctx.lang} record={record} />
        {published && (
          <>
            <p>
              <a href={hrefIn(`/committee-meetings/${meeting.id}/minutes.pdf`, ctx.lang)} download>
                {mt("pdf")}
              </a>
            </p>
            <MinutesView
              lang={ctx.lang}
              record={record}
              followUps={
                await opts.followUps?.(
                  record.decisions.map((d) => d.id),
                  ctx.lang,
                )
              }
            />
          </>
        )}
      </Layout>,
    );
  });
  // Published minutes in print: the same record as the page, in the reader's language, fonts embedded.
  app.get("/committee-meetings/:id{[0-9]+}/minutes.pdf", async (c) => {
    const record = await meetingRecord(db, routeId(c));
    if (record.meeting.state !== "minutes_published") throw new AppError("not_found", "No published minutes");
    return serveRenderedPdf(c, db, {
      ...minutesDocument(record.meeting),
      fileName: `minutes-${record.meeting.id}`,
    });
  });
  app.get("/districts/:code{[0-9]{1,6}}/committee", (c) => page(c, "depc"));
  app.get("/states/:code{[0-9]{1,6}}/committee", (c) => page(c, "sepc"));
}
