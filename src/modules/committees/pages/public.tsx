import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { DataTable } from "../../../web/data-table";
import type { Lang } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { getDistrict, getState } from "../../geo";
import { committeeText } from "../messages";
import { committeeOf, type MemberRow, membersOf } from "../queries";

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

export const committeeTitle = (c: { nameEn: string; nameHi: string }, lang: Lang) =>
  lang === "hi" ? c.nameHi : c.nameEn;

/** The public pages of a district's DEPC and a State's SEPC: who sits on it, and who did. */
export function committeePublicPages(app: Hono, db: Db): void {
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
          </>
        )}
      </Layout>,
    );
  };
  app.get("/districts/:code{[0-9]{1,6}}/committee", (c) => page(c, "depc"));
  app.get("/states/:code{[0-9]{1,6}}/committee", (c) => page(c, "sepc"));
}
