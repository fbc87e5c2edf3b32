import type { Db } from "../../../platform/db";
import { hrefIn, type PageContext } from "../../../web/layout";
import {
  ExportsBySector,
  exportsBySector,
  GiList,
  giOfDistrict,
  liveRevision,
  productsOfDistricts,
} from "../../catalog";
import { fyRange } from "../mail";
import { planText } from "../messages";
import type { PlanView } from "../queries/plans";

/** The plan's export profile, built from the platform's data when shown: exports by sector, ODOP products, GI goods. */
export async function PlanProfile(props: { db: Db; ctx: PageContext; districtLgdCode: number }) {
  const { db, ctx } = props;
  const pt = planText(ctx.lang);
  const rev = await liveRevision(db);
  const [exports, products, gi] = await Promise.all([
    exportsBySector(db, { districtLgdCode: props.districtLgdCode }),
    rev ? productsOfDistricts(db, rev.id, [props.districtLgdCode]) : [],
    rev ? giOfDistrict(db, rev.id, props.districtLgdCode) : [],
  ]);
  return (
    <section aria-labelledby="profile">
      <h2 id="profile">{pt("profile")}</h2>
      <p class="muted small">{pt("profileNote")}</p>
      <h3>{pt("products")}</h3>
      <ul>
        {products.map((p) => (
          <li>
            <a href={hrefIn(`/products/${p.slug}`, ctx.lang)} lang="en">
              {p.name}
            </a>
          </li>
        ))}
      </ul>
      <h3>{pt("gi")}</h3>
      <GiList ctx={ctx} gi={gi} empty={pt("noGi")} quiet />
      <h3 id="plan-exports">{pt("exports")}</h3>
      <ExportsBySector ctx={ctx} id="plan-exports" label={pt("exports")} rows={exports} />
    </section>
  );
}

/** The plan's title: the district and its financial years. */
export const planTitle = (
  p: Pick<PlanView, "fromYear" | "toYear">,
  lang: PageContext["lang"],
  place: string,
) => planText(lang)("planOf", { place, years: fyRange([p.fromYear, p.toYear]) });

/** The strategy as paragraphs. */
export const Paragraphs = (props: { text: string }) => (
  <>{props.text.split(/\n{2,}|\r\n\r\n/).map((para) => (para.trim() ? <p>{para}</p> : null))}</>
);
