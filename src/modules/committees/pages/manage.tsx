import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { formatIndiaTime } from "../../../platform/india-time";
import { openTransitions } from "../../../platform/workflow";
import { csrfToken } from "../../../web/csrf";
import { FormPage } from "../../../web/form-page";
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  PostForm,
  parseForm,
  SelectField,
  TextField,
} from "../../../web/forms";
import type { Lang } from "../../../web/i18n";
import { isId, routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AccountAction, type Actor, type AppEnv, mailboxOf, requireActor } from "../../accounts";
import { getDistrict, getState } from "../../geo";
import {
  addMember,
  addUsualComposition,
  createCommittee,
  endMember,
  updateMember,
} from "../commands/members";
import { memberRoles } from "../kinds";
import { meetingFlow } from "../meeting-flow";
import { meetingText } from "../meeting-messages";
import { committeeKey, committeeText } from "../messages";
import { type MeetingRow, meetingsAwaitingMinutes, meetingsOf } from "../queries/meetings";
import { committeeForActor, committeeOf, memberById, membersOf } from "../queries/members";
import { committeeInput, memberEdit, memberEnd, memberInput } from "../schemas";
import { MeetingsTable } from "./meeting-view";
import { committeeTitle, MembersTable } from "./public";

const today = () => new Date().toISOString().slice(0, 10);
const notices = ["created", "added", "composed", "saved", "ended"] as const;
const meetingNotices = ["scheduled", "changed", "cancelled"] as const;

/** What the convener can do with a meeting now, by its flow: change or cancel it, record or see its minutes. */
function MeetingActions(props: { lang: Lang; committeeId: number; meeting: MeetingRow }) {
  const mt = meetingText(props.lang);
  const here = `/committees/${props.committeeId}/meetings/${props.meeting.id}`;
  const begun = props.meeting.startsAt.getTime() <= Date.now();
  const open = openTransitions(meetingFlow, props.meeting.state);
  const links: [string, string][] = [
    ...(open.includes("reschedule") && !begun ? [[`${here}/edit`, mt("change")] as [string, string]] : []),
    ...(open.includes("cancel") && !begun
      ? [[`${here}/cancel`, mt("cancelMeeting")] as [string, string]]
      : []),
    ...(open.includes("record") && begun
      ? [[`${here}/minutes`, mt("recordMinutes")] as [string, string]]
      : []),
  ];
  const when = formatIndiaTime(props.meeting.startsAt, props.lang, false);
  return (
    <>
      {links.map(([href, label], i) => (
        <>
          {i > 0 && " · "}
          <a href={hrefIn(href, props.lang)}>
            {label} <span class="sr-only">{when}</span>
          </a>
        </>
      ))}
    </>
  );
}

/** For the account page: an officer's own committee (its DEPC, or a State officer's SEPC), recorded or to record. */
export async function committeeActions(db: Db, actor: Actor, lang: Lang): Promise<AccountAction[]> {
  const ct = committeeText(lang);
  const out: AccountAction[] = [];
  const kept: NonNullable<Awaited<ReturnType<typeof committeeOf>>>[] = [];
  for (const g of actor.grants) {
    if (g.role === "district_officer" && g.districtLgdCode) {
      const d = await getDistrict(db, g.districtLgdCode);
      const c = await committeeOf(db, { kind: "depc", districtLgdCode: g.districtLgdCode });
      if (c) kept.push(c);
      out.push({
        href: c ? `/committees/${c.id}` : `/committees/new?kind=depc&district=${g.districtLgdCode}`,
        label: ct("keepDepc", { place: d ? nameIn(lang, d.nameEn, d.nameHi) : String(g.districtLgdCode) }),
      });
    }
    if (g.role === "state_officer" && g.stateLgdCode) {
      const s = await getState(db, g.stateLgdCode);
      const c = await committeeOf(db, { kind: "sepc", stateLgdCode: g.stateLgdCode });
      if (c) kept.push(c);
      out.push({
        href: c ? `/committees/${c.id}` : `/committees/new?kind=sepc&state=${g.stateLgdCode}`,
        label: ct("keepSepc", { place: s ? nameIn(lang, s.nameEn, s.nameHi) : String(g.stateLgdCode) }),
      });
    }
  }
  // The meetings of those committees that wait for their minutes.
  const mt = meetingText(lang);
  for (const m of await meetingsAwaitingMinutes(
    db,
    kept.map((c) => c.id),
  )) {
    const c = kept.find((k) => k.id === m.committeeId);
    if (c)
      out.push({
        href: `/committees/${c.id}/meetings/${m.id}/minutes`,
        label: `${mt("minutes")}: ${committeeTitle(c, lang)}`,
        waiting: mt("yourMeetings", { when: formatIndiaTime(m.startsAt, lang, false) }),
      });
  }
  return out;
}

/** The officer's pages: record the committee, then keep its members (add, name the seats, end memberships). */
export function committeeManagePages(app: PersonalRoutes<AppEnv>, db: Db): void {
  app.get("/committees/new", async (c) => {
    requireActor(c.get("actor"));
    const kind = c.req.query("kind") === "sepc" ? "sepc" : "depc";
    const raw = c.req.query(kind === "depc" ? "district" : "state");
    if (!isId(raw)) throw new AppError("not_found", "No such place"); // found by the fuzz test: NaN reached the query
    const code = Number(raw);
    const place = kind === "depc" ? await getDistrict(db, code) : await getState(db, code);
    if (!place) throw new AppError("not_found", "No such place");
    // The usual name in both languages, for the officer to change where the State's order names it otherwise.
    const defaultName = kind === "depc" ? "depcDefault" : "sepcDefault";
    const values: FormValues = {
      kind,
      [kind === "depc" ? "districtLgdCode" : "stateLgdCode"]: String(code),
      nameEn: committeeText("en")(defaultName, { place: place.nameEn }),
      nameHi: committeeText("hi")(defaultName, { place: place.nameHi ?? place.nameEn }),
    };
    return c.html(<RecordForm c={c} values={values} errors={{}} />);
  });
  app.post("/committees/new", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const ct = committeeText(ctx.lang);
    const form = await parseForm(c, committeeInput, ctx.lang, committeeKey(ct));
    if (!form.ok) return c.html(<RecordForm c={c} values={form.values} errors={form.errors} />, 400);
    try {
      const id = await createCommittee(db, actor, form.data);
      return c.redirect(hrefIn(`/committees/${id}`, ctx.lang, { done: "created" }), 303);
    } catch (err) {
      if (err instanceof AppError && err.code === "conflict")
        return c.html(<RecordForm c={c} values={form.values} errors={{ _form: ct("exists") }} />, 409);
      throw err;
    }
  });

  app.get("/committees/:id{[0-9]+}", async (c) => {
    const committee = await committeeForActor(db, requireActor(c.get("actor")), routeId(c));
    return c.html(await MembersPage({ c, db, committee, values: { fromDate: today() }, errors: {} }));
  });
  app.post("/committees/:id{[0-9]+}/members", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const committee = await committeeForActor(db, actor, routeId(c));
    const form = await parseForm(c, memberInput, ctx.lang, committeeKey(committeeText(ctx.lang)));
    if (!form.ok) return c.html(await MembersPage({ c, db, committee, ...form }), 400);
    try {
      await addMember(db, actor, committee.id, form.data);
    } catch (err) {
      if (!isNoAccount(err)) throw err;
      const errors = { email: committeeText(ctx.lang)("noAccount") };
      return c.html(await MembersPage({ c, db, committee, values: form.values, errors }), 400);
    }
    return c.redirect(hrefIn(`/committees/${committee.id}`, ctx.lang, { done: "added" }), 303);
  });
  app.post("/committees/:id{[0-9]+}/composition", async (c) => {
    const ctx = contextOf(c);
    const id = routeId(c);
    await addUsualComposition(db, c.get("actor"), id, { fromDate: today(), lang: ctx.lang });
    return c.redirect(hrefIn(`/committees/${id}`, ctx.lang, { done: "composed" }), 303);
  });

  app.get("/committees/:id{[0-9]+}/members/:member{[0-9]+}/edit", async (c) => {
    const actor = requireActor(c.get("actor"));
    const committee = await committeeForActor(db, actor, routeId(c));
    const m = await memberOf(committee.id, routeId(c, "member"));
    return c.html(
      <EditForm c={c} committee={committee} memberId={m.id} values={await valuesOf(db, m)} errors={{}} />,
    );
  });
  app.post("/committees/:id{[0-9]+}/members/:member{[0-9]+}/edit", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const ct = committeeText(ctx.lang);
    const committee = await committeeForActor(db, actor, routeId(c));
    const m = await memberOf(committee.id, routeId(c, "member"));
    const form = await parseForm(c, memberEdit, ctx.lang, committeeKey(ct));
    if (!form.ok) return c.html(<EditForm c={c} committee={committee} memberId={m.id} {...form} />, 400);
    try {
      await updateMember(db, actor, m.id, form.data.version, form.data);
    } catch (err) {
      if (isNoAccount(err))
        return c.html(
          <EditForm
            c={c}
            committee={committee}
            memberId={m.id}
            values={form.values}
            errors={{ email: ct("noAccount") }}
          />,
          400,
        );
      if (!(err instanceof AppError && err.code === "conflict")) throw err;
      const now = await memberById(db, m.id);
      return c.html(
        <EditForm
          c={c}
          committee={committee}
          memberId={m.id}
          values={await valuesOf(db, now)}
          errors={{ _form: ct("conflict") }}
        />,
        409,
      );
    }
    return c.redirect(hrefIn(`/committees/${committee.id}`, ctx.lang, { done: "saved" }), 303);
  });

  app.get("/committees/:id{[0-9]+}/members/:member{[0-9]+}/end", async (c) => {
    const actor = requireActor(c.get("actor"));
    const committee = await committeeForActor(db, actor, routeId(c));
    const m = await memberOf(committee.id, routeId(c, "member"));
    return c.html(
      <EndForm
        c={c}
        committee={committee}
        member={m}
        values={{ toDate: today(), version: String(m.version) }}
        errors={{}}
      />,
    );
  });
  app.post("/committees/:id{[0-9]+}/members/:member{[0-9]+}/end", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const ct = committeeText(ctx.lang);
    const committee = await committeeForActor(db, actor, routeId(c));
    const m = await memberOf(committee.id, routeId(c, "member"));
    const form = await parseForm(c, memberEnd, ctx.lang, committeeKey(ct));
    if (!form.ok) return c.html(<EndForm c={c} committee={committee} member={m} {...form} />, 400);
    try {
      await endMember(db, actor, m.id, form.data);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== "bad_request" && err.code !== "conflict")) throw err;
      // An end before the start is the date's fault; a stale version, someone else's change.
      const early = err.code === "bad_request";
      const errors: FieldErrors = early ? { toDate: ct("endBeforeStart") } : { _form: ct("conflict") };
      return c.html(
        <EndForm c={c} committee={committee} member={m} values={form.values} errors={errors} />,
        early ? 400 : 409,
      );
    }
    return c.redirect(hrefIn(`/committees/${committee.id}`, ctx.lang, { done: "ended" }), 303);
  });

  /** A member of this committee (a member id of another committee in the address is a 404, not a way in). */
  async function memberOf(committeeId: number, memberId: number) {
    const m = await memberById(db, memberId);
    if (m.committeeId !== committeeId) throw new AppError("not_found", "No such member");
    return m;
  }
}

type Committee = Awaited<ReturnType<typeof committeeForActor>>;
type Member = Awaited<ReturnType<typeof memberById>>;

/** A member as its edit form shows it, with the address of its linked account. */
async function valuesOf(db: Db, m: Member): Promise<FormValues> {
  const account = m.userId ? await mailboxOf(db, m.userId) : null;
  return {
    personName: m.personName ?? "",
    email: account?.email ?? "",
    role: m.role,
    designation: m.designation,
    organisation: m.organisation ?? "",
    fromDate: m.fromDate,
    version: String(m.version),
  };
}

const isNoAccount = (err: unknown) =>
  err instanceof AppError && err.code === "bad_request" && err.details.field === "email";

function RecordForm(props: { c: Context<AppEnv>; values: FormValues; errors: FieldErrors }) {
  const ctx = contextOf(props.c);
  const ct = committeeText(ctx.lang);
  const field = { values: props.values, errors: props.errors, lang: ctx.lang };
  return (
    <FormPage
      ctx={ctx}
      title={ct("recordTitle")}
      intro={ct("recordIntro")}
      errors={props.errors}
      labels={{ nameEn: ct("nameEn"), nameHi: ct("nameHi"), kind: ct("role") }}
      action={hrefIn("/committees/new", ctx.lang)}
      csrf={csrfToken(props.c)}
      submit={ct("record")}
    >
      <input type="hidden" name="kind" value={props.values.kind ?? ""} />
      {props.values.districtLgdCode && (
        <input type="hidden" name="districtLgdCode" value={props.values.districtLgdCode} />
      )}
      {props.values.stateLgdCode && (
        <input type="hidden" name="stateLgdCode" value={props.values.stateLgdCode} />
      )}
      <TextField {...field} name="nameEn" label={ct("nameEn")} maxLength={200} />
      <TextField {...field} name="nameHi" label={ct("nameHi")} maxLength={200} />
    </FormPage>
  );
}

function MemberFields(props: { lang: Lang; values: FormValues; errors: FieldErrors }) {
  const ct = committeeText(props.lang);
  const field = { values: props.values, errors: props.errors, lang: props.lang };
  return (
    <>
      <TextField
        {...field}
        name="personName"
        optional
        label={ct("person")}
        hint={ct("personHint")}
        maxLength={160}
      />
      <TextField
        {...field}
        name="email"
        type="email"
        optional
        label={ct("accountEmail")}
        hint={ct("accountEmailHint")}
        maxLength={254}
      />
      <SelectField
        {...field}
        name="role"
        label={ct("role")}
        options={memberRoles.map((r) => ({ value: r, label: ct(`role_${r}`) }))}
      />
      <TextField {...field} name="designation" label={ct("designation")} maxLength={200} />
      <TextField {...field} name="organisation" optional label={ct("organisation")} maxLength={200} />
      <TextField {...field} name="fromDate" label={ct("fromDate")} hint={ct("dateHint")} maxLength={10} />
    </>
  );
}

const memberLabels = (lang: Lang) => {
  const ct = committeeText(lang);
  return {
    personName: ct("person"),
    email: ct("accountEmail"),
    role: ct("role"),
    designation: ct("designation"),
    organisation: ct("organisation"),
    fromDate: ct("fromDate"),
    toDate: ct("toDate"),
  };
};

async function MembersPage(props: {
  c: Context<AppEnv>;
  db: Db;
  committee: Committee;
  values: FormValues;
  errors: FieldErrors;
}) {
  const { c, committee } = props;
  const ctx = contextOf(c);
  const ct = committeeText(ctx.lang);
  const members = await membersOf(props.db, committee.id);
  const meetings = await meetingsOf(props.db, committee.id);
  const mt = meetingText(ctx.lang);
  const name = committeeTitle(committee, ctx.lang);
  const done = notices.find((n) => n === c.req.query("done"));
  const meetingDone = meetingNotices.find((n) => n === c.req.query("done"));
  const csrf = csrfToken(c);
  const publicHref =
    committee.kind === "depc"
      ? `/districts/${committee.districtLgdCode}/committee`
      : `/states/${committee.stateLgdCode}/committee`;
  return (
    <Layout ctx={ctx} title={ct("membersTitle", { name })} description={ct("committeeIntro")}>
      <h1>{ct("membersTitle", { name })}</h1>
      {done && <Notice kind="success">{ct(done)}</Notice>}
      {meetingDone && <Notice kind="success">{mt(meetingDone)}</Notice>}
      <p>
        <a href={hrefIn(publicHref, ctx.lang)}>{ct("publicPage")}</a> ·{" "}
        <a href="#meetings">{mt("meetings")}</a>
      </p>
      <h2>{ct("currentMembers")}</h2>
      <MembersTable
        lang={ctx.lang}
        rows={members.current}
        label={ct("currentMembers")}
        actions={(m) => (
          <>
            <a href={hrefIn(`/committees/${committee.id}/members/${m.id}/edit`, ctx.lang)}>
              {ct("edit")} <span class="sr-only">{m.personName ?? m.designation}</span>
            </a>{" "}
            ·{" "}
            <a href={hrefIn(`/committees/${committee.id}/members/${m.id}/end`, ctx.lang)}>
              {ct("end")} <span class="sr-only">{m.personName ?? m.designation}</span>
            </a>
          </>
        )}
      />
      {members.current.length === 0 && members.past.length === 0 && (
        <PostForm action={hrefIn(`/committees/${committee.id}/composition`, ctx.lang)} csrf={csrf}>
          <p class="hint">{ct("usualHint")}</p>
          <button type="submit">{ct("usual")}</button>
        </PostForm>
      )}
      {members.past.length > 0 && (
        <>
          <h2>{ct("pastMembers")}</h2>
          <MembersTable lang={ctx.lang} rows={members.past} label={ct("pastMembers")} past />
        </>
      )}
      <h2 id="add">{ct("addMember")}</h2>
      <ErrorSummary lang={ctx.lang} errors={props.errors} labels={memberLabels(ctx.lang)} />
      <PostForm action={hrefIn(`/committees/${committee.id}/members`, ctx.lang)} csrf={csrf}>
        <MemberFields lang={ctx.lang} values={props.values} errors={props.errors} />
        <button type="submit">{ct("add")}</button>
      </PostForm>
      <h2 id="meetings">{mt("meetings")}</h2>
      <p>
        <a class="button" href={hrefIn(`/committees/${committee.id}/meetings/new`, ctx.lang)}>
          {mt("schedule")}
        </a>
      </p>
      <h3>{mt("upcoming")}</h3>
      <MeetingsTable
        lang={ctx.lang}
        rows={meetings.upcoming}
        label={mt("upcoming")}
        empty={mt("noUpcoming")}
        actions={(m) => <MeetingActions lang={ctx.lang} committeeId={committee.id} meeting={m} />}
      />
      <h3>{mt("past")}</h3>
      <MeetingsTable
        lang={ctx.lang}
        rows={meetings.past}
        label={mt("past")}
        empty={mt("noPast")}
        actions={(m) => <MeetingActions lang={ctx.lang} committeeId={committee.id} meeting={m} />}
      />
    </Layout>
  );
}

function EditForm(props: {
  c: Context<AppEnv>;
  committee: Committee;
  memberId: number;
  values: FormValues;
  errors: FieldErrors;
}) {
  const ctx = contextOf(props.c);
  const ct = committeeText(ctx.lang);
  const name = committeeTitle(props.committee, ctx.lang);
  return (
    <FormPage
      ctx={ctx}
      title={ct("editTitle", { name })}
      errors={props.errors}
      labels={memberLabels(ctx.lang)}
      action={hrefIn(`/committees/${props.committee.id}/members/${props.memberId}/edit`, ctx.lang)}
      csrf={csrfToken(props.c)}
      submit={ct("save")}
      after={
        <p>
          <a href={hrefIn(`/committees/${props.committee.id}`, ctx.lang)}>{ct("cancel")}</a>
        </p>
      }
    >
      <input type="hidden" name="version" value={props.values.version ?? ""} />
      <MemberFields lang={ctx.lang} values={props.values} errors={props.errors} />
    </FormPage>
  );
}

function EndForm(props: {
  c: Context<AppEnv>;
  committee: Committee;
  member: Member;
  values: FormValues;
  errors: FieldErrors;
}) {
  const ctx = contextOf(props.c);
  const ct = committeeText(ctx.lang);
  const who = props.member.personName ?? props.member.designation;
  const field = { values: props.values, errors: props.errors, lang: ctx.lang };
  return (
    <FormPage
      ctx={ctx}
      title={ct("endTitle", { who })}
      intro={ct("endQuestion", {
        who,
        designation: props.member.designation,
        committee: committeeTitle(props.committee, ctx.lang),
      })}
      errors={props.errors}
      labels={memberLabels(ctx.lang)}
      action={hrefIn(`/committees/${props.committee.id}/members/${props.member.id}/end`, ctx.lang)}
      csrf={csrfToken(props.c)}
      submit={ct("endConfirm")}
      after={
        <p>
          <a href={hrefIn(`/committees/${props.committee.id}`, ctx.lang)}>{ct("cancel")}</a>
        </p>
      }
    >
      <input type="hidden" name="version" value={props.values.version ?? String(props.member.version)} />
      <TextField {...field} name="toDate" label={ct("toDate")} hint={ct("dateHint")} maxLength={10} />
    </FormPage>
  );
}
