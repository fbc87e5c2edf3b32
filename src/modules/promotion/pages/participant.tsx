import type { Context } from "hono";
import { z } from "zod";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { meetingsCalendar } from "../../../platform/ical";
import { amount, intId, isoDate, optionalText } from "../../../platform/ids";
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
  SelectField,
  TextArea,
  TextField,
} from "../../../web/forms";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { clockInZone, dayInZone, indiaZone, timeZoneOptions } from "../../../web/time-zones";
import { type AppEnv, mailContext, requireActor } from "../../accounts";
import { producersOwnedBy } from "../../producers";
import { buyerOf, publishedListingsOf, rfqRefusal } from "../../trade";
import { calendarEntry, meetDays, meetingRfq, rateMeeting, saveHours, saveWishes } from "../commands/meet";
import { register, withdraw } from "../commands/registrations";
import { promotionKey, promotionText } from "../messages";
import { can } from "../policy";
import { myRegistrations, publicEvent, registrationOf, waitlistPosition } from "../queries/events";
import { diaryOf, hoursOf, otherSide } from "../queries/meet";
import { dayHours, hoursInput, ratingInput, registerInput, versionInput } from "../schemas";
import { promotionRefusal } from "./refusal";
import { EventWhen, eventTitle } from "./shared";

type Ctx = Context<AppEnv>;
const keyOf = (lang: "en" | "hi") => promotionKey(promotionText(lang));

/** The signed-in person's own registration for an event, or a 404. */
async function ownRegistration(db: Db, c: Ctx) {
  const actor = requireActor(c.get("actor"));
  const e = await publicEvent(db, routeId(c));
  const r = await registrationOf(db, e.id, actor.userId);
  if (!r) throw new AppError("not_found", "No registration");
  return { actor, e, r };
}

/** Registering, withdrawing, one's events, and a meet's hours, wishes and diary. */
export function participantPages(app: PersonalRoutes<AppEnv>, db: Db) {
  app.get("/events/:id{[0-9]+}/register", async (c) =>
    c.html(await RegisterPage({ c, db, values: {}, errors: {} })),
  );
  app.post("/events/:id{[0-9]+}/register", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const form = await parseForm(c, registerInput, lang, keyOf(lang));
    if (!form.ok) return c.html(await RegisterPage({ c, db, ...form }), 400);
    try {
      await register(db, actor, routeId(c), form.data, mailContext(c));
    } catch (err) {
      const { errors, status } = promotionRefusal(err, lang);
      return c.html(await RegisterPage({ c, db, values: form.values, errors }), status);
    }
    return c.redirect(hrefIn(`/events/${routeId(c)}/register`, lang, { done: "registered" }), 303);
  });

  app.get("/events/:id{[0-9]+}/withdraw", async (c) => {
    const { e, r } = await ownRegistration(db, c);
    const ctx = contextOf(c);
    const t = promotionText(ctx.lang);
    const question = t("withdrawQuestion", { event: eventTitle(e, ctx.lang) });
    return c.html(
      <ConfirmPage
        ctx={ctx}
        csrf={csrfToken(c)}
        title={t("withdraw")}
        question={question}
        action={hrefIn(`/events/${e.id}/withdraw`, ctx.lang)}
        hidden={{ version: String(r.version) }}
        confirm={t("withdrawConfirm")}
        cancel={{ href: hrefIn(`/events/${e.id}/register`, ctx.lang), label: t("cancel") }}
      />,
    );
  });
  app.post("/events/:id{[0-9]+}/withdraw", async (c) => {
    const { actor, e, r } = await ownRegistration(db, c);
    const lang = contextOf(c).lang;
    const form = await parseForm(c, versionInput, lang);
    if (!form.ok) throw new AppError("bad_request", "Missing version");
    try {
      await withdraw(db, actor, r.id, form.data, mailContext(c));
    } catch (err) {
      const { errors, status } = promotionRefusal(err, lang);
      return c.html(await RegisterPage({ c, db, values: {}, errors }), status);
    }
    return c.redirect(hrefIn(`/events/${e.id}/register`, lang, { done: "withdrawn" }), 303);
  });

  app.get("/events/mine", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const t = promotionText(ctx.lang);
    const rows = await myRegistrations(db, actor.userId);
    const zone = actor.timeZone ?? indiaZone;
    return c.html(
      <Layout ctx={ctx} title={t("myEvents")} description={t("myEvents")}>
        <h1>{t("myEvents")}</h1>
        <DataTable
          label={t("myEvents")}
          rows={rows}
          empty={t("myEventsEmpty")}
          columns={[
            {
              label: t("eventsTitle"),
              cell: (r) => (
                <a href={hrefIn(`/events/${r.event.id}/register`, ctx.lang)}>
                  {eventTitle(r.event, ctx.lang)}
                </a>
              ),
            },
            {
              label: t("when"),
              cell: (r) =>
                `${dayInZone(r.event.startsAt, zone, ctx.lang)}, ${clockInZone(r.event.startsAt, zone, ctx.lang)}`,
            },
            { label: t("status"), cell: (r) => t(`rstate_${r.registration.state}`, { position: "" }) },
          ]}
        />
        <p>
          <a href={hrefIn("/events", ctx.lang)}>{t("eventsTitle")}</a>
        </p>
      </Layout>,
    );
  });

  app.get("/events/:id{[0-9]+}/hours", async (c) =>
    c.html(await HoursPage({ c, db, values: null, errors: {} })),
  );
  app.post("/events/:id{[0-9]+}/hours", async (c) => {
    const { actor, e, r } = await ownRegistration(db, c);
    const lang = contextOf(c).lang;
    const t = promotionText(lang);
    const values = formValues(await c.req.parseBody());
    const head = hoursInput.safeParse(values);
    const errors: FieldErrors = {};
    if (!head.success) errors.timeZone = t("timeZoneFormat");
    const days: { day: string; from: string; to: string }[] = [];
    for (const day of meetDays(e)) {
      const from = values[`from_${day}`] ?? "";
      const to = values[`to_${day}`] ?? "";
      if (!from && !to) continue;
      const parsed = dayHours.safeParse({ day, from, to });
      if (parsed.success) days.push(parsed.data);
      else errors[`from_${day}`] = keyOf(lang)(parsed.error.issues[0]?.message ?? "") ?? t("timeFormat");
    }
    if (Object.keys(errors).length || !head.success)
      return c.html(await HoursPage({ c, db, values, errors }), 400);
    try {
      await saveHours(db, actor, r.id, { ...head.data, days });
    } catch (err) {
      const refused = promotionRefusal(err, lang);
      return c.html(await HoursPage({ c, db, values, errors: refused.errors }), refused.status);
    }
    return c.redirect(hrefIn(`/events/${e.id}/hours`, lang, { done: "saved" }), 303);
  });

  app.get("/events/:id{[0-9]+}/wishes", async (c) =>
    c.html(await WishesPage({ c, db, values: null, errors: {} })),
  );
  app.post("/events/:id{[0-9]+}/wishes", async (c) => {
    const { actor, e, r } = await ownRegistration(db, c);
    const lang = contextOf(c).lang;
    const t = promotionText(lang);
    const values = formValues(await c.req.parseBody());
    const ranks = Object.entries(values)
      .filter(([k, v]) => k.startsWith("rank_") && v !== "")
      .map(([k, v]) => ({ id: Number(k.slice(5)), rank: Number(v) }));
    const version = intId.safeParse(values.version);
    if (new Set(ranks.map((x) => x.rank)).size !== ranks.length || !version.success)
      return c.html(await WishesPage({ c, db, values, errors: { _form: t("rankTwice") } }), 400);
    try {
      await saveWishes(db, actor, r.id, {
        ranked: ranks.sort((a, b) => a.rank - b.rank).map((x) => x.id),
        version: version.data,
      });
    } catch (err) {
      const refused = promotionRefusal(err, lang);
      return c.html(await WishesPage({ c, db, values, errors: refused.errors }), refused.status);
    }
    return c.redirect(hrefIn(`/events/${e.id}/wishes`, lang, { done: "saved" }), 303);
  });

  app.get("/events/:id{[0-9]+}/diary", async (c) => c.html(await DiaryPage({ c, db, form: null })));
  app.get("/events/:id{[0-9]+}/diary.ics", async (c) => {
    const { e, r } = await ownRegistration(db, c);
    const mail = mailContext(c);
    const rows = await diaryOf(db, r);
    return new Response(meetingsCalendar(rows.map((m) => calendarEntry(e, m, e.titleEn, m.other, mail))), {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'attachment; filename="meetings.ics"',
      },
    });
  });
  app.post("/events/:id{[0-9]+}/meetings/:meeting{[0-9]+}/rate", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const meetingId = routeId(c, "meeting");
    const form = await parseForm(c, ratingInput, lang, keyOf(lang));
    if (!form.ok) return c.html(await DiaryPage({ c, db, form: { meetingId, ...form } }), 400);
    try {
      await rateMeeting(db, actor, meetingId, form.data);
    } catch (err) {
      if (err instanceof AppError && (err.code === "not_found" || err.code === "forbidden")) throw err;
      const { errors, status } = promotionRefusal(err, lang);
      return c.html(await DiaryPage({ c, db, form: { meetingId, values: form.values, errors } }), status);
    }
    return c.redirect(hrefIn(`/events/${routeId(c)}/diary`, lang, { done: "rated" }), 303);
  });
  app.post("/events/:id{[0-9]+}/meetings/:meeting{[0-9]+}/rfq", async (c) => {
    const { actor, e, r } = await ownRegistration(db, c);
    const lang = contextOf(c).lang;
    const meetingId = routeId(c, "meeting");
    const form = await parseForm(c, meetingRfqInput, lang, keyOf(lang));
    if (!form.ok) return c.html(await DiaryPage({ c, db, form: { meetingId, ...form } }), 400);
    const meeting = (await diaryOf(db, r)).find((m) => m.id === meetingId);
    const offered = meeting?.otherProducerId ? await publishedListingsOf(db, meeting.otherProducerId) : [];
    const chosen = offered.find((l) => l.id === form.data.listingId);
    try {
      await meetingRfq(
        db,
        actor,
        meetingId,
        {
          listingId: form.data.listingId,
          subject: `${chosen?.titleEn ?? chosen?.titleHi ?? ""} · ${e.titleEn}`.slice(0, 200),
          details: form.data.details,
          quantity: form.data.quantity,
          unit: chosen?.unit ?? "piece",
          incoterm: "FOB",
          neededBy: form.data.neededBy,
          openDays: 14,
        },
        mailContext(c),
      );
    } catch (err) {
      if (err instanceof AppError && (err.code === "not_found" || err.code === "forbidden")) throw err;
      const { errors, status } =
        err instanceof AppError && err.details.reason === "has_rfq"
          ? promotionRefusal(err, lang)
          : rfqRefusal(err, lang);
      return c.html(await DiaryPage({ c, db, form: { meetingId, values: form.values, errors } }), status);
    }
    return c.redirect(hrefIn(`/events/${e.id}/diary`, lang, { done: "rfq" }), 303);
  });
}

/** The buyer's one-step RFQ from a meeting: which listing, how much, by when, anything to add. */
const meetingRfqInput = z.object({
  listingId: intId,
  quantity: amount,
  neededBy: isoDate,
  details: optionalText(2000),
});

type FormState = { values: FormValues; errors: FieldErrors };

async function RegisterPage(props: { c: Ctx; db: Db } & FormState) {
  const { c, db } = props;
  const actor = requireActor(c.get("actor"));
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const e = await publicEvent(db, routeId(c));
  const [r, producers, buyer] = await Promise.all([
    registrationOf(db, e.id, actor.userId),
    producersOwnedBy(db, actor.userId),
    buyerOf(db, actor.userId),
  ]);
  const sides = [
    ...(producers.some((p) => p.status === "verified") ? (["producer"] as const) : []),
    ...(buyer ? (["buyer"] as const) : []),
  ];
  const title = eventTitle(e, ctx.lang);
  const active = r && ["pending", "confirmed", "waitlisted"].includes(r.state);
  const position = r?.state === "waitlisted" ? await waitlistPosition(db, r) : 0;
  const open = e.state === "published" && e.startsAt > new Date();
  const done = c.req.query("done");
  const field = { values: props.values, errors: props.errors, lang: ctx.lang };
  return (
    <Layout
      ctx={ctx}
      title={t("registerTitle", { event: title })}
      description={t("registerIntro")}
      crumbs={[
        { href: "/events", label: t("eventsTitle") },
        { href: `/events/${e.id}`, label: title },
      ]}
    >
      <h1>{t("registerTitle", { event: title })}</h1>
      {done === "registered" && r && (
        <Notice kind="success">
          {t("registeredNotice", { state: t(`rstate_${r.state}`, { position }) })}
        </Notice>
      )}
      {done === "withdrawn" && <Notice kind="success">{t("withdrawnNotice")}</Notice>}
      {props.errors._form && <Notice kind="error">{props.errors._form}</Notice>}
      <EventWhen e={e} lang={ctx.lang} zone={r?.timeZone ?? actor.timeZone} />
      {r && (
        <>
          <h2>{t("yourRegistration")}</h2>
          <p>
            <strong>{t(`rstate_${r.state}`, { position })}</strong> · {t(`side_${r.side}`)}
          </p>
          {r.state === "confirmed" && e.online && e.kind !== "vbsm" && e.joinUrl && (
            <p>
              {t("joinLink")}: <a href={e.joinUrl}>{e.joinUrl}</a>
            </p>
          )}
          {r.state === "confirmed" && e.kind === "vbsm" && (
            <ul>
              <li>
                <a href={hrefIn(`/events/${e.id}/hours`, ctx.lang)}>{t("meetHoursLink")}</a>
              </li>
              <li>
                <a href={hrefIn(`/events/${e.id}/wishes`, ctx.lang)}>{t("meetWishesLink")}</a>
              </li>
              <li>
                <a href={hrefIn(`/events/${e.id}/diary`, ctx.lang)}>{t("diaryLink")}</a>
              </li>
            </ul>
          )}
          {active && e.endsAt > new Date() && (
            <p>
              <a href={hrefIn(`/events/${e.id}/withdraw`, ctx.lang)}>{t("withdraw")}</a>
            </p>
          )}
        </>
      )}
      {!active &&
        (!open ? (
          <p>{e.state === "cancelled" ? t("eventCancelled") : t("closed")}</p>
        ) : sides.length === 0 ? (
          <p>{t("noProfile")}</p>
        ) : (
          <>
            <p>{t("registerIntro")}</p>
            <ErrorSummary
              lang={ctx.lang}
              errors={props.errors}
              labels={{ side: t("registerAs"), note: t("note") }}
            />
            <PostForm action={hrefIn(`/events/${e.id}/register`, ctx.lang)} csrf={csrfToken(c)}>
              {sides.length > 1 ? (
                <SelectField
                  {...field}
                  name="side"
                  label={t("registerAs")}
                  options={sides.map((s) => ({ value: s, label: t(`side_${s}`) }))}
                />
              ) : (
                <input type="hidden" name="side" value={sides[0]} />
              )}
              <TextArea {...field} name="note" label={t("note")} optional maxLength={1000} />
              <button type="submit">{t("register")}</button>
            </PostForm>
          </>
        ))}
      <p>
        <a href={hrefIn(`/events/${e.id}`, ctx.lang)}>{title}</a>
      </p>
    </Layout>
  );
}

/** A meet participant's own confirmed registration, or a 404 (the pages of a meet are theirs alone). */
async function meetRegistration(db: Db, c: Ctx) {
  const { actor, e, r } = await ownRegistration(db, c);
  if (e.kind !== "vbsm" || r.state !== "confirmed" || !can(actor, "registration:own", r))
    throw new AppError("not_found", "No place at this meet");
  return { actor, e, r };
}

async function HoursPage(props: { c: Ctx; db: Db; values: FormValues | null; errors: FieldErrors }) {
  const { c, db } = props;
  const { actor, e, r } = await meetRegistration(db, c);
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const saved = await hoursOf(db, r.id);
  const values: FormValues = props.values ?? {
    timeZone: r.timeZone ?? actor.timeZone ?? indiaZone,
    version: String(r.version),
    ...Object.fromEntries(
      saved.flatMap((h) => [
        [`from_${h.day}`, h.fromTime],
        [`to_${h.day}`, h.toTime],
      ]),
    ),
  };
  const title = t("hoursTitle", { event: eventTitle(e, ctx.lang) });
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("hoursIntro")}
      crumbs={[{ href: `/events/${e.id}/register`, label: eventTitle(e, ctx.lang) }]}
    >
      <h1>{title}</h1>
      {c.req.query("done") === "saved" && <Notice kind="success">{t("hoursSaved")}</Notice>}
      {props.errors._form && <Notice kind="error">{props.errors._form}</Notice>}
      <p>{t("hoursIntro")}</p>
      <ErrorSummary lang={ctx.lang} errors={props.errors} labels={{ timeZone: t("timeZone") }} />
      <PostForm action={hrefIn(`/events/${e.id}/hours`, ctx.lang)} csrf={csrfToken(c)}>
        <input type="hidden" name="version" value={values.version ?? String(r.version)} />
        <SelectField
          values={values}
          errors={props.errors}
          lang={ctx.lang}
          name="timeZone"
          label={t("timeZone")}
          options={timeZoneOptions()}
        />
        <fieldset>
          <legend>{t("day")}</legend>
          {meetDays(e).map((day) => (
            <div class="row" id={`day-${day}`}>
              <p>
                <strong>{dayInZone(new Date(`${day}T12:00:00Z`), "UTC", ctx.lang)}</strong>
              </p>
              <TextField
                values={values}
                errors={props.errors}
                lang={ctx.lang}
                name={`from_${day}`}
                label={t("from")}
                optional
                type="time"
              />
              <TextField
                values={values}
                errors={props.errors}
                lang={ctx.lang}
                name={`to_${day}`}
                label={t("to")}
                optional
                type="time"
              />
            </div>
          ))}
        </fieldset>
        <button type="submit">{t("save")}</button>
      </PostForm>
    </Layout>
  );
}

async function WishesPage(props: { c: Ctx; db: Db; values: FormValues | null; errors: FieldErrors }) {
  const { c, db } = props;
  const { e, r } = await meetRegistration(db, c);
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const others = await otherSide(db, r);
  const values: FormValues =
    props.values ??
    Object.fromEntries(others.filter((o) => o.rank).map((o) => [`rank_${o.id}`, String(o.rank)]));
  const ranks = Array.from({ length: Math.min(10, others.length) }, (_, i) => ({
    value: String(i + 1),
    label: String(i + 1),
  }));
  const title = t("wishesTitle");
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("wishesIntro", { others: t(`others_${r.side}`) })}
      crumbs={[{ href: `/events/${e.id}/register`, label: eventTitle(e, ctx.lang) }]}
    >
      <h1>{title}</h1>
      {c.req.query("done") === "saved" && <Notice kind="success">{t("wishesSaved")}</Notice>}
      {props.errors._form && <Notice kind="error">{props.errors._form}</Notice>}
      <p>{t("wishesIntro", { others: t(`others_${r.side}`) })}</p>
      {others.length === 0 ? (
        <p>{t("noneOtherSide")}</p>
      ) : (
        <PostForm action={hrefIn(`/events/${e.id}/wishes`, ctx.lang)} csrf={csrfToken(c)}>
          <input type="hidden" name="version" value={String(r.version)} />
          {others.map((o) => (
            <SelectField
              values={values}
              errors={props.errors}
              lang={ctx.lang}
              name={`rank_${o.id}`}
              label={o.name}
              optional
              blank={t("noRank")}
              options={ranks}
            />
          ))}
          <button type="submit">{t("save")}</button>
        </PostForm>
      )}
    </Layout>
  );
}

async function DiaryPage(props: { c: Ctx; db: Db; form: ({ meetingId: number } & FormState) | null }) {
  const { c, db } = props;
  const { actor, e, r } = await meetRegistration(db, c);
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const zone = r.timeZone ?? actor.timeZone ?? indiaZone;
  const rows = await diaryOf(db, r);
  const listings = new Map(
    await Promise.all(
      [...new Set(rows.flatMap((m) => (m.otherProducerId ? [m.otherProducerId] : [])))].map(
        async (id) => [id, await publishedListingsOf(db, id)] as const,
      ),
    ),
  );
  const title = t("diaryTitle", { event: eventTitle(e, ctx.lang) });
  const done = c.req.query("done");
  const formOf = (id: number): FormState =>
    props.form?.meetingId === id ? props.form : { values: {}, errors: {} };
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("diaryIntro", { zone })}
      crumbs={[{ href: `/events/${e.id}/register`, label: eventTitle(e, ctx.lang) }]}
    >
      <h1>{title}</h1>
      {done === "rated" && <Notice kind="success">{t("ratedNotice")}</Notice>}
      {done === "rfq" && <Notice kind="success">{t("rfqMade")}</Notice>}
      <p>{t("diaryIntro", { zone })}</p>
      {rows.length === 0 ? (
        <p>{t("diaryEmpty")}</p>
      ) : (
        <>
          <p>
            <a href={`/events/${e.id}/diary.ics`}>{t("ics")}</a>
          </p>
          <ol class="plain diary">
            {rows.map((m) => {
              const begun = m.startsAt <= new Date();
              const f = formOf(m.id);
              const field = { values: f.values, errors: f.errors, lang: ctx.lang };
              const offered = m.otherProducerId ? (listings.get(m.otherProducerId) ?? []) : [];
              return (
                <li class="card" id={`meeting-${m.id}`}>
                  <h2>
                    <span class="when" data-meeting-start={m.startsAt.toISOString()}>
                      {dayInZone(m.startsAt, zone, ctx.lang)}, {clockInZone(m.startsAt, zone, ctx.lang)}
                    </span>{" "}
                    · {m.other}
                  </h2>
                  <p>
                    {t("room")} {m.room} · <a href={m.videoUrl}>{t("join")}</a>
                  </p>
                  {f.errors._form && <Notice kind="error">{f.errors._form}</Notice>}
                  {!begun ? (
                    <p class="muted">{t("notYet")}</p>
                  ) : m.myRating ? (
                    <p>{t("rated", { stars: m.myRating.stars })}</p>
                  ) : (
                    <PostForm
                      action={hrefIn(`/events/${e.id}/meetings/${m.id}/rate`, ctx.lang)}
                      csrf={csrfToken(c)}
                    >
                      <SelectField
                        {...field}
                        name="stars"
                        label={t("stars")}
                        blank=""
                        options={[5, 4, 3, 2, 1].map((s) => ({ value: String(s), label: String(s) }))}
                      />
                      <TextArea {...field} name="comment" label={t("comment")} optional maxLength={1000} />
                      <button type="submit">{t("rate")}</button>
                    </PostForm>
                  )}
                  {begun &&
                    r.side === "buyer" &&
                    (m.rfqId ? (
                      <p>
                        {t("rfqMade")} <a href={hrefIn(`/rfqs/${m.rfqId}`, ctx.lang)}>{t("seeRfq")}</a>
                      </p>
                    ) : offered.length === 0 ? (
                      <p>{t("noListing")}</p>
                    ) : (
                      <details open={props.form?.meetingId === m.id}>
                        <summary>{t("requestQuote")}</summary>
                        <PostForm
                          action={hrefIn(`/events/${e.id}/meetings/${m.id}/rfq`, ctx.lang)}
                          csrf={csrfToken(c)}
                        >
                          <SelectField
                            {...field}
                            name="listingId"
                            label={t("listing")}
                            options={offered.map((l) => ({
                              value: String(l.id),
                              label: nameIn(ctx.lang, l.titleEn ?? l.titleHi ?? "", l.titleHi),
                            }))}
                          />
                          <TextField {...field} name="quantity" label={t("quantity")} inputmode="decimal" />
                          <TextField {...field} name="neededBy" type="date" label={t("neededBy")} />
                          <TextArea
                            {...field}
                            name="details"
                            label={t("comment")}
                            optional
                            maxLength={2000}
                          />
                          <button type="submit">{t("requestQuote")}</button>
                        </PostForm>
                      </details>
                    ))}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </Layout>
  );
}
