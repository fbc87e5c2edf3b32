import type { Context, Hono } from "hono";
import { z } from "zod";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { ConfirmPage } from "../../../web/confirm-page";
import { csrfToken } from "../../../web/csrf";
import { TableScroll } from "../../../web/data-table";
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  PostForm,
  parseForm,
  TextField,
} from "../../../web/forms";
import { formatNumber, formatRupees, type Lang } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, Name, nameIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import { Pager, pageHref, pageNumber } from "../../../web/pager";
import type { PersonalRoutes } from "../../../web/personal-routes";
import {
  type AccountAction,
  type Actor,
  type AppEnv,
  formatWhen,
  grantFor,
  requireActor,
} from "../../accounts";
import * as geo from "../../geo";
import { publishRanking, setRankingWeights } from "../commands/ranking";
import { type InsightText, insightText } from "../messages";
import { fyLabel, fyOf } from "../periods";
import { currentWeights, publishedYears, type Ranking, rankingOf } from "../queries/ranking";
import { type IndicatorId, indicators, type RankedDistrict, type Weights } from "../ranking";

const pageSize = 100;
const mayManage = (actor: Actor | null) => grantFor(actor, ["national_admin"]) !== undefined;

/** An indicator's value in its own unit: rupees for exports, per cent for shares, a count otherwise. */
function indicatorValue(id: IndicatorId, value: number, lang: Lang): string {
  if (id === "exports") return formatRupees(value, lang);
  if (id === "plan_adopted" || id === "actions_on_time" || id === "bottlenecks_resolved")
    return `${formatNumber(value, 1)} %`;
  return formatNumber(value);
}

function RankingStatus(props: { tx: InsightText; lang: Lang; ranking: Ranking }) {
  const { tx, lang, ranking } = props;
  return ranking.status === "published" ? (
    <p class="note">
      {tx("publishedOn", {
        when: formatWhen(ranking.snapshot.publishedAt, lang),
        asOf: formatWhen(ranking.snapshot.figuresAsOf, lang),
      })}
    </p>
  ) : (
    <p class="note">{tx("provisional", { when: formatWhen(ranking.asOf, lang) })}</p>
  );
}

function RankingTable(props: {
  lang: Lang;
  tx: InsightText;
  rows: RankedDistrict[];
  withinState: boolean;
  names: Map<number, { en: string; hi: string | null }>;
  stateNames: Map<number, { en: string; hi: string | null }>;
  ctx: ReturnType<typeof contextOf>;
  caption: string;
}) {
  const { lang, tx, ctx } = props;
  return (
    <TableScroll label={props.caption}>
      <table>
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {props.withinState ? tx("rankInState") : tx("rank")}
            </th>
            <th scope="col">{tx("district")}</th>
            {!props.withinState && <th scope="col">{tx("state")}</th>}
            <th scope="col" class="num">
              {tx("score")}
            </th>
            {indicators.map((i) => (
              <th scope="col" class="num">
                {i[lang].name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td class="num">{props.withinState ? r.stateRank : r.nationalRank}</td>
              <th scope="row">
                <a href={hrefIn(`/districts/${r.district}/dashboard`, lang)}>
                  <Name
                    ctx={ctx}
                    en={props.names.get(r.district)?.en ?? ""}
                    hi={props.names.get(r.district)?.hi ?? null}
                  />
                </a>
              </th>
              {!props.withinState && (
                <td>
                  <Name
                    ctx={ctx}
                    en={props.stateNames.get(r.state)?.en ?? ""}
                    hi={props.stateNames.get(r.state)?.hi ?? null}
                  />
                </td>
              )}
              <td class="num">
                <strong>{formatNumber(r.score, 2)}</strong>
              </td>
              {indicators.map((i) => (
                <td class="num">
                  {indicatorValue(i.id, r.indicators[i.id].value, lang)}
                  <br />
                  <span class="muted small">{formatNumber(r.indicators[i.id].score, 1)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** /ranking, /ranking/{year}, /ranking/method: public. */
export function rankingPages(app: Hono, db: Db): void {
  app.get("/ranking", async (c) => {
    const ctx = contextOf(c);
    const { lang } = ctx;
    const tx = insightText(lang);
    const published = await publishedYears(db);
    const current = fyOf(new Date());
    const years = [...new Set([current, ...published.map((p) => p.year)])].sort((a, b) => b - a);
    return c.html(
      <Layout ctx={ctx} title={tx("ranking")} description={tx("rankingIntro")}>
        <h1>{tx("ranking")}</h1>
        <p>{tx("rankingIntro")}</p>
        <p>
          <a href={hrefIn("/ranking/method", lang)}>{tx("method")}</a>
        </p>
        <h2 id="years">{tx("years")}</h2>
        <TableScroll label={tx("years")}>
          <table aria-labelledby="years">
            <thead>
              <tr>
                <th scope="col">{tx("year")}</th>
                <th scope="col">{tx("status")}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => {
                const p = published.find((x) => x.year === y);
                return (
                  <tr>
                    <th scope="row">
                      <a href={hrefIn(`/ranking/${y}`, lang)}>{fyLabel(y)}</a>
                    </th>
                    <td>
                      {p
                        ? `${tx("statusPublished")} (${formatWhen(p.publishedAt, lang)})`
                        : tx("statusProvisional")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </Layout>,
    );
  });

  app.get("/ranking/method", async (c) => {
    const ctx = contextOf(c);
    const { lang } = ctx;
    const tx = insightText(lang);
    const [{ weights }, published] = [await currentWeights(db), await publishedYears(db)];
    return c.html(
      <Layout
        ctx={ctx}
        title={tx("method")}
        description={tx("methodIntro")}
        crumbs={[{ href: hrefIn("/ranking", lang), label: tx("ranking") }]}
      >
        <h1>{tx("method")}</h1>
        <p>{tx("methodIntro")}</p>
        <TableScroll label={tx("method")}>
          <table>
            <caption class="sr-only">{tx("method")}</caption>
            <thead>
              <tr>
                <th scope="col">{tx("indicator")}</th>
                <th scope="col">{tx("whatItIs")}</th>
                <th scope="col">{tx("source")}</th>
                <th scope="col">{tx("scaleCol")}</th>
                <th scope="col" class="num">
                  {tx("weightNow")}
                </th>
                {published.map((p) => (
                  <th scope="col" class="num">
                    {tx("weightsOf", { fy: fyLabel(p.year) })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => (
                <tr>
                  <th scope="row">{i[lang].name}</th>
                  <td>{i[lang].what}</td>
                  <td>{i[lang].source}</td>
                  <td>{tx(i.scale === "log" ? "scale_log" : "scale_percent")}</td>
                  <td class="num">{weights[i.id]}</td>
                  {published.map((p) => (
                    <td class="num">{p.weights[i.id] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Layout>,
    );
  });

  app.get("/ranking/:year{[0-9]{4}}", async (c) => {
    const ctx = contextOf(c);
    const { lang } = ctx;
    const tx = insightText(lang);
    const year = Number(c.req.param("year"));
    if (year > fyOf(new Date())) throw new AppError("not_found", "That financial year has not begun");
    const states = await geo.listStates(db);
    const stateParam = c.req.query("state");
    const state = stateParam ? states.find((s) => String(s.lgdCode) === stateParam) : undefined;
    if (stateParam && !state) throw new AppError("bad_request", tx("badState"), { field: "state" });
    const ranking = await rankingOf(db, year);
    const all = ranking?.rows ?? [];
    const rows = state
      ? all.filter((r) => r.state === state.lgdCode).sort((a, b) => a.stateRank - b.stateRank)
      : all;
    const page = pageNumber(c.req.query("page"));
    const shown = rows.slice((page - 1) * pageSize, page * pageSize);
    const districts = await geo.getDistricts(
      db,
      shown.map((r) => r.district),
    );
    const names = new Map(districts.map((d) => [d.lgdCode, { en: d.nameEn, hi: d.nameHi }]));
    const stateNames = new Map(states.map((s) => [s.lgdCode, { en: s.nameEn, hi: s.nameHi }]));
    const title = tx("rankingOf", { fy: fyLabel(year) });
    const caption = state ? `${title}: ${nameIn(lang, state.nameEn, state.nameHi)}` : title;
    return c.html(
      <Layout
        ctx={ctx}
        title={title}
        description={tx("rankingIntro")}
        crumbs={[{ href: hrefIn("/ranking", lang), label: tx("ranking") }]}
      >
        <h1>{caption}</h1>
        {ranking ? (
          <RankingStatus tx={tx} lang={lang} ranking={ranking} />
        ) : (
          <p class="note">{tx("notYet")}</p>
        )}
        <p>
          <a href={hrefIn("/ranking/method", lang)}>{tx("method")}</a>
        </p>
        <form class="filters" method="get" action={`/ranking/${year}`}>
          {lang === "hi" && <input type="hidden" name="lang" value="hi" />}
          <label>
            {tx("state")}
            <select name="state">
              <option value="">{tx("allStates")}</option>
              {states.map((s) => (
                <option value={String(s.lgdCode)} selected={s.lgdCode === state?.lgdCode}>
                  {nameIn(lang, s.nameEn, s.nameHi)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{tx("filter")}</button>
        </form>
        {shown.length === 0 ? (
          <p>{tx("noRanking")}</p>
        ) : (
          <>
            <p class="muted">{tx("valueAndScore")}</p>
            <RankingTable
              lang={lang}
              tx={tx}
              rows={shown}
              withinState={state !== undefined}
              names={names}
              stateNames={stateNames}
              ctx={ctx}
              caption={caption}
            />
          </>
        )}
        <Pager
          t={ctx.t}
          page={page}
          pages={Math.max(1, Math.ceil(rows.length / pageSize))}
          href={pageHref(`/ranking/${year}`, c.req.query())}
        />
      </Layout>,
    );
  });
}

const weightsSchema = z.object(
  Object.fromEntries(
    indicators.map((i) => [
      i.id,
      z.coerce.number({ message: "weightMin" }).int("weightMin").min(0, "weightMin").max(100, "weightMin"),
    ]),
  ) as Record<IndicatorId, z.ZodNumber>,
);

/** For the administrator's worklist on the account page. */
export async function rankingActions(_db: Db, actor: Actor, lang: Lang): Promise<AccountAction[]> {
  if (!mayManage(actor)) return [];
  const tx = insightText(lang);
  return [{ href: "/admin/ranking", label: tx("ranking"), waiting: tx("manage"), urgent: false }];
}

/** /admin/ranking: the administrator's weights and the publication of a year's ranking. */
export function rankingAdminPages(app: PersonalRoutes<AppEnv>, db: Db): void {
  const form = async (
    c: Context<AppEnv>,
    state: { values?: FormValues; errors?: FieldErrors; status?: 200 | 400 | 409; done?: string } = {},
  ) => {
    const ctx = contextOf(c);
    const { lang } = ctx;
    const tx = insightText(lang);
    const { weights, version } = await currentWeights(db);
    const values: FormValues =
      state.values ?? Object.fromEntries(indicators.map((i) => [i.id, String(weights[i.id])]));
    const errors = state.errors ?? {};
    const published = new Set((await publishedYears(db)).map((p) => p.year));
    const current = fyOf(new Date());
    const open = [current, current - 1].filter((y) => !published.has(y));
    const csrf = csrfToken(c);
    return c.html(
      <Layout ctx={ctx} title={tx("manage")} description={tx("rankingIntro")}>
        <h1>{tx("manage")}</h1>
        {state.done === "weights" && <Notice kind="success">{tx("weightsSaved")}</Notice>}
        {state.done && /^\d{4}$/.test(state.done) && (
          <Notice kind="success">{tx("published", { fy: fyLabel(Number(state.done)) })}</Notice>
        )}
        <h2>{tx("weightsTitle")}</h2>
        <p>{tx("weightsHint")}</p>
        <ErrorSummary
          lang={lang}
          errors={errors}
          labels={Object.fromEntries(indicators.map((i) => [i.id, i[lang].name]))}
        />
        <PostForm action="/admin/ranking/weights" csrf={csrf}>
          <input type="hidden" name="version" value={String(version)} />
          {indicators.map((i) => (
            <TextField
              name={i.id}
              label={i[lang].name}
              hint={i[lang].what}
              values={values}
              errors={errors}
              lang={lang}
              inputmode="numeric"
              maxLength={3}
            />
          ))}
          <button type="submit">{tx("saveWeights")}</button>
        </PostForm>
        <h2>{tx("publishTitle")}</h2>
        <p>{tx("publishHint")}</p>
        <ul>
          {open.map((y) => (
            <li>
              <a href={hrefIn("/admin/ranking/publish", lang, { year: String(y) })}>
                {tx("publishYear", { fy: fyLabel(y) })}
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a href={hrefIn("/ranking/method", lang)}>{tx("method")}</a>
        </p>
      </Layout>,
      state.status ?? 200,
    );
  };
  const admin = (c: Context<AppEnv>) => {
    const actor = requireActor(c.get("actor"));
    if (!mayManage(actor))
      throw new AppError("forbidden", "Not allowed: the ranking's weights and publication");
    return actor;
  };

  app.get("/admin/ranking", async (c) => {
    admin(c);
    return form(c, { done: c.req.query("done") });
  });

  app.post("/admin/ranking/weights", async (c) => {
    const actor = admin(c);
    const { lang } = contextOf(c);
    const tx = insightText(lang);
    const parsed = await parseForm(
      c,
      weightsSchema.extend({ version: z.coerce.number().int().min(0) }),
      lang,
      (k) => (k === "weightMin" ? tx("weightMin") : undefined),
    );
    if (!parsed.ok) return form(c, { values: parsed.values, errors: parsed.errors, status: 400 });
    const { version, ...weights } = parsed.data;
    try {
      await setRankingWeights(db, actor, weights as Weights, version);
    } catch (err) {
      if (err instanceof AppError && err.code === "conflict")
        return form(c, { errors: { _form: tx("weightsConflict") }, status: 409 });
      if (err instanceof AppError && err.code === "bad_request")
        return form(c, {
          values: parsed.values,
          errors: { [indicators[0].id]: tx("weightAny") },
          status: 400,
        });
      throw err;
    }
    return c.redirect(hrefIn("/admin/ranking", lang, { done: "weights" }), 303);
  });

  app.get("/admin/ranking/publish", async (c) => {
    admin(c);
    const ctx = contextOf(c);
    const tx = insightText(ctx.lang);
    const year = Number(c.req.query("year"));
    if (!Number.isInteger(year) || year < 2020 || year > fyOf(new Date()))
      throw new AppError("bad_request", "Choose a financial year that has begun", { field: "year" });
    const ranking = await rankingOf(db, year);
    if (ranking?.status === "published") return c.redirect(hrefIn(`/ranking/${year}`, ctx.lang), 303);
    return c.html(
      <ConfirmPage
        ctx={ctx}
        csrf={csrfToken(c)}
        title={tx("publishYear", { fy: fyLabel(year) })}
        question={tx("publishQuestion", {
          fy: fyLabel(year),
          when: ranking ? formatWhen(ranking.asOf, ctx.lang) : "—",
        })}
        action="/admin/ranking/publish"
        hidden={{ year: String(year) }}
        confirm={tx("publishYear", { fy: fyLabel(year) })}
        cancel={{ href: hrefIn("/admin/ranking", ctx.lang), label: tx("cancel") }}
      />,
    );
  });

  app.post("/admin/ranking/publish", async (c) => {
    const actor = admin(c);
    const { lang } = contextOf(c);
    const body = await c.req.parseBody();
    const year = Number(body.year);
    await publishRanking(db, actor, year);
    return c.redirect(hrefIn("/admin/ranking", lang, { done: String(year) }), 303);
  });
}
