import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { intId } from "../../../platform/ids";
import { ConfirmPage } from "../../../web/confirm-page";
import { csrfToken } from "../../../web/csrf";
import { DataTable } from "../../../web/data-table";
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formValues,
  PostForm,
  parseForm,
  TextArea,
  TextField,
} from "../../../web/forms";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AppEnv, formatWhen, requireActor } from "../../accounts";
import { liveRevision, productBySlug, search } from "../../catalog";
import {
  addItem,
  arrangeItem,
  createCatalogue,
  stepCatalogue,
  updateCatalogue,
  updateItem,
} from "../commands/catalogues";
import { promotionKey, promotionText } from "../messages";
import { can } from "../policy";
import { allCatalogues, catalogueById, itemsOf } from "../queries/catalogues";
import { catalogueInput, itemInput, productQuery, versionInput } from "../schemas";
import { itemPlace } from "./catalogues-public";

type Ctx = Context<AppEnv>;
type FormState = { values: FormValues; errors: FieldErrors };
const keyOf = (lang: "en" | "hi") => promotionKey(promotionText(lang));

/** A refused catalogue command in words: the field it names, or the whole page. */
function refusal(err: unknown, lang: "en" | "hi"): { errors: FieldErrors; status: 400 | 409 } {
  if (!(err instanceof AppError) || (err.code !== "bad_request" && err.code !== "conflict")) throw err;
  const t = promotionText(lang);
  const words: Record<string, string> = {
    slug_taken: t("slugTaken"),
    empty: t("emptyCatalogue"),
    already: t("alreadyInCatalogue"),
    full: t("catalogueFull"),
  };
  const said = words[String(err.details.reason ?? "")] ?? t("conflict");
  const field = typeof err.details.field === "string" ? err.details.field : "_form";
  return { errors: { [field]: said }, status: err.code === "conflict" ? 409 : 400 };
}

function curatorOnly(c: Ctx) {
  const actor = requireActor(c.get("actor"));
  if (!can(actor, "catalogue:curate", null))
    throw new AppError("forbidden", "Not allowed: curate catalogues");
  return actor;
}

/** The administrator's pages: the catalogues, one catalogue's fields and products, publishing and withdrawing. */
export function curatePages(app: PersonalRoutes<AppEnv>, db: Db) {
  app.get("/catalogues/manage", async (c) => {
    curatorOnly(c);
    const ctx = contextOf(c);
    const t = promotionText(ctx.lang);
    const rows = await allCatalogues(db);
    return c.html(
      <Layout ctx={ctx} title={t("curateTitle")} description={t("cataloguesIntro")}>
        <h1>{t("curateTitle")}</h1>
        <p>
          <a class="button-link" href={hrefIn("/catalogues/new", ctx.lang)}>
            {t("newCatalogue")}
          </a>
        </p>
        <DataTable
          label={t("curateTitle")}
          rows={rows}
          empty={t("cataloguesNone")}
          columns={[
            {
              label: t("curateTitle"),
              cell: (k) => (
                <a href={hrefIn(`/catalogues/${k.id}/edit`, ctx.lang)}>
                  {nameIn(ctx.lang, k.titleEn, k.titleHi)}
                </a>
              ),
            },
            { label: t("status"), cell: (k) => t(`cstate_${k.state}`) },
            { label: t("registeredOn"), cell: (k) => formatWhen(k.updatedAt, ctx.lang) },
          ]}
        />
      </Layout>,
    );
  });

  app.get("/catalogues/new", async (c) => {
    curatorOnly(c);
    return c.html(<CatalogueForm c={c} id={null} state={{ values: {}, errors: {} }} />);
  });
  app.post("/catalogues/new", async (c) => {
    const actor = curatorOnly(c);
    const lang = contextOf(c).lang;
    const form = await parseForm(c, catalogueInput, lang, keyOf(lang));
    if (!form.ok) return c.html(<CatalogueForm c={c} id={null} state={form} />, 400);
    let id: number;
    try {
      id = await createCatalogue(db, actor, form.data);
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      return c.html(<CatalogueForm c={c} id={null} state={{ values: form.values, errors }} />, status);
    }
    return c.redirect(hrefIn(`/catalogues/${id}/edit`, lang, { done: "saved" }), 303);
  });

  app.get("/catalogues/:id{[0-9]+}/edit", async (c) => c.html(await EditPage({ c, db, form: null })));
  app.post("/catalogues/:id{[0-9]+}/edit", async (c) => {
    const actor = curatorOnly(c);
    const lang = contextOf(c).lang;
    const id = routeId(c);
    const form = await parseForm(c, catalogueInput, lang, keyOf(lang));
    const version = versionInput.safeParse(form.values);
    if (!form.ok || !version.success)
      return c.html(
        await EditPage({ c, db, form: { values: form.values, errors: form.ok ? {} : form.errors } }),
        400,
      );
    try {
      await updateCatalogue(db, actor, id, { ...form.data, version: version.data.version });
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      return c.html(await EditPage({ c, db, form: { values: form.values, errors } }), status);
    }
    return c.redirect(hrefIn(`/catalogues/${id}/edit`, lang, { done: "saved" }), 303);
  });

  app.post("/catalogues/:id{[0-9]+}/items", async (c) => {
    const actor = curatorOnly(c);
    const lang = contextOf(c).lang;
    const id = routeId(c);
    const body = formValues(await c.req.parseBody());
    const productId = intId.safeParse(body.productId);
    const version = versionInput.safeParse(body);
    if (!productId.success || !version.success)
      throw new AppError("bad_request", "Missing product or version");
    try {
      await addItem(db, actor, id, { productId: productId.data, version: version.data.version });
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      return c.html(await EditPage({ c, db, form: null, error: errors._form ?? errors.productId }), status);
    }
    return c.redirect(hrefIn(`/catalogues/${id}/edit`, lang, { done: "added" }), 303);
  });
  app.post("/catalogues/:id{[0-9]+}/items/:product{[0-9]+}", async (c) => {
    const actor = curatorOnly(c);
    const lang = contextOf(c).lang;
    const id = routeId(c);
    const productId = routeId(c, "product");
    const form = await parseForm(c, itemInput, lang, keyOf(lang));
    if (!form.ok) throw new AppError("bad_request", "Invalid item");
    try {
      await updateItem(db, actor, id, productId, form.data);
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      return c.html(await EditPage({ c, db, form: null, error: errors._form }), status);
    }
    return c.redirect(hrefIn(`/catalogues/${id}/edit`, lang, { done: "saved" }), 303);
  });
  app.post("/catalogues/:id{[0-9]+}/items/:product{[0-9]+}/:step{up|down|remove}", async (c) => {
    const actor = curatorOnly(c);
    const lang = contextOf(c).lang;
    const id = routeId(c);
    const version = versionInput.safeParse(formValues(await c.req.parseBody()));
    if (!version.success) throw new AppError("bad_request", "Missing version");
    try {
      await arrangeItem(db, actor, id, routeId(c, "product"), {
        step: c.req.param("step") as "up" | "down" | "remove",
        version: version.data.version,
      });
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      return c.html(await EditPage({ c, db, form: null, error: errors._form }), status);
    }
    return c.redirect(hrefIn(`/catalogues/${id}/edit`, lang), 303);
  });
  // Removing a product is asked for on its own page first.
  app.get("/catalogues/:id{[0-9]+}/items/:product{[0-9]+}/remove", async (c) => {
    curatorOnly(c);
    const ctx = contextOf(c);
    const t = promotionText(ctx.lang);
    const k = await catalogueById(db, routeId(c));
    const it = (await itemsOf(db, k.id)).find((i) => i.productId === routeId(c, "product"));
    if (!it) throw new AppError("not_found", "No such product in the catalogue");
    const question = t("removeQuestion", {
      product: it.product.name,
      title: nameIn(ctx.lang, k.titleEn, k.titleHi),
    });
    return c.html(
      <ConfirmPage
        ctx={ctx}
        csrf={csrfToken(c)}
        title={t("remove")}
        question={question}
        action={hrefIn(`/catalogues/${k.id}/items/${it.productId}/remove`, ctx.lang)}
        hidden={{ version: String(k.version) }}
        confirm={t("confirm")}
        cancel={{ href: hrefIn(`/catalogues/${k.id}/edit`, ctx.lang), label: t("cancel") }}
      />,
    );
  });

  for (const step of ["publish", "withdraw"] as const) {
    app.get(`/catalogues/:id{[0-9]+}/${step}`, async (c) => {
      curatorOnly(c);
      const ctx = contextOf(c);
      const t = promotionText(ctx.lang);
      const k = await catalogueById(db, routeId(c));
      const question = t(step === "publish" ? "publishCatalogueQuestion" : "withdrawCatalogueQuestion", {
        title: nameIn(ctx.lang, k.titleEn, k.titleHi),
      });
      const label = t(step === "publish" ? "publishCatalogue" : "withdrawCatalogue");
      return c.html(
        <ConfirmPage
          ctx={ctx}
          csrf={csrfToken(c)}
          title={label}
          question={question}
          action={hrefIn(`/catalogues/${k.id}/${step}`, ctx.lang)}
          hidden={{ version: String(k.version) }}
          confirm={t("confirm")}
          cancel={{ href: hrefIn(`/catalogues/${k.id}/edit`, ctx.lang), label: t("cancel") }}
        />,
      );
    });
    app.post(`/catalogues/:id{[0-9]+}/${step}`, async (c) => {
      const actor = curatorOnly(c);
      const lang = contextOf(c).lang;
      const id = routeId(c);
      const version = versionInput.safeParse(formValues(await c.req.parseBody()));
      if (!version.success) throw new AppError("bad_request", "Missing version");
      try {
        await stepCatalogue(db, actor, id, step, version.data);
      } catch (err) {
        const { errors, status } = refusal(err, lang);
        return c.html(await EditPage({ c, db, form: null, error: errors._form }), status);
      }
      return c.redirect(hrefIn(`/catalogues/${id}/edit`, lang, { done: step }), 303);
    });
  }
}

function CatalogueFields(props: { lang: "en" | "hi"; state: FormState }) {
  const t = promotionText(props.lang);
  const field = { values: props.state.values, errors: props.state.errors, lang: props.lang };
  return (
    <>
      <ErrorSummary
        lang={props.lang}
        errors={props.state.errors}
        labels={{
          slug: t("slug"),
          titleEn: t("titleEn"),
          titleHi: t("titleHi"),
          introEn: t("introEn"),
          introHi: t("introHi"),
        }}
      />
      <TextField {...field} name="slug" label={t("slug")} maxLength={60} />
      <TextField {...field} name="titleEn" label={t("titleEn")} maxLength={200} />
      <TextField {...field} name="titleHi" label={t("titleHi")} optional maxLength={200} />
      <TextArea {...field} name="introEn" label={t("introEn")} maxLength={4000} />
      <TextArea {...field} name="introHi" label={t("introHi")} optional maxLength={4000} />
    </>
  );
}

function CatalogueForm(props: { c: Ctx; id: null; state: FormState }) {
  const ctx = contextOf(props.c);
  const t = promotionText(ctx.lang);
  return (
    <Layout
      ctx={ctx}
      title={t("newCatalogue")}
      description={t("cataloguesIntro")}
      crumbs={[{ href: "/catalogues/manage", label: t("curateTitle") }]}
    >
      <h1>{t("newCatalogue")}</h1>
      <PostForm action={hrefIn("/catalogues/new", ctx.lang)} csrf={csrfToken(props.c)}>
        <CatalogueFields lang={ctx.lang} state={props.state} />
        <button type="submit">{t("save")}</button>
      </PostForm>
    </Layout>
  );
}

/** Products of the live list matching a few words: what the administrator may add. */
async function productMatches(db: Db, q: string | undefined) {
  if (!q) return [];
  const revision = await liveRevision(db);
  if (!revision) return [];
  const { hits } = await search(db, q, { kind: "product" }, { limit: 10, offset: 0 });
  const found = await Promise.all(hits.map((h) => productBySlug(db, revision.id, h.ref)));
  return found.flatMap((p) => (p ? [p] : []));
}

async function EditPage(props: { c: Ctx; db: Db; form: FormState | null; error?: string }) {
  const { c, db } = props;
  curatorOnly(c);
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const k = await catalogueById(db, routeId(c));
  const q = productQuery.safeParse({ q: c.req.query("q") }).data?.q;
  const [items, matches] = await Promise.all([itemsOf(db, k.id), productMatches(db, q)]);
  const state = props.form ?? {
    values: {
      slug: k.slug,
      titleEn: k.titleEn,
      titleHi: k.titleHi ?? "",
      introEn: k.introEn,
      introHi: k.introHi ?? "",
    },
    errors: {},
  };
  const done = c.req.query("done");
  const title = `${t("editCatalogue")}: ${nameIn(ctx.lang, k.titleEn, k.titleHi)}`;
  const version = String(k.version);
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("cataloguesIntro")}
      crumbs={[{ href: "/catalogues/manage", label: t("curateTitle") }]}
    >
      <h1>{title}</h1>
      {done && <Notice kind="success">{t("saved")}</Notice>}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <p>
        {t("status")}: <strong>{t(`cstate_${k.state}`)}</strong>
        {k.state === "published" && (
          <>
            {" · "}
            <a href={hrefIn(`/catalogues/${k.slug}`, ctx.lang)}>{nameIn(ctx.lang, k.titleEn, k.titleHi)}</a>
          </>
        )}
        {" · "}
        <a href={hrefIn(`/catalogues/${k.id}/${k.state === "published" ? "withdraw" : "publish"}`, ctx.lang)}>
          {t(k.state === "published" ? "withdrawCatalogue" : "publishCatalogue")}
        </a>
      </p>
      <PostForm action={hrefIn(`/catalogues/${k.id}/edit`, ctx.lang)} csrf={csrfToken(c)}>
        <input type="hidden" name="version" value={version} />
        <CatalogueFields lang={ctx.lang} state={state} />
        <button type="submit">{t("save")}</button>
      </PostForm>
      <h2>{t("items")}</h2>
      {items.length === 0 ? (
        <p>{t("itemsNone")}</p>
      ) : (
        <ol class="plain catalogue-items">
          {items.map((i) => {
            const field = {
              values: { label: i.label ?? "", noteEn: i.noteEn ?? "", noteHi: i.noteHi ?? "" },
              errors: {},
              lang: ctx.lang,
            };
            const step = (s: "up" | "down") => (
              <PostForm
                action={hrefIn(`/catalogues/${k.id}/items/${i.productId}/${s}`, ctx.lang)}
                csrf={csrfToken(c)}
                class="inline"
              >
                <input type="hidden" name="version" value={version} />
                <button type="submit" class="secondary">
                  {t(s)}
                  <span class="sr-only"> {i.product.name}</span>
                </button>
              </PostForm>
            );
            return (
              <li class="card" id={`item-${i.productId}`}>
                <h3>
                  {i.product.name} <span class="muted">· {itemPlace(i, ctx.lang)}</span>
                </h3>
                <details>
                  <summary>
                    {t("label")} · {t("noteEn")}
                    <span class="sr-only"> · {i.product.name}</span>
                  </summary>
                  <PostForm
                    action={hrefIn(`/catalogues/${k.id}/items/${i.productId}`, ctx.lang)}
                    csrf={csrfToken(c)}
                  >
                    <input type="hidden" name="version" value={version} />
                    <TextField {...field} name="label" label={t("label")} optional maxLength={12} />
                    <TextArea {...field} name="noteEn" label={t("noteEn")} optional maxLength={1000} />
                    <TextArea {...field} name="noteHi" label={t("noteHi")} optional maxLength={1000} />
                    <button type="submit">{t("save")}</button>
                  </PostForm>
                </details>
                <p>
                  {step("up")} {step("down")}{" "}
                  <a href={hrefIn(`/catalogues/${k.id}/items/${i.productId}/remove`, ctx.lang)}>
                    {t("remove")}
                    <span class="sr-only"> {i.product.name}</span>
                  </a>
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <h2 id="find">{t("findProduct")}</h2>
      <form method="get" action={`/catalogues/${k.id}/edit#find`} class="filters">
        {ctx.lang === "hi" && <input type="hidden" name="lang" value="hi" />}
        <label>
          {t("findProductHint")}
          <input name="q" type="search" value={q ?? ""} maxlength={100} />
        </label>
        <button type="submit">{t("find")}</button>
      </form>
      {q &&
        (matches.length === 0 ? (
          <p>{t("noMatch")}</p>
        ) : (
          <ul class="plain">
            {matches.map((p) => (
              <li>
                <PostForm
                  action={hrefIn(`/catalogues/${k.id}/items`, ctx.lang)}
                  csrf={csrfToken(c)}
                  class="inline"
                >
                  <input type="hidden" name="version" value={version} />
                  <input type="hidden" name="productId" value={String(p.id)} />
                  <button type="submit" class="secondary">
                    {t("add")}
                    <span class="sr-only"> {p.name}</span>
                  </button>
                </PostForm>{" "}
                {p.name}
              </li>
            ))}
          </ul>
        ))}
    </Layout>
  );
}
