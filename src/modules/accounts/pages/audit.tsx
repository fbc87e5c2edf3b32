import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { csvStream } from "../../../platform/file-writers";
import { ChangeTable } from "../../../web/change-table";
import { DataTable } from "../../../web/data-table";
import { formatNumber } from "../../../web/i18n";
import { contextOf, Layout, nameIn } from "../../../web/layout";
import { Pager, pageHref } from "../../../web/pager";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { listStates } from "../../geo";
import { type AuditTexts, actionText, entityNames } from "../audit-texts";
import { accountText } from "../messages";
import { placeScope, requireActor } from "../policy";
import { auditActions, auditPageSize, auditRows, listAudit } from "../queries/audit";
import { auditFilters } from "../schemas";
import type { AppEnv } from "../web";
import { formatWhen, placeNames, roleName } from "./shared";

const csvColumns = [
  "id",
  "at",
  "actorEmail",
  "role",
  "action",
  "entityType",
  "entityId",
  "stateLgdCode",
  "districtLgdCode",
  "before",
  "after",
  "requestId",
  "ip",
];

/** The audit log for those who may read it (policy decides, the query filters in SQL), with filters and a CSV. */
export function auditPages(app: PersonalRoutes<AppEnv>, db: Db, texts: AuditTexts) {
  const parse = (query: Record<string, string>) => {
    const parsed = auditFilters.safeParse(
      Object.fromEntries(Object.entries(query).filter(([, v]) => v !== "")),
    );
    if (!parsed.success) throw new AppError("bad_request", "Invalid filter");
    return parsed.data;
  };

  app.get("/audit.csv", async (c) => {
    const actor = requireActor(c.get("actor"));
    const { page: _page, ...filters } = parse(c.req.query());
    const rows = auditRows(db, actor, filters);
    const first = await rows.next(); // the scope check runs here, before any header is sent
    async function* all() {
      if (first.done) return;
      yield first.value;
      yield* rows;
    }
    return c.body(csvStream(csvColumns, all()), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="odop-hub-audit-log.csv"',
    });
  });

  app.get("/audit", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    const filters = parse(c.req.query());
    const [{ rows, total }, actions, states] = await Promise.all([
      listAudit(db, actor, filters),
      auditActions(db),
      listStates(db),
    ]);
    const place = await placeNames(db, ctx.lang, rows as never);
    const scope = placeScope(actor, ["national_admin", "state_officer"]);
    const pages = Math.max(1, Math.ceil(total / auditPageSize));
    const query = new URLSearchParams(
      Object.entries(c.req.query()).filter(([k, v]) => k !== "page" && v !== "") as [string, string][],
    );
    const v = c.req.query();
    return c.html(
      <Layout ctx={ctx} title={at("auditTitle")} description={at("auditTitle")}>
        <h1>{at("auditTitle")}</h1>
        <p>{at("auditIntro", { scope: scope.all ? at("auditScopeAll") : at("auditScopeState") })}</p>
        <form method="get" action="/audit" class="filters">
          {ctx.lang === "hi" && <input type="hidden" name="lang" value="hi" />}
          <label>
            {at("auditAction")}
            <select name="action">
              <option value="">—</option>
              {actions.map((a) => (
                <option value={a} selected={a === v.action}>
                  {actionText(texts, a, ctx.lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {at("auditActor")}
            <input name="actor" value={v.actor ?? ""} maxlength={254} />
          </label>
          {scope.all && (
            <label>
              {at("inviteState")}
              <select name="stateLgdCode">
                <option value="">—</option>
                {states.map((s) => (
                  <option value={String(s.lgdCode)} selected={String(s.lgdCode) === v.stateLgdCode}>
                    {nameIn(ctx.lang, s.nameEn, s.nameHi)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {at("auditFrom")}
            <input type="date" name="from" value={v.from ?? ""} />
          </label>
          <label>
            {at("auditTo")}
            <input type="date" name="to" value={v.to ?? ""} />
          </label>
          <button type="submit">{at("auditFilter")}</button>
        </form>
        <p>
          {at("auditCount", { n: formatNumber(total) })} ·{" "}
          <a href={`/audit.csv?${query}`} download>
            {at("auditCsv")}
          </a>
        </p>
        <DataTable
          label={at("auditTitle")}
          class="audit"
          rows={rows}
          empty={at("auditEmpty")}
          columns={[
            { label: at("auditWhen"), cell: (r) => formatWhen(r.at, ctx.lang) },
            { label: at("auditWho"), cell: (r) => r.actorEmail ?? "—" },
            { label: at("auditRole"), cell: (r) => (r.role ? roleName(ctx.lang, r.role) : "—") },
            { label: at("auditAction"), cell: (r) => actionText(texts, r.action, ctx.lang) },
            {
              label: at("auditEntity"),
              cell: (r) => `${entityNames[r.entityType]?.[ctx.lang] ?? r.entityType} ${r.entityId}`,
            },
            { label: at("auditPlace"), cell: (r) => (r.stateLgdCode ? place(r) : "—") },
            {
              label: at("auditChange"),
              cell: (r) => <ChangeTable before={r.before} after={r.after} lang={ctx.lang} />,
            },
          ]}
        />
        <Pager t={ctx.t} page={filters.page} pages={pages} href={pageHref("/audit", c.req.query())} />
      </Layout>,
    );
  });
}
