import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
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
import { formatNumber } from "../../../web/i18n";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import { pageNumber } from "../../../web/pager";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { formatInZone, localParts } from "../../../web/time-zones";
import { type AppEnv, formatWhen, mailContext, requireActor } from "../../accounts";
import { createEvent, recordOutcomes, stepEvent, updateEvent } from "../commands/events";
import { moveMeeting, requestMatching } from "../commands/meet";
import { decideRegistration, markAttendance } from "../commands/registrations";
import { promotionKey, promotionText } from "../messages";
import { mayOrganise } from "../policy";
import {
  eventsToManage,
  eventToManage,
  productsOfEvent,
  registrationCounts,
  registrationsOfEvent,
  rfqsFromMeetings,
} from "../queries/events";
import { meetingOf, scheduleOf } from "../queries/meet";
import { eventInput, moveInput, outcomesInput, reasonInput, versionInput } from "../schemas";
import { EventFields, eventValues, organiserOptions, productChoices } from "./event-form";
import { promotionRefusal } from "./refusal";
import { eventTitle, organiserNames } from "./shared";

type Ctx = Context<AppEnv>;
type FormState = { values: FormValues; errors: FieldErrors };
const keyOf = (lang: "en" | "hi") => promotionKey(promotionText(lang));

/** The links of an event's management pages, shown on each of them. */
function ManageNav(props: { c: Ctx; e: { id: number; kind: string } }) {
  const ctx = contextOf(props.c);
  const t = promotionText(ctx.lang);
  const links = [
    [`/events/${props.e.id}/edit`, t("editEvent")],
    [`/events/${props.e.id}/registrations`, t("registrations")],
    [`/events/${props.e.id}/check-in`, t("checkIn")],
    [`/events/${props.e.id}/attendance`, t("attendance")],
    [`/events/${props.e.id}/outcomes`, t("outcomes")],
    ...(props.e.kind === "vbsm" ? [[`/events/${props.e.id}/schedule`, t("meetings")]] : []),
  ];
  return (
    <nav class="tabs" aria-label={t("manage")}>
      {links.map(([href, label]) => (
        <a
          href={hrefIn(href as string, ctx.lang)}
          aria-current={props.c.req.path === href ? "page" : undefined}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}

/** Organisers' pages: their events, the form, publishing and cancelling, registrations, the door, outcomes, a meet's schedule. */
export function organiserPages(app: PersonalRoutes<AppEnv>, db: Db) {
  app.get("/events/manage", async (c) => {
    const actor = requireActor(c.get("actor"));
    if (!mayOrganise(actor)) throw new AppError("forbidden", "Not allowed: organise events");
    const ctx = contextOf(c);
    const t = promotionText(ctx.lang);
    const page = pageNumber(c.req.query("page"));
    const { rows, more } = await eventsToManage(db, actor, page);
    return c.html(
      <Layout ctx={ctx} title={t("manageEvents")} description={t("manageEvents")}>
        <h1>{t("manageEvents")}</h1>
        <p>
          <a class="button-link" href={hrefIn("/events/new", ctx.lang)}>
            {t("newEvent")}
          </a>
        </p>
        <DataTable
          label={t("manageEvents")}
          rows={rows}
          empty={t("manageEmpty")}
          columns={[
            {
              label: t("eventsTitle"),
              cell: (e) => <a href={hrefIn(`/events/${e.id}/edit`, ctx.lang)}>{eventTitle(e, ctx.lang)}</a>,
            },
            { label: t("kind"), cell: (e) => t(`kind_${e.kind}`) },
            { label: t("when"), cell: (e) => formatInZone(e.startsAt, e.timeZone, ctx.lang) },
            { label: t("status"), cell: (e) => t(`estate_${e.state}`) },
          ]}
        />
        {(page > 1 || more) && (
          <p>
            {page > 1 && <a href={hrefIn("/events/manage", ctx.lang, { page: String(page - 1) })}>←</a>}{" "}
            {more && <a href={hrefIn("/events/manage", ctx.lang, { page: String(page + 1) })}>→</a>}
          </p>
        )}
      </Layout>,
    );
  });

  app.get("/events/new", async (c) => {
    const actor = requireActor(c.get("actor"));
    if (!mayOrganise(actor)) throw new AppError("forbidden", "Not allowed: organise events");
    return c.html(
      await EventFormPage({
        c,
        db,
        id: null,
        values: { timeZone: "Asia/Kolkata", country: "IN" },
        errors: {},
      }),
    );
  });
  app.post("/events/new", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const form = await parseForm(c, eventInput, lang, keyOf(lang));
    if (!form.ok) return c.html(await EventFormPage({ c, db, id: null, ...form }), 400);
    let id: number;
    try {
      id = await createEvent(db, actor, form.data);
    } catch (err) {
      if (err instanceof AppError && err.code === "forbidden") throw err;
      const { errors, status } = promotionRefusal(err, lang);
      return c.html(await EventFormPage({ c, db, id: null, values: form.values, errors }), status);
    }
    return c.redirect(hrefIn(`/events/${id}/edit`, lang, { done: "saved" }), 303);
  });

  app.get("/events/:id{[0-9]+}/edit", async (c) => {
    const e = await eventToManage(db, requireActor(c.get("actor")), routeId(c));
    const products = await productsOfEvent(db, e.id);
    return c.html(
      await EventFormPage({
        c,
        db,
        id: e.id,
        values: eventValues(
          e,
          products.map((p) => p.id),
        ),
        errors: {},
      }),
    );
  });
  app.post("/events/:id{[0-9]+}/edit", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c);
    await eventToManage(db, actor, id);
    const form = await parseForm(c, eventInput, lang, keyOf(lang));
    const version = versionInput.safeParse(form.values);
    if (!form.ok || !version.success)
      return c.html(
        await EventFormPage({ c, db, id, values: form.values, errors: form.ok ? {} : form.errors }),
        400,
      );
    try {
      await updateEvent(db, actor, id, { ...form.data, version: version.data.version }, mailContext(c));
    } catch (err) {
      if (err instanceof AppError && err.code === "forbidden") throw err;
      const { errors, status } = promotionRefusal(err, lang);
      return c.html(await EventFormPage({ c, db, id, values: form.values, errors }), status);
    }
    return c.redirect(hrefIn(`/events/${id}/edit`, lang, { done: "saved" }), 303);
  });

  // Publishing and cancelling are asked for on their own page first: a link never changes anything.
  for (const step of ["publish", "cancel"] as const) {
    app.get(`/events/:id{[0-9]+}/${step}`, async (c) => {
      const e = await eventToManage(db, requireActor(c.get("actor")), routeId(c));
      return c.html(<StepPage c={c} e={e} step={step} state={{ values: {}, errors: {} }} />);
    });
    app.post(`/events/:id{[0-9]+}/${step}`, async (c) => {
      const actor = requireActor(c.get("actor"));
      const lang = contextOf(c).lang;
      const e = await eventToManage(db, actor, routeId(c));
      const body = formValues(await c.req.parseBody());
      const version = versionInput.safeParse(body);
      const reason = step === "cancel" ? reasonInput.safeParse(body) : null;
      if (!version.success) throw new AppError("bad_request", "Missing version");
      if (reason && !reason.success)
        return c.html(
          <StepPage
            c={c}
            e={e}
            step={step}
            state={{ values: body, errors: { reason: promotionText(lang)("reasonRequired") } }}
          />,
          400,
        );
      try {
        await stepEvent(
          db,
          actor,
          e.id,
          step,
          { version: version.data.version, reason: reason?.data?.reason },
          mailContext(c),
        );
      } catch (err) {
        const { errors, status } = promotionRefusal(err, lang);
        return c.html(<StepPage c={c} e={e} step={step} state={{ values: body, errors }} />, status);
      }
      return c.redirect(hrefIn(`/events/${e.id}/edit`, lang, { done: step }), 303);
    });
  }

  app.get("/events/:id{[0-9]+}/registrations", async (c) =>
    c.html(await RegistrationsPage({ c, db, error: null })),
  );
  app.post("/events/:id{[0-9]+}/registrations/:reg{[0-9]+}/:decision{approve|refuse}", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const e = await eventToManage(db, actor, routeId(c));
    const version = versionInput.safeParse(formValues(await c.req.parseBody()));
    if (!version.success) throw new AppError("bad_request", "Missing version");
    try {
      await decideRegistration(
        db,
        actor,
        routeId(c, "reg"),
        c.req.param("decision") as "approve" | "refuse",
        version.data,
        mailContext(c),
      );
    } catch (err) {
      const { errors, status } = promotionRefusal(err, lang);
      return c.html(await RegistrationsPage({ c, db, error: errors._form ?? null }), status);
    }
    return c.redirect(hrefIn(`/events/${e.id}/registrations`, lang), 303);
  });

  app.get("/events/:id{[0-9]+}/check-in", async (c) => c.html(await CheckInPage({ c, db })));
  app.post("/events/:id{[0-9]+}/check-in/:reg{[0-9]+}", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const body = formValues(await c.req.parseBody());
    await markAttendance(db, actor, routeId(c), [
      { registrationId: routeId(c, "reg"), attended: body.attended === "on" },
    ]);
    return c.redirect(hrefIn(`/events/${routeId(c)}/check-in`, lang, body.q ? { q: body.q } : {}), 303);
  });

  app.get("/events/:id{[0-9]+}/attendance", async (c) => c.html(await AttendancePage({ c, db })));
  app.post("/events/:id{[0-9]+}/attendance", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const e = await eventToManage(db, actor, routeId(c));
    const body = formValues(await c.req.parseBody());
    const confirmed = (await registrationsOfEvent(db, e.id)).filter((r) => r.state === "confirmed");
    const n = await markAttendance(
      db,
      actor,
      e.id,
      confirmed.map((r) => ({ registrationId: r.id, attended: body[`attended_${r.id}`] === "on" })),
    );
    return c.redirect(hrefIn(`/events/${e.id}/attendance`, lang, { done: String(n) }), 303);
  });

  app.get("/events/:id{[0-9]+}/outcomes", async (c) => c.html(await OutcomesPage({ c, db, state: null })));
  app.post("/events/:id{[0-9]+}/outcomes", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c);
    await eventToManage(db, actor, id);
    const form = await parseForm(c, outcomesInput, lang, keyOf(lang));
    if (!form.ok) return c.html(await OutcomesPage({ c, db, state: form }), 400);
    try {
      await recordOutcomes(db, actor, id, form.data);
    } catch (err) {
      const { errors, status } = promotionRefusal(err, lang);
      return c.html(await OutcomesPage({ c, db, state: { values: form.values, errors } }), status);
    }
    return c.redirect(hrefIn(`/events/${id}/outcomes`, lang, { done: "saved" }), 303);
  });

  app.get("/events/:id{[0-9]+}/schedule", async (c) => c.html(await SchedulePage({ c, db, error: null })));
  app.post("/events/:id{[0-9]+}/match", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c);
    const version = versionInput.safeParse(formValues(await c.req.parseBody()));
    if (!version.success) throw new AppError("bad_request", "Missing version");
    try {
      await requestMatching(db, actor, id, version.data);
    } catch (err) {
      const { errors, status } = promotionRefusal(err, lang);
      return c.html(await SchedulePage({ c, db, error: errors._form ?? null }), status);
    }
    return c.redirect(hrefIn(`/events/${id}/schedule`, lang), 303);
  });
  app.get("/events/:id{[0-9]+}/meetings/:meeting{[0-9]+}/move", async (c) =>
    c.html(await MovePage({ c, db, state: null })),
  );
  app.post("/events/:id{[0-9]+}/meetings/:meeting{[0-9]+}/move", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c);
    await eventToManage(db, actor, id);
    const form = await parseForm(c, moveInput, lang, keyOf(lang));
    if (!form.ok) return c.html(await MovePage({ c, db, state: form }), 400);
    try {
      await moveMeeting(db, actor, routeId(c, "meeting"), form.data, mailContext(c));
    } catch (err) {
      if (err instanceof AppError && (err.code === "not_found" || err.code === "forbidden")) throw err;
      const { errors, status } = promotionRefusal(err, lang);
      return c.html(await MovePage({ c, db, state: { values: form.values, errors } }), status);
    }
    return c.redirect(hrefIn(`/events/${id}/schedule`, lang, { done: "moved" }), 303);
  });
}

async function EventFormPage(props: { c: Ctx; db: Db; id: number | null } & FormState) {
  const { c, db, id } = props;
  const actor = requireActor(c.get("actor"));
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const e = id === null ? null : await eventToManage(db, actor, id);
  const chosen = Object.keys(props.values)
    .filter((k) => k.startsWith("product_"))
    .map((k) => Number(k.slice(8)));
  const [own, products, named] = await Promise.all([
    organiserOptions(db, actor, ctx.lang),
    productChoices(db, actor, chosen),
    e ? organiserNames(db, ctx.lang, [e]) : null,
  ]);
  // The event's own organiser stays a choice: a State officer editing a district's event must not move it by saving.
  const current = e ? eventValues(e, []).organiser : undefined;
  const organisers =
    e && named && current && !own.some((o) => o.value === current)
      ? [{ value: current, label: named(e) }, ...own]
      : own;
  const title = e ? `${t("editEvent")}: ${eventTitle(e, ctx.lang)}` : t("newEvent");
  const done = c.req.query("done");
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("eventsIntro")}
      crumbs={[{ href: "/events/manage", label: t("manageEvents") }]}
    >
      <h1>{title}</h1>
      {e && <ManageNav c={c} e={e} />}
      {done === "saved" && <Notice kind="success">{t("saved")}</Notice>}
      {done === "publish" && <Notice kind="success">{t("published")}</Notice>}
      {props.errors._form && <Notice kind="error">{props.errors._form}</Notice>}
      {e && (
        <p>
          {t("status")}: <strong>{t(`estate_${e.state}`)}</strong>
          {e.state !== "draft" && (
            <>
              {" · "}
              <a href={hrefIn(`/events/${e.id}`, ctx.lang)}>{eventTitle(e, ctx.lang)}</a>
            </>
          )}
        </p>
      )}
      <PostForm action={hrefIn(e ? `/events/${e.id}/edit` : "/events/new", ctx.lang)} csrf={csrfToken(c)}>
        {e && <input type="hidden" name="version" value={props.values.version ?? String(e.version)} />}
        <EventFields
          lang={ctx.lang}
          values={props.values}
          errors={props.errors}
          organisers={organisers}
          products={products}
        />
        <button type="submit">{t("save")}</button>
      </PostForm>
      {e && e.state !== "cancelled" && (
        <p>
          {e.state === "draft" && (
            <>
              <a class="button-link" href={hrefIn(`/events/${e.id}/publish`, ctx.lang)}>
                {t("publish")}
              </a>{" "}
            </>
          )}
          <a href={hrefIn(`/events/${e.id}/cancel`, ctx.lang)}>{t("cancelEvent")}</a>
        </p>
      )}
    </Layout>
  );
}

function StepPage(props: {
  c: Ctx;
  e: { id: number; titleEn: string; titleHi: string | null; version: number };
  step: "publish" | "cancel";
  state: FormState;
}) {
  const { c, e, step } = props;
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const question = t(step === "publish" ? "publishQuestion" : "cancelQuestion", {
    event: eventTitle(e, ctx.lang),
  });
  const field = { values: props.state.values, errors: props.state.errors, lang: ctx.lang };
  return (
    <ConfirmPage
      ctx={ctx}
      csrf={csrfToken(c)}
      title={t(step === "publish" ? "publish" : "cancelEvent")}
      question={question}
      action={hrefIn(`/events/${e.id}/${step}`, ctx.lang)}
      hidden={{ version: String(e.version) }}
      confirm={t(step === "publish" ? "publish" : "cancelConfirm")}
      cancel={{ href: hrefIn(`/events/${e.id}/edit`, ctx.lang), label: t("cancel") }}
    >
      {props.state.errors._form && <Notice kind="error">{props.state.errors._form}</Notice>}
      <ErrorSummary lang={ctx.lang} errors={props.state.errors} labels={{ reason: t("reason") }} />
      {step === "cancel" && <TextArea {...field} name="reason" label={t("reason")} maxLength={1000} />}
    </ConfirmPage>
  );
}

async function RegistrationsPage(props: { c: Ctx; db: Db; error: string | null }) {
  const { c, db } = props;
  const e = await eventToManage(db, requireActor(c.get("actor")), routeId(c));
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const [rows, counts] = await Promise.all([registrationsOfEvent(db, e.id), registrationCounts(db, e.id)]);
  const title = `${t("registrations")}: ${eventTitle(e, ctx.lang)}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("registrationsIntro")}
      crumbs={[{ href: "/events/manage", label: t("manageEvents") }]}
    >
      <h1>{title}</h1>
      <ManageNav c={c} e={e} />
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <p>{t("registrationsIntro")}</p>
      <p>
        {[
          t("confirmedCount", { n: formatNumber(counts.confirmed) }),
          t("waitlistCount", { n: formatNumber(counts.waitlisted) }),
          t("pendingCount", { n: formatNumber(counts.pending) }),
        ].join(" · ")}
        {e.capacity !== null && ` · ${t("capacity")}: ${formatNumber(e.capacity)}`}
      </p>
      <DataTable
        label={t("registrations")}
        rows={rows}
        empty={t("noRegistrations")}
        columns={[
          { label: t("person"), cell: (r) => `${r.person}${r.organisation ? ` (${r.organisation})` : ""}` },
          { label: t("email"), cell: (r) => r.email },
          { label: t("side"), cell: (r) => t(`side_${r.side}`) },
          { label: t("registeredOn"), cell: (r) => formatWhen(r.createdAt, ctx.lang) },
          { label: t("status"), cell: (r) => t(`rstate_${r.state}`, { position: "" }) },
          {
            label: t("approve"),
            hiddenLabel: true,
            cell: (r) =>
              r.state === "pending" || r.state === "waitlisted" ? (
                <>
                  {r.state === "pending" && (
                    <PostForm
                      action={hrefIn(`/events/${e.id}/registrations/${r.id}/approve`, ctx.lang)}
                      csrf={csrfToken(c)}
                      class="inline"
                    >
                      <input type="hidden" name="version" value={String(r.version)} />
                      <button type="submit">
                        {t("approve")}
                        <span class="sr-only"> {r.person}</span>
                      </button>
                    </PostForm>
                  )}{" "}
                  <PostForm
                    action={hrefIn(`/events/${e.id}/registrations/${r.id}/refuse`, ctx.lang)}
                    csrf={csrfToken(c)}
                    class="inline"
                  >
                    <input type="hidden" name="version" value={String(r.version)} />
                    <button type="submit" class="secondary">
                      {t("refuse")}
                      <span class="sr-only"> {r.person}</span>
                    </button>
                  </PostForm>
                </>
              ) : null,
          },
        ]}
      />
    </Layout>
  );
}

async function CheckInPage(props: { c: Ctx; db: Db }) {
  const { c, db } = props;
  const e = await eventToManage(db, requireActor(c.get("actor")), routeId(c));
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const q = (c.req.query("q") ?? "").trim().toLowerCase();
  const rows = (await registrationsOfEvent(db, e.id)).filter(
    (r) =>
      r.state === "confirmed" &&
      (!q ||
        r.person.toLowerCase().includes(q) ||
        r.organisation.toLowerCase().includes(q) ||
        r.email.toLowerCase().includes(q)),
  );
  const title = `${t("checkIn")}: ${eventTitle(e, ctx.lang)}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("checkInIntro")}
      crumbs={[{ href: "/events/manage", label: t("manageEvents") }]}
    >
      <h1>{title}</h1>
      <ManageNav c={c} e={e} />
      <p>{t("checkInIntro")}</p>
      <form method="get" action={`/events/${e.id}/check-in`} class="filters">
        {ctx.lang === "hi" && <input type="hidden" name="lang" value="hi" />}
        <label>
          {t("findName")}
          <input name="q" type="search" value={c.req.query("q") ?? ""} maxlength={100} />
        </label>
        <button type="submit">{t("find")}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t("noRegistrations")}</p>
      ) : (
        <ul class="plain check-in">
          {rows.map((r) => (
            <li class="card">
              <strong>{r.person}</strong> {r.organisation && `· ${r.organisation}`}{" "}
              {r.attendedAt && <span class="badge">{t("checkedIn")}</span>}
              <PostForm
                action={hrefIn(`/events/${e.id}/check-in/${r.id}`, ctx.lang)}
                csrf={csrfToken(c)}
                class="inline"
              >
                <input type="hidden" name="q" value={c.req.query("q") ?? ""} />
                {!r.attendedAt && <input type="hidden" name="attended" value="on" />}
                <button type="submit" class={r.attendedAt ? "secondary" : undefined}>
                  {r.attendedAt ? t("checkOutButton") : t("checkInButton")}
                  <span class="sr-only"> {r.person}</span>
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

async function AttendancePage(props: { c: Ctx; db: Db }) {
  const { c, db } = props;
  const e = await eventToManage(db, requireActor(c.get("actor")), routeId(c));
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const rows = (await registrationsOfEvent(db, e.id)).filter((r) => r.state === "confirmed");
  const title = `${t("attendance")}: ${eventTitle(e, ctx.lang)}`;
  const done = c.req.query("done");
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("attendanceIntro")}
      crumbs={[{ href: "/events/manage", label: t("manageEvents") }]}
    >
      <h1>{title}</h1>
      <ManageNav c={c} e={e} />
      {done && <Notice kind="success">{t("attendanceSaved", { n: done })}</Notice>}
      <p>{t("attendanceIntro")}</p>
      {rows.length === 0 ? (
        <p>{t("noRegistrations")}</p>
      ) : (
        <PostForm action={hrefIn(`/events/${e.id}/attendance`, ctx.lang)} csrf={csrfToken(c)}>
          <fieldset>
            <legend>{t("attended")}</legend>
            {rows.map((r) => (
              <div class="field check">
                <input
                  id={`f-attended_${r.id}`}
                  name={`attended_${r.id}`}
                  type="checkbox"
                  checked={r.attendedAt !== null}
                />{" "}
                <label for={`f-attended_${r.id}`}>
                  {r.person}
                  {r.organisation && ` · ${r.organisation}`}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit">{t("saveAttendance")}</button>
        </PostForm>
      )}
    </Layout>
  );
}

async function OutcomesPage(props: { c: Ctx; db: Db; state: FormState | null }) {
  const { c, db } = props;
  const e = await eventToManage(db, requireActor(c.get("actor")), routeId(c));
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const [counts, rfqs] = await Promise.all([registrationCounts(db, e.id), rfqsFromMeetings(db, e.id)]);
  const text = (v: number | null) => (v === null ? "" : String(v));
  const values = props.state?.values ?? {
    leads: text(e.leads),
    lettersOfIntent: text(e.lettersOfIntent),
    loiValueInr: text(e.loiValueInr),
    outcomeNotes: e.outcomeNotes ?? "",
  };
  const errors = props.state?.errors ?? {};
  const field = { values, errors, lang: ctx.lang };
  const title = `${t("outcomes")}: ${eventTitle(e, ctx.lang)}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("outcomesIntro")}
      crumbs={[{ href: "/events/manage", label: t("manageEvents") }]}
    >
      <h1>{title}</h1>
      <ManageNav c={c} e={e} />
      {c.req.query("done") === "saved" && <Notice kind="success">{t("saved")}</Notice>}
      {errors._form && <Notice kind="error">{errors._form}</Notice>}
      <p>{t("outcomesIntro")}</p>
      <p>
        {t("attendedCount", { n: formatNumber(counts.attended) })} · {t("rfqsFromMeetings")}:{" "}
        {formatNumber(rfqs)}
      </p>
      <ErrorSummary
        lang={ctx.lang}
        errors={errors}
        labels={{
          leads: t("leads"),
          lettersOfIntent: t("lettersOfIntent"),
          loiValueInr: t("loiValue"),
          outcomeNotes: t("outcomeNotes"),
        }}
      />
      <PostForm action={hrefIn(`/events/${e.id}/outcomes`, ctx.lang)} csrf={csrfToken(c)}>
        <input type="hidden" name="version" value={String(e.version)} />
        <TextField {...field} name="leads" label={t("leads")} optional inputmode="numeric" />
        <TextField
          {...field}
          name="lettersOfIntent"
          label={t("lettersOfIntent")}
          optional
          inputmode="numeric"
        />
        <TextField {...field} name="loiValueInr" label={t("loiValue")} optional inputmode="decimal" />
        <TextArea {...field} name="outcomeNotes" label={t("outcomeNotes")} optional maxLength={4000} />
        <button type="submit">{t("save")}</button>
      </PostForm>
    </Layout>
  );
}

async function SchedulePage(props: { c: Ctx; db: Db; error: string | null }) {
  const { c, db } = props;
  const e = await eventToManage(db, requireActor(c.get("actor")), routeId(c));
  if (e.kind !== "vbsm") throw new AppError("not_found", "No such meet");
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const rows = await scheduleOf(db, e.id);
  const title = t("scheduleTitle", { event: eventTitle(e, ctx.lang) });
  const waiting = e.matchingRequestedAt && (!e.scheduledAt || e.scheduledAt < e.matchingRequestedAt);
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("scheduleIntro")}
      crumbs={[{ href: "/events/manage", label: t("manageEvents") }]}
    >
      <h1>{title}</h1>
      <ManageNav c={c} e={e} />
      {c.req.query("done") === "moved" && <Notice kind="success">{t("moved")}</Notice>}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <p>{t("scheduleIntro")}</p>
      {waiting ? (
        <Notice kind="info">
          {t("matchingQueued", { when: formatWhen(e.matchingRequestedAt as Date, ctx.lang) })}
        </Notice>
      ) : e.scheduledAt ? (
        <p>{t("scheduledAt", { when: formatWhen(e.scheduledAt, ctx.lang), n: formatNumber(rows.length) })}</p>
      ) : (
        <p>{t("notScheduled")}</p>
      )}
      {e.state === "published" && e.startsAt > new Date() && (
        <PostForm action={hrefIn(`/events/${e.id}/match`, ctx.lang)} csrf={csrfToken(c)}>
          <input type="hidden" name="version" value={String(e.version)} />
          <button type="submit">{e.scheduledAt ? t("runMatchingAgain") : t("runMatching")}</button>
        </PostForm>
      )}
      <h2>{t("meetings")}</h2>
      <DataTable
        label={t("meetings")}
        rows={rows}
        empty={t("notScheduled")}
        columns={[
          { label: t("when"), cell: (m) => formatInZone(m.startsAt, e.timeZone, ctx.lang) },
          { label: t("room"), cell: (m) => String(m.room) },
          { label: t("buyer"), cell: (m) => m.buyer },
          { label: t("producer"), cell: (m) => m.producer },
          { label: t("tier"), cell: (m) => t(`tier_${m.tier}`) },
          {
            label: t("move"),
            hiddenLabel: true,
            cell: (m) =>
              m.startsAt > new Date() ? (
                <a href={hrefIn(`/events/${e.id}/meetings/${m.id}/move`, ctx.lang)}>
                  {t("move")}
                  <span class="sr-only">
                    {" "}
                    {m.buyer} · {m.producer}
                  </span>
                </a>
              ) : null,
          },
        ]}
      />
    </Layout>
  );
}

async function MovePage(props: { c: Ctx; db: Db; state: FormState | null }) {
  const { c, db } = props;
  const e = await eventToManage(db, requireActor(c.get("actor")), routeId(c));
  const m = await meetingOf(db, e.id, routeId(c, "meeting"));
  if (!m) throw new AppError("not_found", "No such meeting");
  const ctx = contextOf(c);
  const t = promotionText(ctx.lang);
  const at = localParts(m.startsAt, e.timeZone);
  const values = props.state?.values ?? {
    date: at.date,
    time: at.time,
    room: String(m.room),
    version: String(m.version),
  };
  const errors = props.state?.errors ?? {};
  const field = { values, errors, lang: ctx.lang };
  return (
    <Layout
      ctx={ctx}
      title={t("moveTitle")}
      description={t("moveIntro", { zone: e.timeZone })}
      crumbs={[{ href: `/events/${e.id}/schedule`, label: t("meetings") }]}
    >
      <h1>{t("moveTitle")}</h1>
      <p>
        {m.buyer} · {m.producer} · {formatInZone(m.startsAt, e.timeZone, ctx.lang)}
      </p>
      {errors._form && <Notice kind="error">{errors._form}</Notice>}
      <p>{t("moveIntro", { zone: e.timeZone })}</p>
      <ErrorSummary
        lang={ctx.lang}
        errors={errors}
        labels={{ date: t("date"), time: t("time"), room: t("room") }}
      />
      <PostForm action={hrefIn(`/events/${e.id}/meetings/${m.id}/move`, ctx.lang)} csrf={csrfToken(c)}>
        <input type="hidden" name="version" value={values.version ?? String(m.version)} />
        <TextField {...field} name="date" type="date" label={t("date")} />
        <TextField {...field} name="time" label={t("time")} type="time" />
        <SelectField
          {...field}
          name="room"
          label={t("room")}
          options={Array.from({ length: e.rooms ?? 1 }, (_, i) => ({
            value: String(i + 1),
            label: String(i + 1),
          }))}
        />
        <button type="submit">{t("move")}</button>{" "}
        <a href={hrefIn(`/events/${e.id}/schedule`, ctx.lang)}>{t("cancel")}</a>
      </PostForm>
    </Layout>
  );
}
