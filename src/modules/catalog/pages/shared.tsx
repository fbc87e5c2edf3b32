import { TableScroll } from "../../../web/data-table";
import { formatDollars, formatNumber, formatRupees, type MessageKey } from "../../../web/i18n";
import { hrefIn, nameIn, type PageContext } from "../../../web/layout";
import { BarChart, type MapDrawing, MapSvg, Swatch } from "../../../web/map-svg";
import type { DistrictView } from "../../geo";
import { exportSectorName } from "../export-sectors";
import type { ProductView } from "../queries";
import { noProductColor, sectorTaxonomy, unassignedColor } from "../sectors";

export const positiveInt = (s: string) => (/^\d{1,9}$/.test(s) ? Number(s) : null);

export function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const i of items) m.set(key(i), [...(m.get(key(i)) ?? []), i]);
  return m;
}

export function sectorName(ctx: PageContext, p: Pick<ProductView, "sectorNameEn" | "sectorNameHi">): string {
  if (!p.sectorNameEn) return ctx.t("sectorUnassigned");
  return nameIn(ctx.lang, p.sectorNameEn, p.sectorNameHi);
}

const colorOf = new Map<string, string>(sectorTaxonomy.map((s) => [s.code, s.color]));
export const sectorColor = (code: string | null) =>
  code ? (colorOf.get(code) ?? unassignedColor) : unassignedColor;

/** Districts coloured by the sector of their first-ranked product, with a legend that counts them. */
export function SectorMap(props: {
  ctx: PageContext;
  map: MapDrawing;
  districts: Map<number, Pick<DistrictView, "nameEn" | "nameHi">>;
  products: Map<number, ProductView[]>;
  highlight?: number;
  class?: string;
  legend?: boolean;
}) {
  const { ctx, products, districts } = props;
  const first = (code: number) => products.get(code)?.[0];
  const counts = new Map<string, number>();
  for (const s of props.map.shapes) {
    const key = first(s.lgdCode)?.sectorCode ?? (products.has(s.lgdCode) ? "unassigned" : "none");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (
    <>
      <MapSvg
        map={props.map}
        class={props.class}
        highlight={props.highlight}
        href={(code) => hrefIn(`/districts/${code}`, ctx.lang)}
        fill={(code) => {
          const p = first(code);
          return p ? sectorColor(p.sectorCode) : noProductColor;
        }}
        label={(code) => {
          const d = districts.get(code);
          const name = d ? nameIn(ctx.lang, d.nameEn, d.nameHi) : String(code);
          const ps = products.get(code) ?? [];
          return ps.length ? `${name}: ${ps.map((p) => p.name).join(", ")}` : name;
        }}
      />
      {props.legend !== false && (
        <ul class="legend">
          {sectorTaxonomy
            .filter((s) => counts.has(s.code))
            .map((s) => (
              <li>
                <Swatch color={s.color} />
                {nameIn(ctx.lang, s.nameEn, s.nameHi)} ({counts.get(s.code)})
              </li>
            ))}
          {counts.has("unassigned") && (
            <li>
              <Swatch color={unassignedColor} />
              {ctx.t("sectorUnassigned")} ({counts.get("unassigned")})
            </li>
          )}
          {counts.has("none") && (
            <li>
              <Swatch color={noProductColor} />
              {ctx.t("noProduct")} ({counts.get("none")})
            </li>
          )}
        </ul>
      )}
    </>
  );
}

/** Exports by sector as a chart with the same figures in a table beside it, in ₹ (lakh/crore) and US$. */
export function ExportsBySector(props: {
  ctx: PageContext;
  id: string;
  /** The heading the table sits under, also the name of its scrolling region. */
  label: string;
  rows: { sector: string; usd: number; inr: number }[];
}) {
  const { ctx, rows } = props;
  const { t, lang } = ctx;
  if (rows.length === 0) return <p class="muted">{t("exportsNone")}</p>;
  const total = rows.reduce((s, r) => ({ usd: s.usd + r.usd, inr: s.inr + r.inr }), { usd: 0, inr: 0 });
  return (
    <div class="chart-and-table">
      <BarChart
        rows={rows.slice(0, 12).map((r) => ({
          label: exportSectorName(r.sector, lang),
          value: r.usd,
          text: formatDollars(r.usd, lang),
        }))}
      />
      <TableScroll label={props.label}>
        <table aria-labelledby={props.id}>
          <thead>
            <tr>
              <th scope="col">{t("exportSector")}</th>
              <th scope="col" class="num">
                {t("exportInr")}
              </th>
              <th scope="col" class="num">
                {t("exportUsd")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{exportSectorName(r.sector, lang)}</th>
                <td class="num">{formatRupees(r.inr, lang)}</td>
                <td class="num">{formatDollars(r.usd, lang)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("total")}</th>
              <td class="num">{formatRupees(total.inr, lang)}</td>
              <td class="num">{formatDollars(total.usd, lang)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <p class="muted small">
        {t("exportsSource")}{" "}
        {t("exportsExact", { inr: formatNumber(total.inr), usd: formatNumber(total.usd) })}
      </p>
    </div>
  );
}

export const giStatusText = (ctx: PageContext, status: string) => ctx.t(`giStatus_${status}` as MessageKey);

export const rankText = (ctx: PageContext, rank: string) => ctx.t(`rank_${rank}` as MessageKey);

/** The keyword rule that set a sector, as stored ('keyword "silk"'), in the reader's language. */
export function ruleText(ctx: PageContext, rule: string | null): string {
  const word = rule?.match(/^keyword "(.*)"$/)?.[1];
  return word === undefined ? (rule ?? "") : ctx.t("keywordRule", { word });
}

/**
 * A list of GI registrations, each with its register number and class and how sure the link is; `empty` when none.
 * `quiet`: only an unconfirmed suggestion is marked (the district page); otherwise every status is said (the product).
 */
export function GiList(props: {
  ctx: PageContext;
  gi: { id: number; name: string; listSerialNo: number; goodsCategory: string; status: string }[];
  empty: string;
  quiet?: boolean;
}) {
  const { ctx, gi } = props;
  const { t, lang } = ctx;
  if (gi.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul>
      {gi.map((g) => (
        <li>
          <a href={hrefIn(`/gi/${g.id}`, lang)} lang="en">
            {g.name}
          </a>{" "}
          ({t("giSerial", { n: g.listSerialNo })}, {g.goodsCategory})
          {props.quiet ? (
            g.status === "suggested" && <span class="muted"> — {giStatusText(ctx, g.status)}</span>
          ) : (
            <>
              {" "}
              — <strong>{giStatusText(ctx, g.status)}</strong>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
