import type { Child } from "hono/jsx";
import { formatIndiaTime } from "../../../platform/india-time";
import { DataTable } from "../../../web/data-table";
import type { Lang } from "../../../web/i18n";
import { hrefIn } from "../../../web/layout";
import { meetingText } from "../meeting-messages";
import { committeeText } from "../messages";
import type { MeetingRecord, MeetingRow } from "../queries/meetings";

/** Where a meeting is, as the public reads it: the venue, and "online" for a video link (never the link itself). */
export const whereOf = (m: Pick<MeetingRow, "venue" | "videoLink">, lang: Lang) =>
  [m.venue, m.videoLink ? meetingText(lang)("online") : null].filter(Boolean).join(" · ");

/** A list of meetings: when, where, status and the way to its page (or, for the convener, its actions). */
export function MeetingsTable(props: {
  lang: Lang;
  rows: MeetingRow[];
  label: string;
  empty: string;
  actions?: (m: MeetingRow) => Child;
}) {
  const mt = meetingText(props.lang);
  return (
    <DataTable
      label={props.label}
      rows={props.rows}
      empty={props.empty}
      columns={[
        {
          label: mt("when"),
          cell: (m) => (
            <a href={hrefIn(`/committee-meetings/${m.id}`, props.lang)}>
              {formatIndiaTime(m.startsAt, props.lang)}
            </a>
          ),
        },
        { label: mt("where"), cell: (m) => whereOf(m, props.lang) },
        { label: mt("status"), cell: (m) => mt(`state_${m.state}`) },
        ...(props.actions
          ? [
              {
                label: committeeText(props.lang)("edit"),
                hiddenLabel: true,
                cell: (m: MeetingRow) => props.actions?.(m),
              },
            ]
          : []),
      ]}
    />
  );
}

/** When, how long, where and the agenda: the notice as the page shows it. */
export function MeetingNotice(props: { lang: Lang; record: MeetingRecord; showVideoLink?: boolean }) {
  const mt = meetingText(props.lang);
  const m = props.record.meeting;
  return (
    <>
      <dl class="facts">
        <dt>{mt("when")}</dt>
        <dd>
          {formatIndiaTime(m.startsAt, props.lang)} ({mt("durationValue", { n: m.durationMinutes })})
        </dd>
        <dt>{mt("where")}</dt>
        <dd>
          {m.venue}
          {m.venue && m.videoLink ? " · " : ""}
          {m.videoLink && (props.showVideoLink ? <a href={m.videoLink}>{m.videoLink}</a> : mt("online"))}
        </dd>
        <dt>{mt("status")}</dt>
        <dd>{mt(`state_${m.state}`)}</dd>
        {m.cancelReason && (
          <>
            <dt>{mt("reason")}</dt>
            <dd>{m.cancelReason}</dd>
          </>
        )}
      </dl>
      <h2>{mt("agenda")}</h2>
      <ol>
        {props.record.agenda.map((a) => (
          <li>{a.title}</li>
        ))}
      </ol>
    </>
  );
}

/** A decision as others point at it: its number on the meeting's page (an anchor), text, owner and due date. */
function Decision(props: { lang: Lang; d: MeetingRecord["decisions"][number]; n: number; after?: Child }) {
  const mt = meetingText(props.lang);
  return (
    <li id={`decision-${props.d.id}`}>
      <strong>{mt("decisionNo", { n: props.n })}.</strong> {props.d.text}
      {(props.d.owner || props.d.dueDate) && (
        <span class="muted">
          {" "}
          (
          {[
            props.d.owner && `${mt("owner")}: ${props.d.owner}`,
            props.d.dueDate && `${mt("due")}: ${props.d.dueDate}`,
          ]
            .filter(Boolean)
            .join("; ")}
          )
        </span>
      )}
      {props.after}
    </li>
  );
}

/**
 * Decisions of a meeting, each numbered in the order the meeting took them (`all`), so that "decision 3" is the same
 * under its agenda item and in the full list; the convener's draft view adds a remove link to each.
 */
export function DecisionList(props: {
  lang: Lang;
  decisions: MeetingRecord["decisions"];
  all?: MeetingRecord["decisions"];
  after?: (d: MeetingRecord["decisions"][number]) => Child;
}) {
  if (!props.decisions.length) return <p>{meetingText(props.lang)("noDecisions")}</p>;
  const all = props.all ?? props.decisions;
  return (
    <ul class="decisions">
      {props.decisions.map((d) => (
        <Decision lang={props.lang} d={d} n={all.indexOf(d) + 1} after={props.after?.(d)} />
      ))}
    </ul>
  );
}

/** An attendee as minutes list them: name and designation, or the designation alone for a seat without a name. */
export const attendeeLine = (p: MeetingRecord["present"][number], lang: Lang) =>
  `${[p.personName, p.designation, p.organisation].filter(Boolean).join(", ")} (${committeeText(lang)(`role_${p.role}`)})`;

/** Work elsewhere that carries out a decision (an export plan's action): linked under the decision. */
export type FollowUp = { decisionId: number; href: string; label: string };

/** Published minutes: who attended, what was said of each item, and the decisions. */
export function MinutesView(props: { lang: Lang; record: MeetingRecord; followUps?: FollowUp[] }) {
  const mt = meetingText(props.lang);
  const _ct = committeeText(props.lang);
  const r = props.record;
  return (
    <>
      <h2>{mt("attendance")}</h2>
      <ul>
        {r.present.map((p) => (
          <li>{attendeeLine(p, props.lang)}</li>
        ))}
      </ul>
      <h2>{mt("minutes")}</h2>
      {r.agenda.map((a) => (
        <section>
          <h3>
            {a.position}. {a.title}
          </h3>
          {(a.minutes ?? "").split(/\n+/).map((para) => (para ? <p>{para}</p> : null))}
          {r.decisions.some((d) => d.agendaItemId === a.id) && (
            <DecisionList
              lang={props.lang}
              decisions={r.decisions.filter((d) => d.agendaItemId === a.id)}
              all={r.decisions}
            />
          )}
        </section>
      ))}
      <h2>{mt("decisions")}</h2>
      <DecisionList
        lang={props.lang}
        decisions={r.decisions}
        after={(d) => {
          const links = (props.followUps ?? []).filter((f) => f.decisionId === d.id);
          return links.length ? (
            <span class="block small">
              {mt("carriedOutBy")}{" "}
              {links.map((f, i) => (
                <>
                  {i > 0 && ", "}
                  <a href={f.href}>{f.label}</a>
                </>
              ))}
            </span>
          ) : null;
        }}
      />
    </>
  );
}
