import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { FileStore } from "../../../platform/file-store";
import { UploadRefused } from "../../../platform/upload-check";
import { csrfToken } from "../../../web/csrf";
import {
  ErrorSummary,
  type FieldErrors,
  FileField,
  type FormValues,
  PostForm,
  parseForm,
  SelectField,
  UploadForm,
} from "../../../web/forms";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { uploadRefusalText } from "../../../web/upload-refusal";
import {
  type Actor,
  type AppEnv,
  formatWhen,
  mailContext,
  requireActor,
  requireVerifiedActor,
} from "../../accounts";
import { hsHeadingsOfProduct } from "../../catalog";
import { districtProducts, type ProducerSummary, producersOwnedBy } from "../../producers";
import { addPhoto, changePhoto, createListing, stepListing, updateListing } from "../commands";
import { maxPhotos } from "../kinds";
import { listingFlow, ownerTransitions } from "../listing-flow";
import { tradeKey, tradeText } from "../messages";
import { listingForActor, myListings, photoForActor } from "../queries";
import { rfqText } from "../rfq-messages";
import { listingInput, stepInput } from "../schemas";
import { listingTitle } from "../search-entry";
import { ListingFields, listingLabels, listingValues } from "./listing-form";
import { listingRefusal } from "./refusal";
import { ownPhotoUrl, photoFile, photoSizeOf, priceText, servePhoto } from "./shared";

/** The district's ODOP products a producer can list under, each with its HS headings (the form's hints). */
async function productChoices(db: Db, districtLgdCode: number) {
  const products = await districtProducts(db, districtLgdCode);
  return Promise.all(
    products.map(async (p) => ({
      id: p.id,
      name: p.name,
      hs: (await hsHeadingsOfProduct(db, p.id)).map((h) => h.code),
    })),
  );
}

/** The listing, when the person owns it; for anyone else a 404, as if it did not exist (checked before any write). */
async function ownListing(db: Db, actor: Actor, id: number) {
  const found = await listingForActor(db, actor, id);
  if (!found.owner) throw new AppError("not_found", "No such listing");
  return found;
}

const notices = [
  "created",
  "saved",
  "published",
  "withdrawn",
  "photoAdded",
  "photoRemoved",
  "photoFirst",
  "hidden",
  "restored",
] as const;

/** A producer's listings: its list, writing one, editing it with its photos, publishing and withdrawing it. */
export function listingPages(app: PersonalRoutes<AppEnv>, db: Db, deps: { store: FileStore }) {
  app.get("/listings/mine", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const t = tradeText(ctx.lang);
    const { producers, rows, covers } = await myListings(db, actor);
    const verified = producers.filter((p) => p.status === "verified");
    return c.html(
      <Layout ctx={ctx} title={t("myListings")} description={t("myListingsIntro")}>
        <h1>{t("myListings")}</h1>
        <p>{t("myListingsIntro")}</p>
        {producers.length === 0 && (
          <p>
            {t("noProducer")} <a href={hrefIn("/producers/new", ctx.lang)}>{t("registerFirst")}</a>
          </p>
        )}
        {producers
          .filter((p) => p.status !== "verified")
          .map((p) => (
            <p>{t("notVerified", { name: p.name })}</p>
          ))}
        {verified.length > 0 && (
          <p>
            <a class="button" href={hrefIn("/listings/new", ctx.lang)}>
              {t("newListing")}
            </a>
          </p>
        )}
        {verified.map((p) => (
          <p>
            <a href={hrefIn(`/producers/${p.id}/gem`, ctx.lang)}>
              {rfqText(ctx.lang)("gemTitle")}: {p.name}
            </a>
          </p>
        ))}
        {producers.length > 0 && rows.length === 0 && <p>{t("noListings")}</p>}
        {rows.length > 0 && (
          <ul class="cards listing-cards">
            {rows.map((l) => {
              const cover = covers.get(l.id);
              const title = listingTitle(l, ctx.lang);
              return (
                <li class="listing-card">
                  {cover ? (
                    <img
                      src={ownPhotoUrl(l.id, cover.id, "thumb")}
                      width={cover.variants.thumb.width}
                      height={cover.variants.thumb.height}
                      alt={t("photoOf", { title, n: 1 })}
                      loading="lazy"
                    />
                  ) : (
                    <div class="no-photo" aria-hidden="true" />
                  )}
                  <h2>
                    <a href={hrefIn(`/listings/${l.id}/edit`, ctx.lang)}>{title}</a>
                  </h2>
                  <p>
                    <strong class={`status ${l.state}`}>{t(`lstate_${l.state}`)}</strong>
                  </p>
                  <p>{priceText(t, l)}</p>
                  <p class="muted">
                    {t("updated")}: {formatWhen(l.updatedAt, ctx.lang)}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </Layout>,
    );
  });

  app.get("/listings/new", async (c) => {
    const actor = requireVerifiedActor(c.get("actor"));
    const verified = (await producersOwnedBy(db, actor.userId)).filter((p) => p.status === "verified");
    if (verified.length === 0) return c.redirect(hrefIn("/listings/mine", contextOf(c).lang), 303);
    const asked = Number(c.req.query("producer"));
    const producer = verified.find((p) => p.id === asked) ?? (verified[0] as (typeof verified)[number]);
    const values: FormValues = {
      producerId: String(producer.id),
      odopProductId: producer.odopProductId ? String(producer.odopProductId) : "",
      unit: "piece",
    };
    return c.html(await NewListingPage({ c, db, producers: verified, values, errors: {} }));
  });
  app.post("/listings/new", async (c) => {
    const actor = requireVerifiedActor(c.get("actor"));
    const ctx = contextOf(c);
    const verified = (await producersOwnedBy(db, actor.userId)).filter((p) => p.status === "verified");
    const form = await parseForm(c, listingInput, ctx.lang, tradeKey(tradeText(ctx.lang)));
    const producer = verified.find((p) => String(p.id) === form.values.producerId);
    if (!producer) throw new AppError("forbidden", "Not one of your verified producers");
    if (!form.ok) return c.html(await NewListingPage({ c, db, producers: verified, ...form }), 400);
    let id: number;
    try {
      id = await createListing(db, actor, producer.id, form.data);
    } catch (err) {
      const { errors, status } = listingRefusal(err, ctx.lang);
      return c.html(
        await NewListingPage({ c, db, producers: verified, values: form.values, errors }),
        status,
      );
    }
    return c.redirect(hrefIn(`/listings/${id}/edit`, ctx.lang, { done: "created" }), 303);
  });

  app.get("/listings/:id{[0-9]+}/edit", async (c) => {
    const id = routeId(c);
    return c.html(await EditListingPage({ c, db, id }));
  });
  app.post("/listings/:id{[0-9]+}/edit", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const id = routeId(c);
    await ownListing(db, actor, id);
    const form = await parseForm(c, listingInput, ctx.lang, tradeKey(tradeText(ctx.lang)));
    if (!form.ok) return c.html(await EditListingPage({ c, db, id, form }), 400);
    try {
      await updateListing(db, actor, id, Number(form.values.version), form.data);
    } catch (err) {
      const { errors, status } = listingRefusal(err, ctx.lang);
      return c.html(await EditListingPage({ c, db, id, form: { values: form.values, errors } }), status);
    }
    return c.redirect(hrefIn(`/listings/${id}/edit`, ctx.lang, { done: "saved" }), 303);
  });

  for (const transition of ownerTransitions)
    app.post(`/listings/:id{[0-9]+}/${transition}`, async (c) => {
      const actor = requireActor(c.get("actor"));
      const ctx = contextOf(c);
      const id = routeId(c);
      await ownListing(db, actor, id);
      const form = await parseForm(c, stepInput, ctx.lang);
      if (!form.ok) throw new AppError("bad_request", "No version");
      try {
        await stepListing(db, actor, id, { transition, version: form.data.version }, mailContext(c));
      } catch (err) {
        const { errors, status } = listingRefusal(err, ctx.lang);
        return c.html(await EditListingPage({ c, db, id, stepErrors: errors }), status);
      }
      return c.redirect(
        hrefIn(`/listings/${id}/edit`, ctx.lang, {
          done: listingFlow[transition].to === "published" ? "published" : "withdrawn",
        }),
        303,
      );
    });

  app.upload("/listings/:id{[0-9]+}/photos", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const t = tradeText(ctx.lang);
    const id = routeId(c);
    await ownListing(db, actor, id);
    const file = (await c.req.parseBody()).file;
    const again = (errors: FieldErrors, status: 400 | 409 | 413) =>
      EditListingPage({ c, db, id, photoErrors: errors }).then((h) => c.html(h, status));
    if (!(file instanceof File) || file.size === 0) return again({ file: t("noFile") }, 400);
    try {
      await addPhoto(db, deps.store, actor, id, Buffer.from(await file.arrayBuffer()));
    } catch (err) {
      if (err instanceof UploadRefused)
        return again(
          { file: t("refused", { why: uploadRefusalText(ctx.lang, err.reason) }) },
          err.reason === "tooLarge" ? 413 : 400,
        );
      const { errors, status } = listingRefusal(err, ctx.lang);
      return again({ file: errors._form ?? "" }, status);
    }
    return c.redirect(`${hrefIn(`/listings/${id}/edit`, ctx.lang, { done: "photoAdded" })}#photos`, 303);
  });
  app.get(`/listings/:id{[0-9]+}/photos/:pid{[0-9]+}/${photoFile}`, async (c) => {
    const photo = await photoForActor(db, c.get("actor"), routeId(c), routeId(c, "pid"));
    return servePhoto(deps.store, photo.variants[photoSizeOf(c.req.param("file") ?? "")].key, "private");
  });
  // Removing asks first, on its own page (no JavaScript needed); showing first needs no confirmation.
  app.get("/listings/:id{[0-9]+}/photos/:pid{[0-9]+}/remove", async (c) => {
    const ctx = contextOf(c);
    const t = tradeText(ctx.lang);
    const id = routeId(c);
    const photo = await photoForActor(db, c.get("actor"), id, routeId(c, "pid"));
    return c.html(
      <Layout ctx={ctx} title={t("removePhotoTitle")} description={t("removePhotoIntro")}>
        <h1>{t("removePhotoTitle")}</h1>
        <p>{t("removePhotoIntro")}</p>
        <img
          src={ownPhotoUrl(id, photo.id, "thumb")}
          width={photo.variants.thumb.width}
          height={photo.variants.thumb.height}
          alt=""
        />
        <PostForm action={hrefIn(`/listings/${id}/photos/${photo.id}/remove`, ctx.lang)} csrf={csrfToken(c)}>
          <button type="submit">{t("removePhoto")}</button>{" "}
          <a href={hrefIn(`/listings/${id}/edit`, ctx.lang)}>{t("cancel")}</a>
        </PostForm>
      </Layout>,
    );
  });
  for (const change of ["remove", "first"] as const)
    app.post(`/listings/:id{[0-9]+}/photos/:pid{[0-9]+}/${change}`, async (c) => {
      const actor = requireActor(c.get("actor"));
      const id = routeId(c);
      await ownListing(db, actor, id);
      await changePhoto(db, deps.store, actor, id, routeId(c, "pid"), change);
      const done = change === "remove" ? "photoRemoved" : "photoFirst";
      return c.redirect(`${hrefIn(`/listings/${id}/edit`, contextOf(c).lang, { done })}#photos`, 303);
    });
}

async function NewListingPage(props: {
  c: Context<AppEnv>;
  db: Db;
  producers: { id: number; name: string; districtLgdCode: number }[];
  values: FormValues;
  errors: FieldErrors;
}) {
  const { c, values, errors } = props;
  const ctx = contextOf(c);
  const t = tradeText(ctx.lang);
  const producer =
    props.producers.find((p) => String(p.id) === values.producerId) ??
    (props.producers[0] as (typeof props.producers)[number]);
  const products = await productChoices(props.db, producer.districtLgdCode);
  return (
    <Layout ctx={ctx} title={t("listingTitleNew")} description={t("listingIntro")}>
      <h1>{t("listingTitleNew")}</h1>
      {errors._form && <Notice kind="error">{errors._form}</Notice>}
      <p>{t("listingIntro")}</p>
      <ErrorSummary lang={ctx.lang} errors={errors} labels={listingLabels(ctx.lang)} />
      <PostForm action={hrefIn("/listings/new", ctx.lang)} csrf={csrfToken(c)}>
        {props.producers.length > 1 ? (
          <SelectField
            values={values}
            errors={errors}
            lang={ctx.lang}
            name="producerId"
            label={t("forProducer")}
            options={props.producers.map((p) => ({ value: String(p.id), label: p.name }))}
          />
        ) : (
          <input type="hidden" name="producerId" value={String(producer.id)} />
        )}
        <ListingFields lang={ctx.lang} values={values} errors={errors} products={products} />
        <button type="submit">{t("saveDraft")}</button>
      </PostForm>
    </Layout>
  );
}

async function EditListingPage(props: {
  c: Context<AppEnv>;
  db: Db;
  id: number;
  form?: { values: FormValues; errors: FieldErrors };
  stepErrors?: FieldErrors;
  photoErrors?: FieldErrors;
}) {
  const { c, db, id } = props;
  const ctx = contextOf(c);
  const t = tradeText(ctx.lang);
  const { listing: l, producer, photos } = await ownListing(db, requireActor(c.get("actor")), id);
  const values = props.form?.values ?? listingValues(l);
  const errors = props.form?.errors ?? {};
  const csrf = csrfToken(c);
  const title = t("listingTitleEdit", { title: listingTitle(l, ctx.lang) });
  const done = c.req.query("done");
  const photoErrors = props.photoErrors ?? {};
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("listingIntro")}
      crumbs={[{ href: "/listings/mine", label: t("myListings") }]}
    >
      <h1>{title}</h1>
      {notices.map((n) => n === done && <Notice kind="success">{t(n)}</Notice>)}
      {props.stepErrors?._form && <Notice kind="error">{props.stepErrors._form}</Notice>}
      <p>
        {t("forProducer")}: <strong>{(producer as ProducerSummary).name}</strong>
      </p>
      <p>
        {t("state_line", { state: t(`lstate_${l.state}`) })}
        {l.state === "published" && (
          <>
            {" "}
            <a href={hrefIn(`/bazaar/listings/${l.id}`, ctx.lang)}>{t("view")}</a>
          </>
        )}
      </p>
      {l.state === "hidden" && (
        <Notice kind="error">{t("hiddenBecause", { reason: l.hiddenReason ?? "" })}</Notice>
      )}
      {ownerTransitions
        .filter((tr) => (listingFlow[tr].from as readonly string[]).includes(l.state))
        .map((tr) => (
          <PostForm action={hrefIn(`/listings/${l.id}/${tr}`, ctx.lang)} csrf={csrf} class="inline">
            <input type="hidden" name="version" value={String(l.version)} />
            <button type="submit">{t(tr)}</button>{" "}
            <span class="hint">{t(tr === "publish" ? "publishHint" : "withdrawHint")}</span>
          </PostForm>
        ))}

      <h2 id="photos">{t("photos")}</h2>
      <p class="hint">{t("photosHint")}</p>
      {photos.length === 0 ? (
        <p>{t("noPhotos")}</p>
      ) : (
        <ul class="photo-strip">
          {photos.map((p, i) => (
            <li>
              <img
                src={ownPhotoUrl(l.id, p.id, "thumb")}
                width={p.variants.thumb.width}
                height={p.variants.thumb.height}
                alt={t("photoOf", { title: listingTitle(l, ctx.lang), n: i + 1 })}
                loading="lazy"
              />
              <div>
                {i > 0 && (
                  <PostForm
                    action={hrefIn(`/listings/${l.id}/photos/${p.id}/first`, ctx.lang)}
                    csrf={csrf}
                    class="inline"
                  >
                    <button type="submit">
                      {t("makeFirst")}
                      <span class="sr-only"> {t("photoOf", { title: "", n: i + 1 })}</span>
                    </button>
                  </PostForm>
                )}
                <a href={hrefIn(`/listings/${l.id}/photos/${p.id}/remove`, ctx.lang)}>
                  {t("removePhoto")}
                  <span class="sr-only"> {t("photoOf", { title: "", n: i + 1 })}</span>
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
      {photos.length >= maxPhotos ? (
        <>
          {photoErrors.file && <Notice kind="error">{photoErrors.file}</Notice>}
          <p>{t("photoLimit")}</p>
        </>
      ) : (
        <UploadForm action={hrefIn(`/listings/${l.id}/photos`, ctx.lang)} csrf={csrf}>
          <FileField
            name="file"
            label={t("photoFile")}
            errors={photoErrors}
            lang={ctx.lang}
            accept="image/jpeg,image/png,image/webp"
          />
          <button type="submit">{t("addPhoto")}</button>
        </UploadForm>
      )}

      <h2 id="details">{t("listingDetails")}</h2>
      <ErrorSummary lang={ctx.lang} errors={errors} labels={listingLabels(ctx.lang)} />
      {errors._form && <Notice kind="error">{errors._form}</Notice>}
      <PostForm action={hrefIn(`/listings/${l.id}/edit`, ctx.lang)} csrf={csrf}>
        <input type="hidden" name="version" value={values.version ?? String(l.version)} />
        <ListingFields
          lang={ctx.lang}
          values={values}
          errors={errors}
          products={await productChoices(db, l.districtLgdCode)}
        />
        <button type="submit">{t("save")}</button>
      </PostForm>
    </Layout>
  );
}
