import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { formatIndiaTime, indiaDateTime } from "../../../platform/india-time";
import { csrfToken } from "../../../web/csrf";
import { FormPage } from "../../../web/form-page";
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  PostForm,
  parseForm,
  SelectField,
  TextArea,
  TextField,
} from "../../../web/forms";
import type { Lang } from "../../../web/i18n";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AppEnv, mailContext, requireActor } from "../../accounts";
import { cancelMeeting, rescheduleMeeting, scheduleMeeting } from "../commands/meetings";
import { addDecision, publishMinutes, removeDecision, saveMinutes } from "../commands/minutes";
import { meetingKey, meetingText } from "../meeting-messages";
import { committeeText } from "../messages";
import { type MeetingRecord, meetingRecord, membersOn } from "../queries/meetings";
import { committeeForActor } from "../queries/members";
import {
  decisionInput,
  meetingCancel,
  meetingEdit,
  meetingInput,
  minutesInput,
  publishInput,
} from "../schemas";
import { DecisionList, MeetingNotice } from "./meeting-view";
import { committeeTitle } from "./public";

type Committee = Awaited<ReturnType<typeof committeeForActor>>;
type Form = { values: FormValues; errors: FieldErrors };
const blank: Form = { values: {}, errors: {} };

/** What a refused command means on the form: the field it names, or the whole form, and the status to answer. */
function refusal(err: unknown, lang: Lang): { errors: FieldErrors; status: 400 | 409 } {
  if (!(err instanceof AppError)) throw err;
  const mt = meetingText(lang);
  const field = err.details.field as string | undefined;
  if (err.code === "bad_request" && field) {
    const message =
      field === "date"
        ? mt("inPast")
        : field === "attendance"
          ? mt("nobodyPresent")
          : field.startsWith("present-")
            ? mt("notMember")
            : mt("notItem");
    return { errors: { [field === "attendance" ? "_form" : field]: message }, status: 400 };
  }
  if (err.code !== "conflict") throw err;
  if (err.details.reason === "notBegun") return { errors: { _form: mt("notBegun") }, status: 409 };
  if (typeof err.details.state === "string")
    return {
      errors: { _form: mt("notOpen", { state: mt(`state_${err.details.state as "held"}`) }) },
      status: 409,
    };
  return { errors: { _form: mt("conflict") }, status: 409 };
}

/** The meeting's fields as its form shows them (to change it, or after a stale edit, as they now are). */
const meetingValues = (r: MeetingRecord): FormValues => ({
  ...indiaDateTime(r.meeting.startsAt),
  durationMinutes: String(r.meeting.durationMinutes),
  venue: r.meeting.venue ?? "",
  videoLink: r.meeting.videoLink ?? "",
  agenda: r.agenda.map((a) => a.title).join("\n"),
  version: String(r.meeting.version),
});

/** The form's values for the minutes: who was ticked present and the text of each item. */
const minutesValues = (r: MeetingRecord): FormValues => ({
  version: String(r.meeting.version),
  ...Object.fromEntries(r.present.map((p) => [`present-${p.id}`, "on"])),
  ...Object.fromEntries(r.agenda.map((a) => [`minutes-${a.id}`, a.minutes ?? ""])),
});

/** The convener's pages for meetings: schedule, change, cancel; record minutes and decisions; publish. */
export function meetingManagePages(app: PersonalRoutes<AppEnv>, db: Db): void {
  const base = "/committees/:id{[0-9]+}/meetings";
  const one = `${base}/:meeting{[0-9]+}`;
  const back = (c: Context<AppEnv>, committee: Committee, done: string) =>
    c.redirect(`${hrefIn(`/committees/${committee.id}`, contextOf(c).lang, { done })}#meetings`, 303);
  const minutesHref = (c: Context<AppEnv>, r: MeetingRecord, done?: string) =>
    hrefIn(
      `/committees/${r.committee.id}/meetings/${r.meeting.id}/minutes`,
      contextOf(c).lang,
      done ? { done } : {},
    );

  /** The committee the actor convenes and one of its meetings (another committee's meeting here is a 404). */
  async function load(c: Context<AppEnv>) {
    const committee = await committeeForActor(db, requireActor(c.get("actor")), routeId(c));
    const record = await meetingRecord(db, routeId(c, "meeting"));
    if (record.meeting.committeeId !== committee.id) throw new AppError("not_found", "No such meeting");
    return { committee, record };
  }

  app.get(`${base}/new`, async (c) => {
    const committee = await committeeForActor(db, requireActor(c.get("actor")), routeId(c));
    return c.html(
      <ScheduleForm c={c} committee={committee} values={{ durationMinutes: "90" }} errors={{}} />,
    );
  });
  app.post(`${base}/new`, async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const committee = await committeeForActor(db, actor, routeId(c));
    const form = await parseForm(c, meetingInput, lang, keyOf(lang));
    if (!form.ok) return c.html(<ScheduleForm c={c} committee={committee} {...form} />, 400);
    try {
      await scheduleMeeting(db, actor, committee.id, form.data, { mail: mailContext(c) });
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      return c.html(
        <ScheduleForm c={c} committee={committee} values={form.values} errors={errors} />,
        status,
      );
    }
    return back(c, committee, "scheduled");
  });

  app.get(`${one}/edit`, async (c) => {
    const { committee, record } = await load(c);
    return c.html(
      <ScheduleForm c={c} committee={committee} record={record} values={meetingValues(record)} errors={{}} />,
    );
  });
  app.post(`${one}/edit`, async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const { committee, record } = await load(c);
    const form = await parseForm(c, meetingEdit, lang, keyOf(lang));
    if (!form.ok) return c.html(<ScheduleForm c={c} committee={committee} record={record} {...form} />, 400);
    try {
      await rescheduleMeeting(db, actor, record.meeting.id, form.data.version, form.data, {
        mail: mailContext(c),
      });
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      // A stale edit shows the meeting as it now is; a date in the past keeps what was typed.
      const values = status === 409 ? meetingValues(await meetingRecord(db, record.meeting.id)) : form.values;
      return c.html(
        <ScheduleForm c={c} committee={committee} record={record} values={values} errors={errors} />,
        status,
      );
    }
    return back(c, committee, "changed");
  });

  app.get(`${one}/cancel`, async (c) => {
    const { committee, record } = await load(c);
    return c.html(
      <CancelForm
        c={c}
        committee={committee}
        record={record}
        values={{ version: String(record.meeting.version) }}
        errors={{}}
      />,
    );
  });
  app.post(`${one}/cancel`, async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const { committee, record } = await load(c);
    const form = await parseForm(c, meetingCancel, lang);
    if (!form.ok) return c.html(<CancelForm c={c} committee={committee} record={record} {...form} />, 400);
    try {
      await cancelMeeting(db, actor, record.meeting.id, form.data, { mail: mailContext(c) });
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      return c.html(
        <CancelForm c={c} committee={committee} record={record} values={form.values} errors={errors} />,
        status,
      );
    }
    return back(c, committee, "cancelled");
  });

  app.get(`${one}/minutes`, async (c) => {
    const { committee, record } = await load(c);
    return c.html(
      await MinutesPage({
        c,
        db,
        committee,
        record,
        minutes: { values: minutesValues(record), errors: {} },
        decision: blank,
      }),
    );
  });
  app.post(`${one}/minutes`, async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const { committee, record } = await load(c);
    const form = await parseForm(c, minutesInput, lang);
    if (!form.ok)
      return c.html(await MinutesPage({ c, db, committee, record, minutes: form, decision: blank }), 400);
    try {
      await saveMinutes(db, actor, record.meeting.id, form.data);
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      const now = status === 409 ? await meetingRecord(db, record.meeting.id) : record;
      const values = status === 409 ? minutesValues(now) : form.values;
      return c.html(
        await MinutesPage({ c, db, committee, record: now, minutes: { values, errors }, decision: blank }),
        status,
      );
    }
    return c.redirect(minutesHref(c, record, "draftSaved"), 303);
  });

  app.post(`${one}/decisions`, async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const { committee, record } = await load(c);
    const minutes = { values: minutesValues(record), errors: {} };
    const form = await parseForm(c, decisionInput, lang, keyOf(lang));
    if (!form.ok)
      return c.html(await MinutesPage({ c, db, committee, record, minutes, decision: form }), 400);
    try {
      await addDecision(db, actor, record.meeting.id, form.data);
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      return c.html(
        await MinutesPage({ c, db, committee, record, minutes, decision: { values: form.values, errors } }),
        status,
      );
    }
    return c.redirect(`${minutesHref(c, record, "decisionAdded")}#decisions`, 303);
  });

  app.get(`${one}/decisions/:decision{[0-9]+}/remove`, async (c) => {
    const { committee, record } = await load(c);
    const decision = decisionOf(record, routeId(c, "decision"));
    return c.html(<RemoveForm c={c} committee={committee} record={record} decision={decision} errors={{}} />);
  });
  app.post(`${one}/decisions/:decision{[0-9]+}/remove`, async (c) => {
    const actor = requireActor(c.get("actor"));
    const { committee, record } = await load(c);
    const decision = decisionOf(record, routeId(c, "decision"));
    try {
      await removeDecision(db, actor, decision.id);
    } catch (err) {
      const { errors, status } = refusal(err, contextOf(c).lang);
      return c.html(
        <RemoveForm c={c} committee={committee} record={record} decision={decision} errors={errors} />,
        status,
      );
    }
    return c.redirect(`${minutesHref(c, record, "decisionRemoved")}#decisions`, 303);
  });

  app.get(`${one}/publish`, async (c) => {
    const { committee, record } = await load(c);
    return c.html(
      <PublishForm
        c={c}
        committee={committee}
        record={record}
        version={record.meeting.version}
        errors={{}}
      />,
    );
  });
  app.post(`${one}/publish`, async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const { committee, record } = await load(c);
    const form = await parseForm(c, publishInput, lang);
    const version = form.ok ? form.data.version : record.meeting.version;
    try {
      if (!form.ok) throw new AppError("conflict", "No version");
      await publishMinutes(db, actor, record.meeting.id, version, { mail: mailContext(c) });
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      const now = await meetingRecord(db, record.meeting.id);
      return c.html(
        <PublishForm
          c={c}
          committee={committee}
          record={now}
          version={now.meeting.version}
          errors={errors}
        />,
        status,
      );
    }
    return c.redirect(hrefIn(`/committee-meetings/${record.meeting.id}`, lang), 303);
  });
}

const keyOf = (lang: Lang) => meetingKey(meetingText(lang), committeeText(lang)("dateFormat"));

function decisionOf(r: MeetingRecord, id: number) {
  const d = r.decisions.find((x) => x.id === id);
  if (!d) throw new AppError("not_found", "No such decision");
  return d;
}

const meetingLabels = (lang: Lang) => {
  const mt = meetingText(lang);
  return {
    date: mt("date"),
    time: mt("time"),
    durationMinutes: mt("durationMinutes"),
    venue: mt("venue"),
    videoLink: mt("videoLink"),
    agenda: mt("agendaField"),
    reason: mt("reason"),
    text: mt("decisionText"),
    owner: mt("decisionOwner"),
    dueDate: mt("dueDate"),
    agendaItemId: mt("agendaItem"),
  };
};

const Cancel = (props: { lang: Lang; committee: Committee }) => (
  <p>
    <a href={hrefIn(`/committees/${props.committee.id}`, props.lang)}>
      {committeeText(props.lang)("cancel")}
    </a>
  </p>
);

/** Schedule a meeting, or change one (`record` given): the same fields. */
function ScheduleForm(props: {
  c: Context<AppEnv>;
  committee: Committee;
  record?: MeetingRecord;
  values: FormValues;
  errors: FieldErrors;
}) {
  const ctx = contextOf(props.c);
  const mt = meetingText(ctx.lang);
  const field = { values: props.values, errors: props.errors, lang: ctx.lang };
  const r = props.record;
  return (
    <FormPage
      ctx={ctx}
      title={
        r
          ? mt("changeTitle", { when: formatIndiaTime(r.meeting.startsAt, ctx.lang, false) })
          : mt("scheduleTitle", { name: committeeTitle(props.committee, ctx.lang) })
      }
      intro={r ? mt("changeIntro") : mt("scheduleIntro")}
      errors={props.errors}
      labels={meetingLabels(ctx.lang)}
      action={hrefIn(
        r
          ? `/committees/${props.committee.id}/meetings/${r.meeting.id}/edit`
          : `/committees/${props.committee.id}/meetings/new`,
        ctx.lang,
      )}
      csrf={csrfToken(props.c)}
      submit={r ? mt("sendUpdate") : mt("send")}
      after={<Cancel lang={ctx.lang} committee={props.committee} />}
    >
      {r && <input type="hidden" name="version" value={props.values.version ?? ""} />}
      <TextField {...field} name="date" label={mt("date")} hint={mt("dateHint")} maxLength={10} />
      <TextField {...field} name="time" label={mt("time")} hint={mt("timeHint")} maxLength={5} />
      <TextField {...field} name="durationMinutes" label={mt("durationMinutes")} maxLength={3} />
      <TextField
        {...field}
        name="venue"
        optional="conditional"
        label={mt("venue")}
        hint={mt("venueHint")}
        maxLength={300}
      />
      <TextField
        {...field}
        name="videoLink"
        optional="conditional"
        label={mt("videoLink")}
        hint={mt("videoLinkHint")}
        maxLength={500}
      />
      <TextArea {...field} name="agenda" label={mt("agendaField")} hint={mt("agendaHint")} maxLength={6000} />
    </FormPage>
  );
}

function CancelForm(props: {
  c: Context<AppEnv>;
  committee: Committee;
  record: MeetingRecord;
  values: FormValues;
  errors: FieldErrors;
}) {
  const ctx = contextOf(props.c);
  const mt = meetingText(ctx.lang);
  const when = formatIndiaTime(props.record.meeting.startsAt, ctx.lang, false);
  return (
    <FormPage
      ctx={ctx}
      title={mt("cancelTitle", { when })}
      intro={mt("cancelIntro")}
      errors={props.errors}
      labels={meetingLabels(ctx.lang)}
      action={hrefIn(
        `/committees/${props.committee.id}/meetings/${props.record.meeting.id}/cancel`,
        ctx.lang,
      )}
      csrf={csrfToken(props.c)}
      submit={mt("cancelConfirm")}
      after={
        <p>
          <a href={hrefIn(`/committees/${props.committee.id}`, ctx.lang)}>{mt("keep")}</a>
        </p>
      }
    >
      <input type="hidden" name="version" value={props.values.version ?? ""} />
      <TextArea
        values={props.values}
        errors={props.errors}
        lang={ctx.lang}
        name="reason"
        label={mt("reason")}
        hint={mt("reasonHint")}
        maxLength={1000}
      />
    </FormPage>
  );
}

/** The minutes draft: attendance and the minutes of each item (one form), the decisions and their own form. */
async function MinutesPage(props: {
  c: Context<AppEnv>;
  db: Db;
  committee: Committee;
  record: MeetingRecord;
  minutes: Form;
  decision: Form;
}) {
  const { c, committee, record: r } = props;
  const ctx = contextOf(c);
  const mt = meetingText(ctx.lang);
  const ct = committeeText(ctx.lang);
  const csrf = csrfToken(c);
  const when = formatIndiaTime(r.meeting.startsAt, ctx.lang, false);
  const here = `/committees/${committee.id}/meetings/${r.meeting.id}`;
  const begun = r.meeting.startsAt.getTime() <= Date.now();
  const draft = begun && (r.meeting.state === "scheduled" || r.meeting.state === "held");
  const members = await membersOn(props.db, committee.id, indiaDateTime(r.meeting.startsAt).date);
  const done = (["draftSaved", "decisionAdded", "decisionRemoved"] as const).find(
    (d) => d === c.req.query("done"),
  );
  const m = props.minutes;
  const minuteLabels = Object.fromEntries([
    ...members.map((p) => [`present-${p.id}`, p.personName ?? p.designation]),
    ...r.agenda.map((a) => [`minutes-${a.id}`, mt("minutesOf", { n: a.position })]),
  ]);
  const field = { values: props.decision.values, errors: props.decision.errors, lang: ctx.lang };
  return (
    <Layout ctx={ctx} title={mt("minutesTitle", { when })} description={mt("minutesIntro")}>
      <h1>{mt("minutesTitle", { when })}</h1>
      <p>{committeeTitle(committee, ctx.lang)}</p>
      {done && <Notice kind="success">{mt(done)}</Notice>}
      {m.errors._form && <Notice kind="error">{m.errors._form}</Notice>}
      {!begun && <Notice kind="info">{mt("notBegun")}</Notice>}
      {begun && !draft && (
        <Notice kind="info">{mt("notOpen", { state: mt(`state_${r.meeting.state}`) })}</Notice>
      )}
      <MeetingNotice lang={ctx.lang} record={r} showVideoLink />
      {draft && (
        <>
          <p>{mt("minutesIntro")}</p>
          <ErrorSummary lang={ctx.lang} errors={m.errors} labels={minuteLabels} />
          <PostForm action={hrefIn(`${here}/minutes`, ctx.lang)} csrf={csrf}>
            <input type="hidden" name="version" value={m.values.version ?? ""} />
            <fieldset class="field">
              <legend>{mt("attendance")}</legend>
              <p class="hint">{mt("attendanceHint")}</p>
              {members.map((p) => (
                <label class="choice" id={`f-present-${p.id}`}>
                  <input
                    type="checkbox"
                    name={`present-${p.id}`}
                    checked={m.values[`present-${p.id}`] === "on"}
                  />{" "}
                  {p.personName ?? ct("vacant")}, {p.designation} ({ct(`role_${p.role}`)})
                </label>
              ))}
            </fieldset>
            {r.agenda.map((a) => (
              <TextArea
                values={m.values}
                errors={m.errors}
                lang={ctx.lang}
                name={`minutes-${a.id}`}
                optional
                label={`${mt("minutesOf", { n: a.position })}: ${a.title}`}
                maxLength={8000}
              />
            ))}
            <button type="submit">{mt("saveDraft")}</button>
          </PostForm>
        </>
      )}
      <h2 id="decisions">{mt("decisions")}</h2>
      <DecisionList
        lang={ctx.lang}
        decisions={r.decisions}
        after={(d) =>
          draft && r.meeting.state === "held" ? (
            <>
              {" "}
              <a href={hrefIn(`${here}/decisions/${d.id}/remove`, ctx.lang)}>
                {mt("remove")}{" "}
                <span class="sr-only">{mt("decisionNo", { n: r.decisions.indexOf(d) + 1 })}</span>
              </a>
            </>
          ) : null
        }
      />
      {draft && (
        <>
          <h3>{mt("addDecision")}</h3>
          <ErrorSummary lang={ctx.lang} errors={props.decision.errors} labels={meetingLabels(ctx.lang)} />
          {props.decision.errors._form && <Notice kind="error">{props.decision.errors._form}</Notice>}
          <PostForm action={hrefIn(`${here}/decisions`, ctx.lang)} csrf={csrf}>
            <SelectField
              {...field}
              name="agendaItemId"
              optional
              label={mt("agendaItem")}
              blank={mt("noItem")}
              options={r.agenda.map((a) => ({ value: String(a.id), label: `${a.position}. ${a.title}` }))}
            />
            <TextArea {...field} name="text" label={mt("decisionText")} maxLength={2000} />
            <TextField
              {...field}
              name="owner"
              optional
              label={mt("decisionOwner")}
              hint={mt("decisionOwnerHint")}
              maxLength={200}
            />
            <TextField
              {...field}
              name="dueDate"
              optional
              label={mt("dueDate")}
              hint={mt("dateHint")}
              maxLength={10}
            />
            <button type="submit">{mt("addDecision")}</button>
          </PostForm>
          {r.meeting.state === "held" && (
            <p>
              <a class="button" href={hrefIn(`${here}/publish`, ctx.lang)}>
                {mt("publish")}
              </a>
            </p>
          )}
        </>
      )}
      <p>
        <a href={hrefIn(`/committees/${committee.id}`, ctx.lang)}>{committeeTitle(committee, ctx.lang)}</a>
      </p>
    </Layout>
  );
}

function RemoveForm(props: {
  c: Context<AppEnv>;
  committee: Committee;
  record: MeetingRecord;
  decision: MeetingRecord["decisions"][number];
  errors: FieldErrors;
}) {
  const ctx = contextOf(props.c);
  const mt = meetingText(ctx.lang);
  const here = `/committees/${props.committee.id}/meetings/${props.record.meeting.id}`;
  return (
    <FormPage
      ctx={ctx}
      title={mt("removeTitle")}
      intro={mt("removeIntro")}
      errors={props.errors}
      labels={{}}
      action={hrefIn(`${here}/decisions/${props.decision.id}/remove`, ctx.lang)}
      csrf={csrfToken(props.c)}
      submit={mt("removeConfirm")}
      after={
        <p>
          <a href={hrefIn(`${here}/minutes`, ctx.lang)}>{committeeText(ctx.lang)("cancel")}</a>
        </p>
      }
    >
      <blockquote>{props.decision.text}</blockquote>
    </FormPage>
  );
}

function PublishForm(props: {
  c: Context<AppEnv>;
  committee: Committee;
  record: MeetingRecord;
  version: number;
  errors: FieldErrors;
}) {
  const ctx = contextOf(props.c);
  const mt = meetingText(ctx.lang);
  const here = `/committees/${props.committee.id}/meetings/${props.record.meeting.id}`;
  const when = formatIndiaTime(props.record.meeting.startsAt, ctx.lang, false);
  return (
    <FormPage
      ctx={ctx}
      title={mt("publishTitle", { when })}
      intro={mt("publishIntro")}
      errors={props.errors}
      labels={{}}
      action={hrefIn(`${here}/publish`, ctx.lang)}
      csrf={csrfToken(props.c)}
      submit={mt("publishConfirm")}
      after={
        <p>
          <a href={hrefIn(`${here}/minutes`, ctx.lang)}>{committeeText(ctx.lang)("cancel")}</a>
        </p>
      }
    >
      <input type="hidden" name="version" value={String(props.version)} />
      <p>
        {mt("attendance")}: {props.record.present.length} · {mt("decisions")}: {props.record.decisions.length}
      </p>
    </FormPage>
  );
}
