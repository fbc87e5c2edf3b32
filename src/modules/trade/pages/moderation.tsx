import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { csrfToken } from "../../../web/csrf";
import { DataTable } from "../../../web/data-table";
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  PostForm,
  parseForm,
  TextArea,
} from "../../../web/forms";
import { formatNumber } from "../../../web/i18n";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import { Pager, pageHref, pageNumber } from "../../../web/pager";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AppEnv, formatWhen, mailContext, requireActor } from "../../accounts";
import { stepListing } from "../commands";
import { tradeKey, tradeText } from "../messages";
import { listingForActor, moderationList, moderationPageSize } from "../queries";
import { hideInput, stepInput } from "../schemas";
import { listingTitle } from "../search-entry";
import { listingRefusal } from "./refusal";
import { ownPhotoUrl, placeLine, priceText } from "./shared";

const tabs = ["published", "hidden", "withdrawn"] as const;

/** The officers' side: the listings of their district or State, hiding one with a reason, showing it again. */
export function moderationPages(app: PersonalRoutes<AppEnv>, db: Db) {
  app.get("/officer/listings", async (c) => {
    const ctx = contextOf(c);
    const t = tradeText(ctx.lang);
    const state = tabs.find((s) => s === c.req.query("state")) ?? "published";
    const page = pageNumber(c.req.query("page"));
    const csrf = csrfToken(c);
    const { rows, total, capped, names } = await moderationList(db, requireActor(c.get("actor")), {
      state,
      page,
    });
    const done = c.req.query("done");
    return c.html(
      <Layout ctx={ctx} title={t("moderationTitle")} description={t("moderationIntro")}>
        <h1>{t("moderationTitle")}</h1>
        {(done === "hidden" || done === "restored") && <Notice kind="success">{t(done)}</Notice>}
        <p>{t("moderationIntro")}</p>
        {capped && <p>{t("bazaarCapped", { n: formatNumber(total) })}</p>}
        <nav class="tabs" aria-label={t("listingsByState")}>
          {tabs.map((s) => (
            <a
              href={hrefIn("/officer/listings", ctx.lang, { state: s })}
              aria-current={s === state ? "page" : undefined}
            >
              {t(`lstate_${s}`)}
            </a>
          ))}
        </nav>
        <DataTable
          label={t("moderationTitle")}
          rows={rows}
          empty={t("moderationEmpty")}
          columns={[
            {
              label: t("product"),
              cell: (l) =>
                l.state === "published" ? (
                  <a href={hrefIn(`/bazaar/listings/${l.id}`, ctx.lang)}>{listingTitle(l, ctx.lang)}</a>
                ) : (
                  listingTitle(l, ctx.lang)
                ),
            },
            { label: t("offeredBy"), cell: (l) => names.producer(l.producerId) },
            { label: t("district"), cell: (l) => placeLine(ctx, names, l) },
            { label: t("updated"), cell: (l) => formatWhen(l.updatedAt, ctx.lang) },
            {
              label: t("hide"),
              hiddenLabel: true,
              cell: (l) =>
                l.state === "hidden" ? (
                  <PostForm action={hrefIn(`/listings/${l.id}/restore`, ctx.lang)} csrf={csrf} class="inline">
                    <input type="hidden" name="version" value={String(l.version)} />
                    <button type="submit">
                      {t("restore")}
                      <span class="sr-only"> {listingTitle(l, ctx.lang)}</span>
                    </button>
                  </PostForm>
                ) : (
                  <a href={hrefIn(`/listings/${l.id}/hide`, ctx.lang)}>
                    {t("hide")}
                    <span class="sr-only"> {listingTitle(l, ctx.lang)}</span>
                  </a>
                ),
            },
          ]}
        />
        <Pager
          t={ctx.t}
          page={page}
          pages={Math.max(1, Math.ceil(total / moderationPageSize))}
          href={pageHref("/officer/listings", c.req.query())}
        />
      </Layout>,
    );
  });

  app.get("/listings/:id{[0-9]+}/hide", async (c) => {
    return c.html(await HidePage({ c, db, id: routeId(c), values: {}, errors: {} }));
  });
  app.post("/listings/:id{[0-9]+}/hide", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const id = routeId(c);
    const form = await parseForm(c, hideInput, ctx.lang, tradeKey(tradeText(ctx.lang)));
    if (!form.ok) return c.html(await HidePage({ c, db, id, ...form }), 400);
    try {
      await stepListing(
        db,
        actor,
        id,
        { transition: "hide", version: form.data.version, reason: form.data.reason },
        mailContext(c),
      );
    } catch (err) {
      const { errors, status } = listingRefusal(err, ctx.lang);
      return c.html(await HidePage({ c, db, id, values: form.values, errors }), status);
    }
    return c.redirect(hrefIn("/officer/listings", ctx.lang, { state: "hidden", done: "hidden" }), 303);
  });
  app.post("/listings/:id{[0-9]+}/restore", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const form = await parseForm(c, stepInput, ctx.lang);
    if (!form.ok) throw new AppError("bad_request", "No version");
    try {
      await stepListing(
        db,
        actor,
        routeId(c),
        { transition: "restore", version: form.data.version },
        mailContext(c),
      );
    } catch (err) {
      const { errors } = listingRefusal(err, ctx.lang);
      throw new AppError("conflict", errors._form ?? "The listing changed");
    }
    return c.redirect(hrefIn("/officer/listings", ctx.lang, { state: "published", done: "restored" }), 303);
  });
}

async function HidePage(props: {
  c: Context<AppEnv>;
  db: Db;
  id: number;
  values: FormValues;
  errors: FieldErrors;
}) {
  const { c, values, errors } = props;
  const ctx = contextOf(c);
  const t = tradeText(ctx.lang);
  const { listing: l, officer, photos } = await listingForActor(props.db, c.get("actor"), props.id);
  if (!officer) throw new AppError("not_found", "No such listing");
  const [cover] = photos;
  return (
    <Layout
      ctx={ctx}
      title={t("hideTitle")}
      description={t("hideIntro")}
      crumbs={[{ href: "/officer/listings", label: t("moderationTitle") }]}
    >
      <h1>{t("hideTitle")}</h1>
      {errors._form && <Notice kind="error">{errors._form}</Notice>}
      <p>
        <strong>{listingTitle(l, ctx.lang)}</strong> · {priceText(t, l)} ·{" "}
        {t("state_line", { state: t(`lstate_${l.state}`) })}
      </p>
      {cover && (
        <img
          src={ownPhotoUrl(l.id, cover.id, "thumb")}
          width={cover.variants.thumb.width}
          height={cover.variants.thumb.height}
          alt={t("photoOf", { title: listingTitle(l, ctx.lang), n: 1 })}
        />
      )}
      <p>{t("hideIntro")}</p>
      <ErrorSummary lang={ctx.lang} errors={errors} labels={{ reason: t("reason") }} />
      <PostForm action={hrefIn(`/listings/${l.id}/hide`, ctx.lang)} csrf={csrfToken(c)}>
        <input type="hidden" name="version" value={values.version ?? String(l.version)} />
        <TextArea
          values={values}
          errors={errors}
          lang={ctx.lang}
          name="reason"
          label={t("reason")}
          maxLength={1000}
        />
        <button type="submit">{t("hide")}</button>{" "}
        <a href={hrefIn("/officer/listings", ctx.lang)}>{t("cancel")}</a>
      </PostForm>
    </Layout>
  );
}
