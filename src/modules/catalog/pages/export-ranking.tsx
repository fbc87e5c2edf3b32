import type { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { TableScroll } from "../../../web/data-table";
import { formatDollars, formatNumber, formatRupees } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Pager, pageHref, pageNumber } from "../../../web/pager";
import * as geo from "../../geo";
import { exportSectorName } from "../export-sectors";
import { exportRanking, exportSectorsPresent, rankingPageSize } from "../queries";
import { positiveInt } from "./shared";

/** Districts ranked by exports, nationally or within a State, in all sectors or one (DGCI&S, FY 2024-25). */
export function exportRankingPage(app: Hono, db: Db): void {
  app.get("/exports", async (c) => {
    const ctx = contextOf(c);
    const { t, lang } = ctx;
    const stateParam = c.req.query("state");
    const sectorParam = c.req.query("sector");
    const [states, sectors] = await Promise.all([geo.listStates(db), exportSectorsPresent(db)]);
    const state = stateParam ? positiveInt(stateParam) : null;
    if (stateParam && !states.some((s) => s.lgdCode === state))
      throw new AppError("bad_request", "Unknown State", { field: "state" });
    if (sectorParam && !sectors.includes(sectorParam))
      throw new AppError("bad_request", "Unknown sector", { field: "sector" });
    const page = pageNumber(c.req.query("page"));
    const { rows, total, totalUsd } = await exportRanking(
      db,
      { stateLgdCode: state ?? undefined, sector: sectorParam || undefined },
      page,
    );
    const districts = new Map(
      (
        await geo.getDistricts(
          db,
          rows.map((r) => r.districtLgdCode),
        )
      ).map((d) => [d.lgdCode, d]),
    );
    const stateName = new Map(states.map((s) => [s.lgdCode, nameIn(lang, s.nameEn, s.nameHi)]));
    const where = state ? (stateName.get(state) as string) : t("rankingIndia");
    const what = sectorParam ? exportSectorName(sectorParam, lang) : t("rankingAllSectors");
    const title = t("rankingTitle");
    return c.html(
      <Layout
        ctx={ctx}
        title={title}
        description={t("rankingIntro")}
        crumbs={[{ href: "/", label: t("home") }]}
      >
        <h1>{title}</h1>
        <p>{t("rankingIntro")}</p>
        <form method="get" action="/exports" class="filters">
          {lang === "hi" && <input type="hidden" name="lang" value="hi" />}
          <label>
            {t("state")}
            <select name="state">
              <option value="">{t("rankingIndia")}</option>
              {states.map((s) => (
                <option value={String(s.lgdCode)} selected={s.lgdCode === state}>
                  {stateName.get(s.lgdCode)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("exportSector")}
            <select name="sector">
              <option value="">{t("rankingAllSectors")}</option>
              {sectors.map((code) => (
                <option value={code} selected={code === sectorParam}>
                  {exportSectorName(code, lang)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("rankingShow")}</button>
        </form>
        <h2 id="ranking">{t("rankingOf", { where, what })}</h2>
        {total === 0 ? (
          <p>{t("rankingEmpty")}</p>
        ) : (
          <>
            <p role="status">
              {t("rankingCount", { n: formatNumber(total), total: formatDollars(totalUsd, lang) })}
            </p>
            <TableScroll label={t("rankingOf", { where, what })}>
              <table aria-labelledby="ranking">
                <thead>
                  <tr>
                    <th scope="col" class="num">
                      {t("rankingRank")}
                    </th>
                    <th scope="col">{t("district")}</th>
                    {!state && <th scope="col">{t("state")}</th>}
                    <th scope="col" class="num">
                      {t("exportUsd")}
                    </th>
                    <th scope="col" class="num">
                      {t("exportInr")}
                    </th>
                    <th scope="col" class="num">
                      {t("rankingShare")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const d = districts.get(r.districtLgdCode);
                    return (
                      <tr>
                        <td class="num">{r.rank}</td>
                        <th scope="row">
                          <a href={hrefIn(`/districts/${r.districtLgdCode}`, lang)}>
                            {d ? nameIn(lang, d.nameEn, d.nameHi) : r.districtLgdCode}
                          </a>
                        </th>
                        {!state && <td>{stateName.get(r.stateLgdCode) ?? "—"}</td>}
                        <td class="num">{formatDollars(r.usd, lang)}</td>
                        <td class="num">{formatRupees(r.inr, lang)}</td>
                        <td class="num">{formatNumber(r.share * 100, 1)}%</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
            <Pager
              t={t}
              page={page}
              pages={Math.max(1, Math.ceil(total / rankingPageSize))}
              href={pageHref("/exports", c.req.query())}
            />
          </>
        )}
        <p class="muted small">{t("rankingSource")}</p>
      </Layout>,
    );
  });
}
