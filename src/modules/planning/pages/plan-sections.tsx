import type { Db } from "../../../platform/db";
import { hrefIn, type PageContext } from "../../../web/layout";
import { partText } from "../parts-messages";
import {
  bottlenecksOfPlan,
  interventionsOfPlan,
  productsOfPlan,
  publicBottleneckEvents,
  targetsOfPlan,
} from "../queries/parts";
import type { PlanView } from "../queries/plans";
import { BottleneckTable, CoveredProducts, InterventionTree, TargetsView } from "./parts-view";

/**
 * A plan's parts, in the order the programme writes them: products and markets, targets and actuals, interventions,
 * bottlenecks. For its officers (`manage`) each part links to where it is changed; for the public, none does.
 */
export async function PlanSections(props: {
  db: Db;
  ctx: PageContext;
  p: PlanView;
  manage?: { writer: boolean; escalateAfterDays: number };
}) {
  const { db, ctx, p, manage } = props;
  const t = partText(ctx.lang);
  const [products, targets, tree, bottlenecks, history] = await Promise.all([
    productsOfPlan(db, p.id),
    targetsOfPlan(db, p.id),
    interventionsOfPlan(db, p.id),
    bottlenecksOfPlan(db, p.id),
    manage ? undefined : publicBottleneckEvents(db, p.id),
  ]);
  const writer = manage?.writer ?? false;
  const draft = p.state === "draft";
  const current = p.state !== "superseded";
  const years = Array.from({ length: p.toYear - p.fromYear + 1 }, (_, i) => p.fromYear + i);
  const link = (path: string, label: string) => (
    <p>
      <a href={hrefIn(path, ctx.lang)} class="button-link">
        {label}
      </a>
    </p>
  );
  const open = bottlenecks.filter((b) => b.status !== "resolved").length;
  return (
    <>
      <section aria-labelledby="covered">
        <h2 id="covered">{t("covered")}</h2>
        <p class="muted small">{t("coveredIntro")}</p>
        <CoveredProducts
          lang={ctx.lang}
          rows={products}
          remove={
            writer && draft
              ? (i) => hrefIn(`/export-plans/${p.id}/products/${products[i]?.id}/remove`, ctx.lang)
              : undefined
          }
        />
        {writer && draft && link(`/export-plans/${p.id}/products/new`, t("addProduct"))}
      </section>
      <section aria-labelledby="targets">
        <h2 id="targets">{t("targets")}</h2>
        <TargetsView lang={ctx.lang} rows={targets} years={years} />
        {writer &&
          (draft || p.state === "adopted" || p.state === "in_implementation") &&
          link(`/export-plans/${p.id}/targets`, draft ? t("saveTargets") : t("saveActuals"))}
      </section>
      <section aria-labelledby="interventions">
        <h2 id="interventions">{t("interventions")}</h2>
        <p class="muted small">{t("interventionsIntro")}</p>
        <InterventionTree
          lang={ctx.lang}
          nodes={tree.nodes}
          overall={tree.overall}
          href={manage ? (id) => hrefIn(`/interventions/${id}`, ctx.lang) : undefined}
        />
        {writer && current && link(`/export-plans/${p.id}/interventions/new`, t("addIntervention"))}
      </section>
      <section aria-labelledby="bottlenecks">
        <h2 id="bottlenecks">{t("bottlenecks")}</h2>
        <p>
          {t("openCount", { n: open })} · {t("resolvedCount", { n: bottlenecks.length - open })}
        </p>
        {manage && <p class="muted small">{t("bottlenecksIntro", { days: manage.escalateAfterDays })}</p>}
        <BottleneckTable
          lang={ctx.lang}
          rows={bottlenecks}
          href={manage ? (id) => hrefIn(`/bottlenecks/${id}`, ctx.lang) : undefined}
          history={history}
        />
        {writer && current && link(`/export-plans/${p.id}/bottlenecks/new`, t("newBottleneck"))}
      </section>
    </>
  );
}
