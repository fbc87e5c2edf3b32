import type { Context, Hono } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { ImportReport } from "../../../platform/import-report";
import { indiaDateTime } from "../../../platform/india-time";
import { listFromBuffer } from "../../../platform/spreadsheet";
import { UploadRefused } from "../../../platform/upload-check";
import { csrfToken } from "../../../web/csrf";
import { DataTable, TableScroll } from "../../../web/data-table";
import {
  ErrorSummary,
  type FieldErrors,
  FileField,
  type FormValues,
  PostForm,
  parseForm,
  TextArea,
  TextField,
  UploadForm,
} from "../../../web/forms";
import { formatNumber, type Lang } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { uploadRefusalText } from "../../../web/upload-refusal";
import {
  type AccountAction,
  type Actor,
  type AppEnv,
  grantFor,
  mailContext,
  requireActor,
} from "../../accounts";
import { getDistricts, listStates } from "../../geo";
import { discardDraft, publishDraft } from "../commands";
import { uploadList } from "../import-list";
import { proposalKey, proposalText } from "../proposals/messages";
import { discardInput, publishInput, uploadInput } from "../proposals/schemas";
import {
  allRevisions,
  catalogCounts,
  type DiffProduct,
  diffRevisions,
  draftRevision,
  previousRevision,
  productCountsByRevision,
  type RevisionDiff,
  revisionById,
} from "../queries";
import { sectorTaxonomy } from "../sectors";

const isPublisher = (actor: Actor | null) => grantFor(actor, ["national_admin"]) !== undefined;

/** For the administrator's account page: the draft revision, waiting to be published, or the way to upload a list. */
export async function revisionActions(db: Db, actor: Actor, lang: Lang): Promise<AccountAction[]> {
  if (!isPublisher(actor)) return [];
  const pt = proposalText(lang);
  const draft = await draftRevision(db);
  return [
    draft
      ? { href: "/admin/revisions", label: pt("draft"), waiting: draft.titleEn, urgent: true }
      : { href: "/admin/revisions", label: pt("upload") },
  ];
}

/** Place names for a diff: every State, and the districts it names. */
async function placeNames(db: Db, diff: RevisionDiff, lang: Lang) {
  const codes = [
    ...new Set(
      [...diff.added, ...diff.removed, ...diff.changed.map((c) => c.after)].map((p) => p.districtLgdCode),
    ),
  ];
  const [states, districts] = await Promise.all([listStates(db), getDistricts(db, codes)]);
  return {
    state: new Map(states.map((s) => [s.lgdCode, nameIn(lang, s.nameEn, s.nameHi)])),
    district: new Map(districts.map((d) => [d.lgdCode, nameIn(lang, d.nameEn, d.nameHi)])),
  };
}

const sectorName = (code: string | null, lang: Lang) => {
  const s = sectorTaxonomy.find((x) => x.code === code);
  return s ? (lang === "hi" ? s.nameHi : s.nameEn) : "—";
};

/**
 * What a revision changes, State by State: each State a disclosure (closed, with its counts) holding the added,
 * removed and changed products of its districts, so that a whole new list stays one screen until opened.
 */
async function DiffView(props: { db: Db; lang: Lang; diff: RevisionDiff }) {
  const { lang, diff } = props;
  const pt = proposalText(lang);
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) return <p>{pt("noChanges")}</p>;
  const names = await placeNames(props.db, diff, lang);
  type Line = { kind: "added" | "removed" | "changed"; p: DiffProduct; what: string };
  const lines: Line[] = [
    ...diff.added.map(
      (p): Line => ({ kind: "added", p, what: `${sectorName(p.sectorCode, lang)}; ${p.rank}` }),
    ),
    ...diff.removed.map((p): Line => ({ kind: "removed", p, what: "" })),
    ...diff.changed.map(
      (c): Line => ({
        kind: "changed",
        p: c.after,
        what: c.fields
          .map((f) => {
            const show = (x: DiffProduct) =>
              f === "sectorCode"
                ? sectorName(x.sectorCode, lang)
                : f === "hsHeadings"
                  ? x.hsHeadings.join(", ") || "—"
                  : (x[f] ?? "—");
            return `${pt(`field_${f}`)}: ${show(c.before)} → ${show(c.after)}`;
          })
          .join("; "),
      }),
    ),
  ];
  const byState = new Map<number, Line[]>();
  for (const l of lines) byState.set(l.p.stateLgdCode, [...(byState.get(l.p.stateLgdCode) ?? []), l]);
  const order = [...byState.keys()].sort((a, b) =>
    (names.state.get(a) ?? "").localeCompare(names.state.get(b) ?? ""),
  );
  return (
    <>
      <p>
        {pt("summary", {
          added: formatNumber(diff.added.length),
          removed: formatNumber(diff.removed.length),
          changed: formatNumber(diff.changed.length),
        })}
      </p>
      <h3>{pt("byState")}</h3>
      {order.map((code) => {
        const rows = (byState.get(code) ?? []).sort(
          (a, b) =>
            (names.district.get(a.p.districtLgdCode) ?? "").localeCompare(
              names.district.get(b.p.districtLgdCode) ?? "",
            ) || a.p.name.localeCompare(b.p.name),
        );
        const n = (k: Line["kind"]) => rows.filter((r) => r.kind === k).length;
        const state = names.state.get(code) ?? String(code);
        return (
          <details class="diff-state">
            <summary>
              {state}: {pt("summary", { added: n("added"), removed: n("removed"), changed: n("changed") })}
            </summary>
            <TableScroll label={state}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{pt("district")}</th>
                    <th scope="col">{pt("product")}</th>
                    <th scope="col">{pt("changeCol")}</th>
                    <th scope="col">{pt("after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr class={`diff-${r.kind}`}>
                      <td>{names.district.get(r.p.districtLgdCode) ?? r.p.districtLgdCode}</td>
                      <td>{r.p.name}</td>
                      <td>{pt(r.kind)}</td>
                      <td>{r.what}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
        );
      })}
    </>
  );
}

/** The public pages of the list's revisions: all of them, and each with what it changed. */
export function revisionPages(app: Hono, db: Db): void {
  app.get("/revisions", async (c) => {
    const ctx = contextOf(c);
    const pt = proposalText(ctx.lang);
    const revisions = await allRevisions(db);
    const counts = await productCountsByRevision(db);
    return c.html(
      <Layout ctx={ctx} title={pt("revisions")} description={pt("revisionsIntro")}>
        <h1>{pt("revisions")}</h1>
        <p>{pt("revisionsIntro")}</p>
        <DataTable
          label={pt("revisions")}
          rows={revisions}
          empty={pt("noRevisions")}
          columns={[
            {
              label: pt("revisions"),
              cell: (r) => (
                <>
                  <a href={hrefIn(`/revisions/${r.id}`, ctx.lang)}>
                    {ctx.lang === "hi" ? r.titleHi : r.titleEn}
                  </a>
                  {r.isLive && <span class="badge">{pt("live")}</span>}
                </>
              ),
            },
            { label: pt("effective"), cell: (r) => r.effectiveAt },
            { label: pt("publishedOn"), cell: (r) => r.publishedAt },
            { label: pt("productsCount"), cell: (r) => formatNumber(counts.get(r.id) ?? 0) },
          ]}
        />
      </Layout>,
    );
  });
  app.get("/revisions/:id{[a-z0-9][a-z0-9-]{0,80}}", async (c) => {
    const ctx = contextOf(c);
    const pt = proposalText(ctx.lang);
    const rev = await revisionById(db, c.req.param("id"));
    if (!rev) throw new AppError("not_found", "No such revision");
    const previous = await previousRevision(db, rev);
    const title = ctx.lang === "hi" ? rev.titleHi : rev.titleEn;
    return c.html(
      <Layout
        ctx={ctx}
        title={title}
        description={pt("revisionsIntro")}
        crumbs={[
          { href: "/", label: ctx.t("home") },
          { href: "/revisions", label: pt("revisions") },
        ]}
      >
        <h1>
          {title} {rev.isLive && <span class="badge">{pt("live")}</span>}
        </h1>
        <dl class="facts">
          <dt>{pt("effective")}</dt>
          <dd>{rev.effectiveAt}</dd>
          <dt>{pt("publishedOn")}</dt>
          <dd>{rev.publishedAt}</dd>
          <dt>{pt("source")}</dt>
          <dd>{rev.source}</dd>
          <dt>{pt("productsCount")}</dt>
          <dd>{formatNumber((await catalogCounts(db, rev.id)).products)}</dd>
        </dl>
        {rev.notes && <p>{rev.notes}</p>}
        <p>
          <a href={hrefIn("/open-data", ctx.lang)}>{pt("download")}</a>
        </p>
        <h2>{pt("changes")}</h2>
        {previous ? (
          <>
            <p>
              <a href={hrefIn(`/revisions/${previous.id}`, ctx.lang)}>
                {ctx.lang === "hi" ? previous.titleHi : previous.titleEn}
              </a>{" "}
              → {title}
            </p>
            {await DiffView({ db, lang: ctx.lang, diff: await diffRevisions(db, previous.id, rev.id) })}
          </>
        ) : (
          <p>{pt("firstRevision")}</p>
        )}
      </Layout>,
    );
  });
}

type Form = { values: FormValues; errors: FieldErrors };
const blank: Form = { values: {}, errors: {} };

/** The administrator's page of the draft: its diff, publishing, discarding, and uploading a whole list. */
export function revisionAdminPages(app: PersonalRoutes<AppEnv>, db: Db): void {
  const publisher = (c: Context<AppEnv>) => {
    const actor = requireActor(c.get("actor"));
    if (!isPublisher(actor)) throw new AppError("forbidden", "Not allowed: publish the national list");
    return actor;
  };
  app.get("/admin/revisions", async (c) => {
    publisher(c);
    return c.html(await DraftPage({ c, db, publish: blank, upload: blank }));
  });
  app.post("/admin/revisions/publish", async (c) => {
    const actor = publisher(c);
    const lang = contextOf(c).lang;
    const form = await parseForm(c, publishInput, lang, proposalKey(proposalText(lang)));
    if (!form.ok) return c.html(await DraftPage({ c, db, publish: form, upload: blank }), 400);
    let published: string;
    try {
      published = (await publishDraft(db, actor, form.data, { mail: mailContext(c) })).revisionId;
    } catch (err) {
      const pt = proposalText(lang);
      if (!(err instanceof AppError) || (err.code !== "conflict" && err.code !== "not_found")) throw err;
      const message = err.details.reason === "staleBase" ? pt("staleBase") : pt("conflict");
      return c.html(
        await DraftPage({
          c,
          db,
          publish: { values: form.values, errors: { _form: message } },
          upload: blank,
        }),
        409,
      );
    }
    return c.redirect(hrefIn(`/revisions/${published}`, lang), 303);
  });
  app.get("/admin/revisions/discard", async (c) => {
    publisher(c);
    const draft = await draftRevision(db);
    if (!draft) throw new AppError("not_found", "There is no draft");
    return c.html(<DiscardPage c={c} version={draft.version} errors={{}} />);
  });
  app.post("/admin/revisions/discard", async (c) => {
    const actor = publisher(c);
    const lang = contextOf(c).lang;
    const form = await parseForm(c, discardInput, lang);
    try {
      if (!form.ok) throw new AppError("conflict", "No version");
      await discardDraft(db, actor, form.data.version);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== "conflict" && err.code !== "not_found")) throw err;
      const draft = await draftRevision(db);
      if (!draft) return c.redirect(hrefIn("/admin/revisions", lang), 303);
      return c.html(
        <DiscardPage c={c} version={draft.version} errors={{ _form: proposalText(lang)("conflict") }} />,
        409,
      );
    }
    return c.redirect(hrefIn("/admin/revisions", lang, { done: "discarded" }), 303);
  });
  app.upload("/admin/revisions/upload", async (c) => {
    const actor = publisher(c);
    const lang = contextOf(c).lang;
    const pt = proposalText(lang);
    const form = await parseForm(c, uploadInput, lang, proposalKey(pt));
    const file = (await c.req.parseBody()).file;
    const again = (errors: FieldErrors, report?: ImportReport) =>
      DraftPage({ c, db, publish: blank, upload: { values: form.values, errors }, report });
    if (!(file instanceof File) || file.size === 0)
      return c.html(await again({ ...(form.ok ? {} : form.errors), file: pt("noFile") }), 400);
    if (!form.ok) return c.html(await again(form.errors), 400);
    let list: Awaited<ReturnType<typeof listFromBuffer>>;
    try {
      list = await listFromBuffer(file.name.slice(0, 200), Buffer.from(await file.arrayBuffer()));
    } catch (err) {
      const why = err instanceof UploadRefused ? uploadRefusalText(lang, err.reason) : (err as Error).message;
      return c.html(
        await again({ file: pt("unreadable", { why }) }),
        err instanceof UploadRefused && err.reason === "tooLarge" ? 413 : 400,
      );
    }
    const { report, draftId } = await uploadList(db, actor, list, {
      ...form.data,
      notes: form.data.notes ?? "",
      live: false,
    });
    if (report.outcome === "unchanged") {
      const id = /revision "([^"]+)"/.exec(report.notes.join(" "))?.[1] ?? "";
      return c.html(await again({ file: pt("alreadyImported", { id }) }), 409);
    }
    if (!draftId)
      return c.html(await again({ file: pt("rejectedRows", { n: report.rejected.length }) }, report), 400);
    return c.redirect(hrefIn("/admin/revisions", lang, { done: "uploaded" }), 303);
  });
}

async function DraftPage(props: {
  c: Context<AppEnv>;
  db: Db;
  publish: Form;
  upload: Form;
  report?: ImportReport;
}) {
  const { c, db } = props;
  const ctx = contextOf(c);
  const pt = proposalText(ctx.lang);
  const draft = await draftRevision(db);
  const done = ({ discarded: "discardedNotice", uploaded: "uploadedNotice" } as const)[
    c.req.query("done") as "discarded"
  ];
  const diff = draft ? await diffRevisions(db, draft.basedOn, draft.id) : null;
  const publishValues: FormValues = draft
    ? {
        titleEn: draft.titleEn.replace(/ \(draft\)$/, ""),
        titleHi: draft.titleHi.replace(/ \(मसौदा\)$/, ""),
        effectiveAt: indiaDateTime(new Date()).date,
        notes: draft.notes,
        ...props.publish.values,
        version: String(draft.version),
      }
    : {};
  const pf = { values: publishValues, errors: props.publish.errors, lang: ctx.lang };
  const uf = { values: props.upload.values, errors: props.upload.errors, lang: ctx.lang };
  const labels = {
    titleEn: pt("titleEn"),
    titleHi: pt("titleHi"),
    effectiveAt: pt("effectiveAt"),
    notes: pt("notes"),
    source: pt("sourceField"),
    publishedAt: pt("publishedAt"),
    file: pt("file"),
  };
  return (
    <Layout ctx={ctx} title={pt("draftTitle")} description={pt("draftIntro")}>
      <h1>{pt("draftTitle")}</h1>
      {done && <Notice kind="success">{pt(done)}</Notice>}
      <p>{pt("draftIntro")}</p>
      {!draft && <p>{pt("noDraft")}</p>}
      {draft && diff && (
        <>
          <dl class="facts">
            <dt>{pt("draft")}</dt>
            <dd>{ctx.lang === "hi" ? draft.titleHi : draft.titleEn}</dd>
            <dt>{pt("basedOn")}</dt>
            <dd>
              {draft.basedOn ? (
                <a href={hrefIn(`/revisions/${draft.basedOn}`, ctx.lang)}>{draft.basedOn}</a>
              ) : (
                "—"
              )}
            </dd>
            <dt>{pt("source")}</dt>
            <dd>{draft.source}</dd>
          </dl>
          <h2>{pt("draftChanges")}</h2>
          {await DiffView({ db, lang: ctx.lang, diff })}
          <h2 id="publish">{pt("publish")}</h2>
          {props.publish.errors._form && <Notice kind="error">{props.publish.errors._form}</Notice>}
          <p>{pt("publishIntro")}</p>
          <ErrorSummary lang={ctx.lang} errors={props.publish.errors} labels={labels} />
          <PostForm action={hrefIn("/admin/revisions/publish", ctx.lang)} csrf={csrfToken(c)}>
            <input type="hidden" name="version" value={publishValues.version ?? ""} />
            <TextField {...pf} name="titleEn" label={pt("titleEn")} maxLength={200} />
            <TextField {...pf} name="titleHi" label={pt("titleHi")} maxLength={200} />
            <TextField
              {...pf}
              name="effectiveAt"
              label={pt("effectiveAt")}
              hint={pt("dateHint")}
              maxLength={10}
            />
            <TextArea {...pf} name="notes" optional label={pt("notes")} maxLength={2000} />
            <button type="submit">{pt("publish")}</button>
          </PostForm>
          <p>
            <a href={hrefIn("/admin/revisions/discard", ctx.lang)}>{pt("discard")}</a>
          </p>
        </>
      )}
      {!draft && (
        <>
          <h2 id="upload">{pt("upload")}</h2>
          <p>{pt("uploadIntro")}</p>
          <ErrorSummary lang={ctx.lang} errors={props.upload.errors} labels={labels} />
          <UploadForm action={hrefIn("/admin/revisions/upload", ctx.lang)} csrf={csrfToken(c)}>
            <FileField
              {...uf}
              name="file"
              label={pt("file")}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            />
            <TextField {...uf} name="titleEn" label={pt("titleEn")} maxLength={200} />
            <TextField {...uf} name="titleHi" label={pt("titleHi")} maxLength={200} />
            <TextField {...uf} name="source" label={pt("sourceField")} maxLength={200} />
            <TextField
              {...uf}
              name="publishedAt"
              label={pt("publishedAt")}
              hint={pt("dateHint")}
              maxLength={10}
            />
            <TextArea {...uf} name="notes" optional label={pt("notes")} maxLength={2000} />
            <button type="submit">{pt("uploadSubmit")}</button>
          </UploadForm>
          {props.report && props.report.rejected.length > 0 && (
            <>
              <h3>{pt("rejectedRows", { n: props.report.rejected.length })}</h3>
              <DataTable
                label={pt("rejectedRows", { n: props.report.rejected.length })}
                rows={props.report.rejected}
                empty=""
                columns={[
                  { label: pt("line"), cell: (r) => String(r.line) },
                  { label: pt("field"), cell: (r) => r.field ?? "" },
                  { label: pt("problem"), cell: (r) => r.reason },
                ]}
              />
            </>
          )}
        </>
      )}
    </Layout>
  );
}

function DiscardPage(props: { c: Context<AppEnv>; version: number; errors: FieldErrors }) {
  const ctx = contextOf(props.c);
  const pt = proposalText(ctx.lang);
  return (
    <Layout ctx={ctx} title={pt("discardTitle")} description={pt("discardIntro")}>
      <h1>{pt("discardTitle")}</h1>
      {props.errors._form && <Notice kind="error">{props.errors._form}</Notice>}
      <p>{pt("discardIntro")}</p>
      <PostForm action={hrefIn("/admin/revisions/discard", ctx.lang)} csrf={csrfToken(props.c)}>
        <input type="hidden" name="version" value={String(props.version)} />
        <button type="submit">{pt("discardConfirm")}</button>
      </PostForm>
      <p>
        <a href={hrefIn("/admin/revisions", ctx.lang)}>{pt("draftTitle")}</a>
      </p>
    </Layout>
  );
}
