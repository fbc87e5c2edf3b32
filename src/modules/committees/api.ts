import { z } from "zod";
import type { Db } from "../../platform/db";
import { lgdCode } from "../../platform/ids";
import type { ApiRegistry } from "../../web/api/registry";
import { committeeKinds } from "./kinds";
import { meetingStates } from "./meeting-flow";
import { publicDecisions, publicMeetings } from "./queries/open-data";

const place = z.object({
  state: lgdCode.optional().describe("LGD code of the State"),
  district: lgdCode.optional().describe("LGD code of the district (its DEPC)"),
});

const meetingItem = z.object({
  id: z.number().int(),
  committeeKind: z.enum(committeeKinds),
  committeeName: z.string(),
  committeeNameHi: z.string(),
  stateLgdCode: z.number().int(),
  districtLgdCode: z.number().int().nullable(),
  startsAt: z.string().describe("ISO 8601 instant; the meeting is held in India Standard Time"),
  durationMinutes: z.number().int(),
  venue: z.string().nullable(),
  online: z.boolean().describe("Held (also) by video conference; the link goes to members only"),
  state: z.enum(meetingStates),
  cancelReason: z.string().nullable(),
  minutesPublishedAt: z.string().nullable(),
  agenda: z.string().describe("The agenda items, in order, separated by ' | '"),
  page: z.string(),
});

const decisionItem = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  meetingDate: z.string(),
  committeeKind: z.enum(committeeKinds),
  committeeName: z.string(),
  stateLgdCode: z.number().int(),
  districtLgdCode: z.number().int().nullable(),
  agendaItem: z.string().nullable(),
  text: z.string(),
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  page: z.string().describe("The decision on its meeting's page"),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The committees' meetings and the decisions of their published minutes, as open data (no demo committee). */
export function registerCommitteesApi(api: ApiRegistry, db: Db): void {
  api.get({
    path: "/committee-meetings",
    summary: "Meetings of District and State Export Promotion Committees",
    tag: "Committees",
    item: meetingItem,
    query: place,
    handler: async ({ query }) => {
      const { items, total } = await publicMeetings(db, query, query);
      return {
        total,
        items: items.map((m) => ({
          ...m,
          startsAt: m.startsAt.toISOString(),
          minutesPublishedAt: iso(m.minutesPublishedAt),
          page: `/committee-meetings/${m.id}`,
        })),
      };
    },
  });
  api.get({
    path: "/committee-decisions",
    summary: "Decisions in the published minutes of the committees",
    tag: "Committees",
    item: decisionItem,
    query: place,
    handler: async ({ query }) => {
      const { items, total } = await publicDecisions(db, query, query);
      return {
        total,
        items: items.map((d) => ({
          ...d,
          meetingDate: d.meetingDate.toISOString(),
          page: `/committee-meetings/${d.meetingId}#decision-${d.id}`,
        })),
      };
    },
  });
}
