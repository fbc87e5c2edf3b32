import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { intId } from "../../../platform/ids";
import { csrfToken } from "../../../web/csrf";
import { type FieldErrors, type FormValues, PostForm, parseForm, TextField } from "../../../web/forms";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AppEnv, requireActor } from "../../accounts";
import { productsByIds } from "../../catalog";
import { addInterest, removeInterest } from "../commands";
import { tradeKey, tradeText } from "../messages";
import { interestsOf } from "../queries";
import { rfqKey, rfqText } from "../rfq-messages";
import { interestInput } from "../schemas";
import { rfqRefusal } from "./rfq-refusal";

/** What a buyer follows (mailed daily when new listings match): the list, following an HS heading or a product. */
export function interestPages(app: PersonalRoutes<AppEnv>, db: Db) {
  app.get("/buyers/interests", async (c) => c.html(await InterestsPage({ c, db, values: {}, errors: {} })));
  app.post("/buyers/interests", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const form = await parseForm(c, interestInput, lang, rfqKey(rfqText(lang), tradeKey(tradeText(lang))));
    if (!form.ok) return c.html(await InterestsPage({ c, db, ...form }), 400);
    try {
      await addInterest(db, actor, form.data);
    } catch (err) {
      const { errors, status } = rfqRefusal(err, lang);
      return c.html(
        await InterestsPage({ c, db, values: form.values, errors }),
        status === 429 ? 409 : status,
      );
    }
    return c.redirect(hrefIn("/buyers/interests", lang, { done: "added" }), 303);
  });
  // Following a product starts from its listing or page: a confirmation here, without JavaScript.
  app.get("/buyers/interests/new", async (c) => {
    requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const t = rfqText(ctx.lang);
    const id = intId.safeParse(c.req.query("product"));
    const [product] = id.success ? await productsByIds(db, [id.data]) : [];
    if (!product) throw new AppError("not_found", "No such product");
    return c.html(
      <Layout ctx={ctx} title={t("interests")} description={t("interestsIntro")}>
        <h1>
          {t("addInterest")}: {product.name}
        </h1>
        <p>{t("interestsIntro")}</p>
        <PostForm action={hrefIn("/buyers/interests", ctx.lang)} csrf={csrfToken(c)}>
          <input type="hidden" name="odopProductId" value={String(product.id)} />
          <button type="submit">{t("addInterest")}</button>
        </PostForm>
      </Layout>,
    );
  });
  app.post("/buyers/interests/:id{[0-9]+}/remove", async (c) => {
    await removeInterest(db, requireActor(c.get("actor")), routeId(c));
    return c.redirect(hrefIn("/buyers/interests", contextOf(c).lang), 303);
  });
}

async function InterestsPage(props: { c: Context<AppEnv>; db: Db; values: FormValues; errors: FieldErrors }) {
  const { c, values, errors } = props;
  const ctx = contextOf(c);
  const t = rfqText(ctx.lang);
  const actor = requireActor(c.get("actor"));
  const mine = await interestsOf(props.db, actor.userId);
  const csrf = csrfToken(c);
  return (
    <Layout
      ctx={ctx}
      title={t("interests")}
      description={t("interestsIntro")}
      crumbs={[{ href: "/buyers/me", label: tradeText(ctx.lang)("buyerTitle") }]}
    >
      <h1>{t("interests")}</h1>
      {c.req.query("done") === "added" && <Notice kind="success">{tradeText(ctx.lang)("saved")}</Notice>}
      {errors._form && <Notice kind="error">{errors._form}</Notice>}
      <p>{t("interestsIntro")}</p>
      {mine.length === 0 ? (
        <p>{t("noInterests")}</p>
      ) : (
        <ul>
          {mine.map((i) => (
            <li>
              {i.product ? `${t("interestProduct")}: ${i.product.name}` : `${t("interestHs")}: ${i.hsCode}`}{" "}
              <PostForm
                action={hrefIn(`/buyers/interests/${i.id}/remove`, ctx.lang)}
                csrf={csrf}
                class="inline"
              >
                <button type="submit" class="secondary">
                  {t("removeInterest")}
                  <span class="sr-only"> {i.product?.name ?? i.hsCode}</span>
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <PostForm action={hrefIn("/buyers/interests", ctx.lang)} csrf={csrf}>
        <TextField
          name="hsCode"
          label={t("hsHeading")}
          values={values}
          errors={errors}
          lang={ctx.lang}
          inputmode="numeric"
          maxLength={4}
        />
        <button type="submit">{t("addInterest")}</button>
      </PostForm>
    </Layout>
  );
}
