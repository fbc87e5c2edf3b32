import { z } from "zod";
import { intId, lgdCode } from "../../platform/ids";
import { committeeKinds, memberRoles } from "./kinds";

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateFormat")
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: "dateFormat",
    },
  );

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
