import type { Db } from "../../../platform/db";
import { formatIndiaTime } from "../../../platform/india-time";
import { saveDocument } from "../../../platform/rendered-documents";
import { countryName } from "../../../web/countries";
import { formatNumber, type Lang } from "../../../web/i18n";
import { nameIn } from "../../../web/layout";
import { type PdfBlock, renderPdf } from "../../../web/pdf";
import { exportsBySector, giOfDistrict, liveRevision, productsOfDistricts } from "../../catalog";
import { getDistrict } from "../../geo";
import { planDocument } from "../documents";
import { fyRange } from "../mail";
import { planText } from "../messages";
import { partText } from "../parts-messages";
import { bottlenecksOfPlan, interventionsOfPlan, productsOfPlan, targetsOfPlan } from "../queries/parts";
import { type PlanView, planById } from "../queries/plans";
import { measureName, targetGrid } from "./parts-view";
import { planTitle } from "./profile";

const num = (n: number | null) => (n === null ? "–" : formatNumber(n, 2));

/** The whole plan as a printable document in one language: the same content as its public page. */
export async function planPdf(db: Db, p: PlanView, lang: Lang): Promise<Buffer> {
  const pt = planText(lang);
  const t = partText(lang);
  const d = await getDistrict(db, p.districtLgdCode);
  const place = d ? nameIn(lang, d.nameEn, d.nameHi) : "";
  const rev = await liveRevision(db);
  const [odop, gi, exports, products, targets, tree, bottlenecks] = await Promise.all([
    rev ? productsOfDistricts(db, rev.id, [p.districtLgdCode]) : [],
    rev ? giOfDistrict(db, rev.id, p.districtLgdCode) : [],
    exportsBySector(db, { districtLgdCode: p.districtLgdCode }),
    productsOfPlan(db, p.id),
    targetsOfPlan(db, p.id),
    interventionsOfPlan(db, p.id),
    bottlenecksOfPlan(db, p.id),
  ]);
  const years = Array.from({ length: p.toYear - p.fromYear + 1 }, (_, i) => p.fromYear + i);
  const fy = (y: number) => fyRange([y, y]).split(" – ")[0] ?? String(y);
  const title = planTitle(p, lang, place);
  const blocks: PdfBlock[] = [
    { kind: "title", text: title },
    {
      kind: "paragraph",
      text: `${pt("stateOf")}: ${pt(`state_${p.state}`)} · ${pt("version", { n: p.versionNo })}${
        p.adoptedAt ? ` · ${pt("adoptedBy", { date: formatIndiaTime(p.adoptedAt, lang, false) })}` : ""
      }`,
    },
    { kind: "small", text: t("lastUpdate", { date: formatIndiaTime(p.updatedAt, lang) }) },
    { kind: "heading", text: pt("profile") },
    { kind: "small", text: pt("profileNote") },
    { kind: "paragraph", text: `${pt("products")}: ${odop.map((x) => x.name).join(", ") || "–"}` },
    { kind: "paragraph", text: `${pt("gi")}: ${gi.map((g) => g.name).join(", ") || pt("noGi")}` },
    { kind: "paragraph", text: pt("exports") },
    {
      kind: "list",
      items: exports.slice(0, 12).map((e) => `${e.sector}: US$ ${formatNumber(e.usd / 1e6, 2)} million`),
    },
    { kind: "heading", text: pt("strategy") },
    ...p.strategy
      .split(/\n{2,}/)
      .filter((x) => x.trim())
      .map((text): PdfBlock => ({ kind: "paragraph", text })),
    { kind: "heading", text: t("covered") },
    ...(products.length
      ? products.flatMap((x): PdfBlock[] => [
          { kind: "paragraph", text: `${x.name} — ${t("hsHeadings")}: ${x.hsHeadings.join(", ")}` },
          {
            kind: "list",
            items: x.markets.map((m) => `${countryName(m.country, lang)} (${m.country}): ${m.why}`),
          },
        ])
      : [{ kind: "paragraph" as const, text: t("noCovered") }]),
    { kind: "heading", text: t("targets") },
    ...(targets.length
      ? targetGrid(targets, years).map(
          (g): PdfBlock => ({
            kind: "list",
            items: [
              measureName(lang, g.head),
              ...years.map(
                (y, i) =>
                  `${fy(y)}: ${t("target")} ${num(g.byYear[i]?.target ?? null)}, ${t("actual")} ${num(g.byYear[i]?.actual ?? null)}`,
              ),
            ],
          }),
        )
      : [{ kind: "paragraph" as const, text: t("noTargets") }]),
    { kind: "heading", text: t("interventions") },
    ...(tree.overall !== null
      ? [{ kind: "paragraph" as const, text: t("overall", { n: Math.round(tree.overall) }) }]
      : []),
    ...tree.nodes
      .filter((n) => n.parentId === null)
      .flatMap((n): PdfBlock[] => [
        {
          kind: "paragraph",
          text: `${n.title} — ${Math.round(n.rolled)}% · ${t("owner")}: ${n.owner} · ${n.startsOn} – ${n.endsOn}`,
        },
        {
          kind: "list",
          items: tree.nodes
            .filter((k) => k.parentId === n.id)
            .map(
              (k) =>
                `${k.title} — ${Math.round(k.rolled)}% (${t(`status_${k.status}`)}) · ${k.owner} · ${k.startsOn} – ${k.endsOn}`,
            ),
        },
      ]),
    ...(tree.nodes.length ? [] : [{ kind: "paragraph" as const, text: t("noInterventions") }]),
    { kind: "heading", text: t("bottlenecks") },
    ...(bottlenecks.length
      ? [
          {
            kind: "list" as const,
            items: bottlenecks.map(
              (b) =>
                `${b.description} — ${lang === "hi" ? b.categoryHi : b.categoryEn}, ${t(`severity_${b.severity}`)}; ${t("ownerAgency")}: ${b.ownerAgency}; ${t("dueDate")}: ${b.dueDate}; ${t(`bstate_${b.status}`)}`,
            ),
          },
        ]
      : [{ kind: "paragraph" as const, text: t("noBottlenecks") }]),
  ];
  return renderPdf({ title, lang, blocks, footer: `ODOP Hub · ${title}` });
}

/** The job: renders the plan's PDF in both languages and keeps each with the stamp of the data it was made from. */
export async function renderPlanPdfs(db: Db, payload: unknown): Promise<void> {
  const planId = Number((payload as { planId?: unknown })?.planId);
  const p = await planById(db, planId);
  if (!p) return; // nothing to render: the job is done
  const { key, stamp } = planDocument(p);
  for (const lang of ["en", "hi"] as const)
    await saveDocument(db, key, lang, stamp, await planPdf(db, p, lang));
}
