import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { csrfToken } from "../../../web/csrf";
import { DataTable } from "../../../web/data-table";
import { PostForm } from "../../../web/forms";
import type { Lang } from "../../../web/i18n";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import { Pager, pageHref, pageNumber } from "../../../web/pager";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AccountAction, type Actor, type AppEnv, grantFor, requireActor } from "../../accounts";
import { getDistricts } from "../../geo";
import { decideGiLink } from "../commands";
import { giSuggestionCount, giSuggestionPageSize, giSuggestions } from "../queries";

const texts = {
  en: {
    title: "GI links to confirm",
    intro:
      "Each row links an ODOP product to a registered Geographical Indication because their names match. Until an administrator confirms a link, the product's page says it is not yet confirmed; a rejected link leaves the pages and the open data.",
    product: "ODOP product",
    gi: "Registered GI",
    basis: "Why it was suggested",
    decide: "Decision",
    confirm: "Confirm",
    reject: "Reject",
    none: "No suggestion waits: every link has been decided.",
    confirmed: "The link is confirmed.",
    rejected: "The link is rejected.",
    waiting: "{n} suggestions wait for a decision",
    serial: "No. {n}",
  },
  hi: {
    title: "पुष्टि हेतु जीआई लिंक",
    intro:
      "हर पंक्ति किसी ओडीओपी उत्पाद को पंजीकृत भौगोलिक संकेत (जीआई) से जोड़ती है क्योंकि उनके नाम मिलते हैं। जब तक प्रशासक किसी लिंक की पुष्टि न करे, उत्पाद के पृष्ठ पर लिखा रहता है कि यह अभी पुष्ट नहीं है; अस्वीकृत लिंक पृष्ठों और खुले डेटा से हट जाता है।",
    product: "ओडीओपी उत्पाद",
    gi: "पंजीकृत जीआई",
    basis: "सुझाव का आधार",
    decide: "निर्णय",
    confirm: "पुष्टि करें",
    reject: "अस्वीकार करें",
    none: "कोई सुझाव प्रतीक्षा में नहीं: हर लिंक पर निर्णय हो चुका है।",
    confirmed: "लिंक की पुष्टि हो गई।",
    rejected: "लिंक अस्वीकार हो गया।",
    waiting: "{n} सुझाव निर्णय की प्रतीक्षा में",
    serial: "क्रमांक {n}",
  },
} as const;

/** Why the matcher suggested a link (odop-rows.ts records it as a code), in words. */
const basisText: Record<string, { en: string; hi: string }> = {
  "gi_registry_match (name)": {
    en: "the product's name is the GI's registered name",
    hi: "उत्पाद का नाम जीआई का पंजीकृत नाम है",
  },
  "name covers GI name": {
    en: "the product's name contains the GI's name",
    hi: "उत्पाद के नाम में जीआई का नाम है",
  },
};

const text = (lang: Lang, key: keyof (typeof texts)["en"], vars: Record<string, string | number> = {}) =>
  texts[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));

const mayDecide = (actor: Actor | null) => grantFor(actor, ["national_admin"]) !== undefined;

/** For the administrator's worklist on the account page. */
export async function catalogActions(db: Db, actor: Actor, lang: Lang): Promise<AccountAction[]> {
  if (!mayDecide(actor)) return [];
  const total = await giSuggestionCount(db);
  return [
    {
      href: "/admin/gi-links",
      label: text(lang, "title"),
      waiting: total ? text(lang, "waiting", { n: total }) : text(lang, "none"),
      urgent: total > 0,
    },
  ];
}

/** The administrator's screen to confirm or reject the product–GI links suggested by name. */
export function giReviewPages(app: PersonalRoutes<AppEnv>, db: Db): void {
  app.get("/admin/gi-links", async (c) => {
    const actor = requireActor(c.get("actor"));
    if (!mayDecide(actor)) throw new AppError("forbidden", "Not allowed: confirm GI links");
    const ctx = contextOf(c);
    const lang = ctx.lang;
    const page = pageNumber(c.req.query("page"));
    const { rows, total } = await giSuggestions(db, page);
    const districts = new Map(
      (await getDistricts(db, [...new Set(rows.map((r) => r.districtLgdCode))])).map((d) => [d.lgdCode, d]),
    );
    const done = c.req.query("done");
    const csrf = csrfToken(c);
    return c.html(
      <Layout ctx={ctx} title={text(lang, "title")} description={text(lang, "intro")}>
        <h1>{text(lang, "title")}</h1>
        {(done === "confirmed" || done === "rejected") && <Notice kind="success">{text(lang, done)}</Notice>}
        <p>{text(lang, "intro")}</p>
        <p role="status">{total ? text(lang, "waiting", { n: total }) : ""}</p>
        <DataTable
          label={text(lang, "title")}
          rows={rows}
          empty={text(lang, "none")}
          columns={[
            {
              label: text(lang, "product"),
              cell: (r) => {
                const d = districts.get(r.districtLgdCode);
                return (
                  <>
                    <a href={hrefIn(`/products/${r.slug}`, lang)} lang="en">
                      {r.productName}
                    </a>
                    {d ? ` · ${lang === "hi" && d.nameHi ? d.nameHi : d.nameEn}` : ""}
                  </>
                );
              },
            },
            {
              label: text(lang, "gi"),
              cell: (r) => (
                <>
                  <a href={hrefIn(`/gi/${r.giId}`, lang)} lang="en">
                    {r.giName}
                  </a>{" "}
                  ({text(lang, "serial", { n: r.giSerial })}, {r.giClass}; {r.giStates.join(", ")})
                </>
              ),
            },
            { label: text(lang, "basis"), cell: (r) => basisText[r.basis]?.[lang] ?? r.basis },
            {
              label: text(lang, "decide"),
              cell: (r) => (
                <PostForm
                  action={hrefIn(`/admin/gi-links/${r.productId}/${r.giId}`, lang)}
                  csrf={csrf}
                  class="inline-decision"
                >
                  <button type="submit" name="decision" value="confirmed">
                    {text(lang, "confirm")}
                    <span class="sr-only"> {`${r.productName} – ${r.giName}`}</span>
                  </button>{" "}
                  <button type="submit" name="decision" value="rejected" class="secondary">
                    {text(lang, "reject")}
                    <span class="sr-only"> {`${r.productName} – ${r.giName}`}</span>
                  </button>
                </PostForm>
              ),
            },
          ]}
        />
        <Pager
          t={ctx.t}
          page={page}
          pages={Math.max(1, Math.ceil(total / giSuggestionPageSize))}
          href={pageHref("/admin/gi-links", c.req.query())}
        />
      </Layout>,
    );
  });

  app.post("/admin/gi-links/:product{[0-9]+}/:gi{[0-9]+}", async (c) => {
    const body = await c.req.parseBody();
    const decision = body.decision === "confirmed" || body.decision === "rejected" ? body.decision : null;
    if (!decision) throw new AppError("bad_request", "Choose confirm or reject", { field: "decision" });
    await decideGiLink(
      db,
      c.get("actor"),
      { productId: routeId(c, "product"), giId: routeId(c, "gi") },
      decision,
    );
    return c.redirect(hrefIn("/admin/gi-links", contextOf(c).lang, { done: decision }), 303);
  });
}
