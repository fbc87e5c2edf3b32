import { z } from "zod";
import { intId, isoDate, lgdCode } from "../../platform/ids";
import { committeeKinds, memberRoles } from "./kinds";

export const committeeInput = z
  .object({
    kind: z.enum(committeeKinds),
    stateLgdCode: lgdCode.optional(),
    districtLgdCode: lgdCode.optional(),
    nameEn: z.string().trim().min(3).max(200),
    nameHi: z.string().trim().min(3).max(200),
  })
  .refine((v) => (v.kind === "depc" ? v.districtLgdCode !== undefined : v.stateLgdCode !== undefined), {
    path: ["kind"],
    message: "placeRequired",
  });

export const memberInput = z.object({
  personName: z.string().trim().max(160).optional(),
  /** The member's account, when it has one: notices of meetings will go to it. */
  email: z.email().max(254).optional(),
  role: z.enum(memberRoles),
  designation: z.string().trim().min(2).max(200),
  organisation: z.string().trim().max(200).optional(),
  fromDate: isoDate,
});

export const memberEdit = memberInput.extend({ version: intId });

export const memberEnd = z.object({ toDate: isoDate, version: intId });

const optionalText = (max: number) => z.string().trim().max(max).optional();

/** A meeting as its form gives it: date and time in India, how long, where, and the agenda one item per line. */
export const meetingInput = z
  .object({
    date: isoDate,
    time: z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "timeFormat"),
    durationMinutes: z.coerce.number().int().min(15).max(600),
    venue: optionalText(300),
    videoLink: z
      .url({ protocol: /^https$/, message: "videoLink" })
      .max(500)
      .optional(),
    agenda: z
      .string()
      .max(6000)
      .transform((text) =>
        text
          .split(/\r?\n/)
          .map((line) => line.replace(/^\s*(\d+[.)]|[-*•])\s*/, "").trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().max(300, "agendaItemLong")).min(1, "agendaEmpty").max(30, "agendaMany")),
  })
  .refine((m) => m.venue || m.videoLink, { path: ["venue"], message: "whereRequired" });
export type MeetingInput = z.infer<typeof meetingInput>;

export const meetingEdit = z.object({ version: intId }).and(meetingInput);

export const meetingCancel = z.object({ version: intId, reason: z.string().trim().min(5).max(1000) });

/**
 * The minutes form: who attended (a box per member, `present-{member}`), what was said of each agenda item
 * (`minutes-{item}`), and the version it was opened at. Flat names, so that an error lands on its own field.
 */
export const minutesInput = z
  .object({ version: intId })
  .catchall(z.string().max(8000))
  .transform((v) => ({
    version: v.version,
    present: Object.keys(v)
      .filter((k) => /^present-\d{1,9}$/.test(k))
      .map((k) => Number(k.slice("present-".length))),
    minutes: Object.entries(v)
      .filter(([k]) => /^minutes-\d{1,9}$/.test(k))
      .map(([k, text]) => ({ itemId: Number(k.slice("minutes-".length)), text: String(text) })),
  }));

/** A decision: what was decided, on which agenda item, who carries it out and by when. */
export const decisionInput = z.object({
  agendaItemId: intId.optional(),
  text: z.string().trim().min(5).max(2000),
  owner: optionalText(200),
  dueDate: isoDate.optional(),
});

export const publishInput = z.object({ version: intId });
