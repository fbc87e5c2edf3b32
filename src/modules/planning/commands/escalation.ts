import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { indiaDateTime } from "../../../platform/india-time";
import { recordAudits } from "../../accounts";
import { enqueuePlanPdf } from "../documents";
import { bottleneckEvents, bottlenecks, exportPlans } from "../tables";
import { tellOfBottlenecks } from "./bottlenecks";
import type { MailContext } from "./plans";

type Moved = {
  id: number;
  plan_id: number;
  state_lgd_code: number;
  district_lgd_code: number;
  description: string;
  due_date: string;
};

const shift = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The escalation pass, run by the job runner: every open bottleneck past its due date by more than `afterDays` (in
 * India's calendar, at `now`) rises to its State's queue, with its timeline entry and audit row, and each State's
 * officers get one mail listing theirs; bottlenecks due within a week are reminded to their district once. Set-based,
 * in one transaction: all of a pass happens or none of it.
 */
export async function escalationPass(
  db: Db,
  opts: { afterDays: number; mail: MailContext; now?: Date },
): Promise<{ escalated: number; reminded: number }> {
  const now = opts.now ?? new Date();
  const today = indiaDateTime(now).date;
  const overdueBefore = shift(today, -opts.afterDays);
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const moved = (
      (await tx.execute(sql`
        with moved as (
          update ${bottlenecks} set status = 'at_state', escalated_at = ${at}::timestamptz,
            version = version + 1, updated_at = ${at}::timestamptz
          where status = 'open' and due_date < ${overdueBefore}::date
          returning id, plan_id, state_lgd_code, district_lgd_code, description, due_date::text
        ), timeline as (
          insert into ${bottleneckEvents} (bottleneck_id, kind, body, at)
          select id, 'escalate', '', ${at}::timestamptz from moved
        )
        select * from moved order by state_lgd_code, district_lgd_code, id`)) as unknown as { rows: Moved[] }
    ).rows;
    const dueSoon = (
      (await tx.execute(sql`
        update ${bottlenecks} set reminded_at = ${at}::timestamptz
        where status = 'open' and reminded_at is null
          and due_date between ${today}::date and ${shift(today, 7)}::date
        returning id, plan_id, state_lgd_code, district_lgd_code, description, due_date::text`)) as unknown as {
        rows: Moved[];
      }
    ).rows;
    if (moved.length) {
      await recordAudits(
        tx,
        null,
        null,
        moved.map((b) => ({
          action: "bottleneck.escalate",
          entityType: "bottleneck",
          entityId: b.id,
          stateLgdCode: b.state_lgd_code,
          districtLgdCode: b.district_lgd_code,
          before: { status: "open", dueDate: b.due_date },
          after: { status: "at_state", afterDays: opts.afterDays },
        })),
      );
      const plans = [...new Set(moved.map((b) => b.plan_id))];
      await tx.execute(
        sql`update ${exportPlans} set updated_at = ${at}::timestamptz where id in (${sql.join(
          plans.map((p) => sql`${p}`),
          sql`, `,
        )})`,
      );
      for (const planId of plans) await enqueuePlanPdf(tx, planId);
    }
    for (const [place, items] of groupBy(moved, (b) => `${b.state_lgd_code}`))
      await tellOfBottlenecks(
        tx,
        "escalated",
        "state",
        { stateLgdCode: Number(place), districtLgdCode: null },
        items.map(asItem),
        opts.mail,
      );
    for (const [, items] of groupBy(dueSoon, (b) => `${b.district_lgd_code}`)) {
      const first = items[0] as Moved;
      await tellOfBottlenecks(
        tx,
        "dueSoon",
        "district",
        { stateLgdCode: first.state_lgd_code, districtLgdCode: first.district_lgd_code },
        items.map(asItem),
        opts.mail,
      );
    }
    return { escalated: moved.length, reminded: dueSoon.length };
  });
}

const asItem = (b: Moved) => ({
  id: b.id,
  districtLgdCode: b.district_lgd_code,
  description: b.description,
  dueDate: b.due_date,
});

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
