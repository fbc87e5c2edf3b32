import type { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { meetingsCalendar } from "../../../platform/ical";
import { Fact } from "../../../web/fact";
import { FilterSelect } from "../../../web/filter-select";
import { formatNumber, formatRupees } from "../../../web/i18n";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Pager, pageHref } from "../../../web/pager";
import { productById, sectorTaxonomy } from "../../catalog";
import { listStates } from "../../geo";
import { eventKinds } from "../event-flow";
import { promotionText } from "../messages";
import {
  type EventRow,
  eventsPageSize,
  productsOfEvent,
  publicEvent,
  publicEvents,
  registrationCounts,
  rfqsFromMeetings,
  upcomingEvents,
} from "../queries/events";
import { eventFilters } from "../schemas";
import { EventWhen, eventTitle, organiserNames, wherePlace } from "./shared";

/** A calendar entry for an event: its page is where the details and registration are. */
const feedEntry = (e: EventRow, origin: string) => ({
  uid: `event-${e.id}@${new URL(origin).hostname}`,
  sequence: e.version,
  start: e.startsAt,
  end: e.endsAt,
  summary: e.titleEn,
  description: `${e.descriptionEn}\n\n${origin}/events/${e.id}`,
  // The link to join is for those registered (their registration page), never in a public feed.
  location: e.online ? "Online" : [e.venue, e.city, e.country].filter(Boolean).join(", "),
  url: `${origin}/events/${e.id}`,
});

const calendar = (body: string) =>
  new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8" } });

/** `/events` (upcoming and past, filtered), each event's public page, and their calendar files. Public and cached. */
export function eventPublicPages(app: Hono, db: Db): void {
  app.get("/events.ics", async (c) => {
    const origin = contextOf(c).origin;
    const rows = (await upcomingEvents(db)).filter((e) => !e.isDemo);
    return calendar(
      meetingsCalendar(
        rows.map((e) => feedEntry(e, origin)),
        { name: "ODOP Hub events" },
      ),
    );
  });
  app.get("/events/:id{[0-9]+}/calendar.ics", async (c) => {
    const e = await publicEvent(db, routeId(c));
    return calendar(meetingsCalendar([feedEntry(e, contextOf(c).origin)]));
  });

  app.get("/events", async (c) => {
    const ctx = contextOf(c);
    const t = promotionText(ctx.lang);
    const parsed = eventFilters.safeParse(
      Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== "")),
    );
    if (!parsed.success) throw new AppError("bad_request", "Invalid filter");
    const f = parsed.data;
    const [{ rows, total }, states, product] = await Promise.all([
      publicEvents(db, f),
      listStates(db),
      f.product ? productById(db, f.product) : Promise.resolve(null),
    ]);
    const organiser = await organiserNames(db, ctx.lang, rows);
    const filtered = Object.keys(c.req.query()).some((k) => !["lang", "page", "when"].includes(k));
    const tab = (when: "upcoming" | "past") => (
      <a href={hrefIn("/events", ctx.lang, { when })} aria-current={when === f.when ? "page" : undefined}>
        {t(when)}
      </a>
    );
    return c.html(
      <Layout
        ctx={ctx}
        title={t("eventsTitle")}
        description={t("eventsIntro")}
        crumbs={[{ href: "/", label: ctx.t("home") }]}
      >
        <h1>{t("eventsTitle")}</h1>
        <p>{t("eventsIntro")}</p>
        <nav class="tabs" aria-label={t("eventsTitle")}>
          {tab("upcoming")}
          {tab("past")}
        </nav>
        <p>
          <a href="/events.ics">{t("calendarFeed")}</a> ·{" "}
          <a href={hrefIn("/catalogues", ctx.lang)}>{t("cataloguesTitle")}</a>
        </p>
        <form method="get" action="/events" class="filters">
          {ctx.lang === "hi" && <input type="hidden" name="lang" value="hi" />}
          <input type="hidden" name="when" value={f.when} />
          <FilterSelect
            label={t("kind")}
            name="kind"
            all={t("all")}
            value={f.kind}
            options={eventKinds.map((k) => ({ value: k, label: t(`kind_${k}`) }))}
          />
          <FilterSelect
            label={t("state")}
            name="state"
            all={t("all")}
            value={f.state}
            options={states.map((s) => ({
              value: String(s.lgdCode),
              label: nameIn(ctx.lang, s.nameEn, s.nameHi),
            }))}
          />
          <FilterSelect
            label={t("online")}
            name="online"
            all={t("all")}
            value={f.online === undefined ? undefined : f.online ? "yes" : "no"}
            options={[
              { value: "yes", label: t("online") },
              { value: "no", label: t("where") },
            ]}
          />
          {f.product !== undefined && <input type="hidden" name="product" value={String(f.product)} />}
          <button type="submit">{t("filter")}</button>
        </form>
        {product && (
          <p>
            {t("products")}: <strong>{product.name}</strong>
          </p>
        )}
        <p>
          {t("eventCount", { n: formatNumber(total) })}
          {filtered && (
            <>
              {" · "}
              <a href={hrefIn("/events", ctx.lang, { when: f.when })}>{t("clearFilters")}</a>
            </>
          )}
        </p>
        {rows.length === 0 ? (
          <p>{f.when === "upcoming" ? t("noneUpcoming") : t("nonePast")}</p>
        ) : (
          <ul class="cards events">
            {rows.map((e) => (
              <li class="card">
                <h2>
                  <a href={hrefIn(`/events/${e.id}`, ctx.lang)}>{eventTitle(e, ctx.lang)}</a>
                </h2>
                <p>
                  {t(`kind_${e.kind}`)}
                  {e.state === "cancelled" && <span class="badge">{t("cancelledBadge")}</span>}
                  {e.isDemo && <span class="badge">{t("demo")}</span>}
                </p>
                <EventWhen e={e} lang={ctx.lang} />
                <p>
                  {wherePlace(e, ctx.lang)} · {organiser(e)}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager
          t={ctx.t}
          page={f.page}
          pages={Math.max(1, Math.ceil(total / eventsPageSize))}
          href={pageHref("/events", c.req.query())}
        />
      </Layout>,
    );
  });

  app.get("/events/:id{[0-9]+}", async (c) => {
    const ctx = contextOf(c);
    const t = promotionText(ctx.lang);
    const e = await publicEvent(db, routeId(c));
    const [products, counts, rfqs, organiser] = await Promise.all([
      productsOfEvent(db, e.id),
      registrationCounts(db, e.id),
      rfqsFromMeetings(db, e.id),
      organiserNames(db, ctx.lang, [e]),
    ]);
    const over = e.endsAt <= new Date();
    const open = e.state === "published" && e.startsAt > new Date();
    const title = eventTitle(e, ctx.lang);
    const description = nameIn(ctx.lang, e.descriptionEn, e.descriptionHi);
    return c.html(
      <Layout
        ctx={ctx}
        title={title}
        description={description.slice(0, 160)}
        crumbs={[
          { href: "/", label: ctx.t("home") },
          { href: "/events", label: t("eventsTitle") },
        ]}
      >
        <h1>{title}</h1>
        {e.isDemo && <p class="badge">{t("demoEvent")}</p>}
        {e.state === "cancelled" && <p class="notice error">{t("eventCancelled")}</p>}
        <dl class="facts">
          <Fact term={t("kind")}>{t(`kind_${e.kind}`)}</Fact>
          <Fact term={t("organiser")}>{organiser(e)}</Fact>
          <Fact term={t("when")}>
            <EventWhen e={e} lang={ctx.lang} />
          </Fact>
          <Fact term={t("where")}>{wherePlace(e, ctx.lang)}</Fact>
          {products.length > 0 && (
            <Fact term={t("products")}>
              {products.map((p, i) => (
                <>
                  {i > 0 && ", "}
                  <a href={hrefIn(`/products/${p.slug}`, ctx.lang)}>{p.name}</a>
                </>
              ))}
            </Fact>
          )}
          {e.sectorCodes.length > 0 && (
            <Fact term={t("sectors")}>
              {sectorTaxonomy
                .filter((s) => e.sectorCodes.includes(s.code))
                .map((s) => (ctx.lang === "hi" ? s.nameHi : s.nameEn))
                .join(", ")}
            </Fact>
          )}
          <Fact term={t("capacity")}>
            {e.capacity === null
              ? t("noLimit")
              : counts.confirmed >= e.capacity
                ? t("full")
                : t("placesLeft", { n: e.capacity - counts.confirmed, capacity: e.capacity })}
            {e.approvalRequired && ` · ${t("approvalRequired")}`}
          </Fact>
          {over && (
            <Fact term={t("outcomes")}>
              {[
                t("attendedCount", { n: formatNumber(counts.attended) }),
                ...(e.leads !== null ? [`${t("leads")}: ${formatNumber(e.leads)}`] : []),
                ...(e.lettersOfIntent !== null
                  ? [`${t("lettersOfIntent")}: ${formatNumber(e.lettersOfIntent)}`]
                  : []),
                ...(e.loiValueInr !== null
                  ? [`${t("loiValue")}: ${formatRupees(e.loiValueInr, ctx.lang)}`]
                  : []),
                ...(e.kind === "vbsm" ? [`${t("rfqsFromMeetings")}: ${formatNumber(rfqs)}`] : []),
              ].join(" · ")}
            </Fact>
          )}
        </dl>
        {description.split(/\n{2,}/).map((para) => (
          <p>{para}</p>
        ))}
        <p>
          {open && (
            <>
              <a class="button-link" href={hrefIn(`/events/${e.id}/register`, ctx.lang)}>
                {t("registerLink")}
              </a>{" "}
            </>
          )}
          <a href={`/events/${e.id}/calendar.ics`}>{t("addToCalendar")}</a>
        </p>
      </Layout>,
    );
  });
}
