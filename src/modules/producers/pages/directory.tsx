import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { FilterSelect } from "../../../web/filter-select";
import { formatNumber } from "../../../web/i18n";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import { Pager, pageHref } from "../../../web/pager";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AppEnv, formatWhen } from "../../accounts";
import { productById, sectorTaxonomy } from "../../catalog";
import { getDistricts, listDistricts, listStates } from "../../geo";
import { producerKinds } from "../kinds";
import { producerText } from "../messages";
import {
  directory,
  directoryPageSize,
  type PublicProducer,
  producersOwnedBy,
  publicProducer,
} from "../queries";
import { directoryFilters } from "../schemas";
import { type ProducerPageExtras, productNames } from "./shared";

/** The public directory, a producer's public page (its contact is exchanged only through an accepted quote), one's own profiles. */
export function directoryPages(app: PersonalRoutes<AppEnv>, db: Db, extras: ProducerPageExtras) {
  app.get("/producers", async (c) => {
    const ctx = contextOf(c);
    const pt = producerText(ctx.lang);
    const parsed = directoryFilters.safeParse(
      Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== "")),
    );
    if (!parsed.success) throw new AppError("bad_request", "Invalid filter");
    const f = parsed.data;
    const [{ rows, total }, states, stateDistricts, product] = await Promise.all([
      directory(db, f),
      listStates(db),
      f.state ? listDistricts(db, { stateLgdCode: f.state }) : Promise.resolve([]),
      f.product ? productById(db, f.product) : Promise.resolve(null),
    ]);
    const [districts, products] = await Promise.all([
      getDistricts(db, [...new Set(rows.map((r) => r.districtLgdCode))]),
      productNames(db, rows),
    ]);
    const districtName = new Map(districts.map((d) => [d.lgdCode, nameIn(ctx.lang, d.nameEn, d.nameHi)]));
    const stateName = new Map(states.map((s) => [s.lgdCode, nameIn(ctx.lang, s.nameEn, s.nameHi)]));
    const pages = Math.max(1, Math.ceil(total / directoryPageSize));
    return c.html(
      <Layout ctx={ctx} title={pt("directoryTitle")} description={pt("directoryIntro")}>
        <h1>{pt("directoryTitle")}</h1>
        <p>{pt("directoryIntro")}</p>
        <p>
          <a href={hrefIn("/producers/new", ctx.lang)}>{pt("register")}</a>
        </p>
        <form method="get" action="/producers" class="filters">
          {ctx.lang === "hi" && <input type="hidden" name="lang" value="hi" />}
          <FilterSelect
            label={pt("state")}
            name="state"
            all={pt("all")}
            value={f.state}
            options={states.map((s) => ({ value: String(s.lgdCode), label: stateName.get(s.lgdCode) ?? "" }))}
          />
          {stateDistricts.length === 0 && <p class="hint">{pt("districtAfterState")}</p>}
          {stateDistricts.length > 0 && (
            <FilterSelect
              label={pt("district")}
              name="district"
              all={pt("all")}
              value={f.district}
              options={stateDistricts.map((d) => ({
                value: String(d.lgdCode),
                label: nameIn(ctx.lang, d.nameEn, d.nameHi),
              }))}
            />
          )}
          <FilterSelect
            label={pt("kind")}
            name="kind"
            all={pt("all")}
            value={f.kind}
            options={producerKinds.map((k) => ({ value: k, label: pt(`kind_${k}`) }))}
          />
          <FilterSelect
            label={pt("sector")}
            name="sector"
            all={pt("all")}
            value={f.sector}
            options={sectorTaxonomy.map((sec) => ({
              value: sec.code,
              label: ctx.lang === "hi" ? sec.nameHi : sec.nameEn,
            }))}
          />
          {product && <input type="hidden" name="product" value={String(product.id)} />}
          <label>
            {pt("searchName")}
            <input name="q" value={f.q ?? ""} maxlength={100} />
          </label>
          <button type="submit">{pt("filter")}</button>
        </form>
        {product && (
          <p>
            {pt("ofProduct")} <strong>{product.name}</strong> ·{" "}
            <a href={hrefIn("/producers", ctx.lang)}>{pt("clearFilter")}</a>
          </p>
        )}
        <p>{total === 1 ? pt("directoryCountOne") : pt("directoryCount", { n: formatNumber(total) })}</p>
        {rows.length === 0 ? (
          <p>{pt("directoryEmpty")}</p>
        ) : (
          <ul class="cards">
            {rows.map((p) => (
              <li>
                <h2>
                  <a href={hrefIn(`/producers/${p.id}`, ctx.lang)}>{p.name}</a>
                  {p.isDemo && <span class="badge">{pt("demo")}</span>}
                </h2>
                <p>
                  {pt(`kind_${p.kind}`)} · {districtName.get(p.districtLgdCode)},{" "}
                  {stateName.get(p.stateLgdCode)}
                </p>
                <p>{[products.get(p.odopProductId ?? -1), p.otherProducts].filter(Boolean).join(" · ")}</p>
              </li>
            ))}
          </ul>
        )}
        <Pager t={ctx.t} page={f.page} pages={pages} href={pageHref("/producers", c.req.query())} />
      </Layout>,
    );
  });

  app.get("/producers/:id{[0-9]+}", async (c) => {
    const p = await publicProducer(db, routeId(c));
    if (!p) throw new AppError("not_found", "No such producer");
    const rating = (await extras.ratingOf?.(p.id)) ?? { n: 0, mean: null };
    return c.html(await ProfilePage({ c, db, p, rating }));
  });

  app.get("/producers/mine", async (c) => {
    const actor = c.get("actor");
    if (!actor) throw new AppError("unauthorized", "Sign in");
    const ctx = contextOf(c);
    const pt = producerText(ctx.lang);
    const rows = await producersOwnedBy(db, actor.userId);
    const done = c.req.query("done");
    return c.html(
      <Layout ctx={ctx} title={pt("myProducers")} description={pt("myProducers")}>
        <h1>{pt("myProducers")}</h1>
        {(done === "registered" || done === "updated") && <Notice kind="success">{pt(done)}</Notice>}
        {rows.length === 0 && <p>{pt("myProducersNone")}</p>}
        <ul class="cards">
          {rows.map((p) => (
            <li>
              <h2>{p.name}</h2>
              <p>
                {pt("status")}: <strong class={`status ${p.status}`}>{pt(`status_${p.status}`)}</strong>
              </p>
              {p.statusReason && (
                <p>
                  {pt("reason")}: {p.statusReason}
                </p>
              )}
              <p class="muted">
                {pt("submitted")}: {formatWhen(p.createdAt, ctx.lang)}
              </p>
              <p>
                <a href={hrefIn(`/producers/${p.id}/edit`, ctx.lang)}>
                  {pt("editProfile")} <span class="sr-only">{p.name}</span>
                </a>
                {p.status === "verified" && (
                  <>
                    {" · "}
                    <a href={hrefIn(`/producers/${p.id}`, ctx.lang)}>{pt("directoryTitle")}</a>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
        <p>
          <a href={hrefIn("/producers/new", ctx.lang)}>{pt("register")}</a>
        </p>
      </Layout>,
    );
  });
}

async function ProfilePage(props: {
  c: Context<AppEnv>;
  db: Db;
  p: PublicProducer;
  rating: { n: number; mean: number | null };
}) {
  const { c, db, p, rating } = props;
  const ctx = contextOf(c);
  const pt = producerText(ctx.lang);
  const [district] = await getDistricts(db, [p.districtLgdCode]);
  const products = await productNames(db, [p]);
  return (
    <Layout
      ctx={ctx}
      title={p.name}
      description={p.description ?? p.name}
      crumbs={[{ href: "/producers", label: pt("directoryTitle") }]}
    >
      <h1>
        {p.name} {p.isDemo && <span class="badge">{pt("demo")}</span>}
      </h1>
      <dl class="facts">
        <dt>{pt("kind")}</dt>
        <dd>{pt(`kind_${p.kind}`)}</dd>
        <dt>{pt("district")}</dt>
        <dd>
          {district ? (
            <a href={hrefIn(`/districts/${district.lgdCode}`, ctx.lang)}>
              {nameIn(ctx.lang, district.nameEn, district.nameHi)}
            </a>
          ) : (
            p.districtLgdCode
          )}
        </dd>
        {p.odopProductId && (
          <>
            <dt>{pt("odopProduct")}</dt>
            <dd>{products.get(p.odopProductId)}</dd>
          </>
        )}
        {p.otherProducts && (
          <>
            <dt>{pt("otherProducts")}</dt>
            <dd>{p.otherProducts}</dd>
          </>
        )}
      </dl>
      {p.description && <p>{p.description}</p>}
      {rating.n > 0 && rating.mean !== null && (
        <p>
          {pt(rating.n === 1 ? "ratedOne" : "ratedMany", { mean: formatNumber(rating.mean, 1), n: rating.n })}
        </p>
      )}
      <h2>{pt("contact")}</h2>
      <p>{pt("contactByQuote")}</p>
      <p>
        <a href={hrefIn("/bazaar", ctx.lang, { producer: String(p.id) })}>{pt("itsListings")}</a>
      </p>
    </Layout>
  );
}
