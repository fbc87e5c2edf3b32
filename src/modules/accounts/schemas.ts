import { z } from "zod";
import { isCountry } from "../../web/countries";

/** Shared shapes of the account forms; the same schemas parse pages' forms, JSON and the CLI's arguments. */
export const email = z.string().trim().min(1).max(254).pipe(z.email());
const personName = z.string().trim().min(1).max(120);
/** NIST SP 800-63B: length over composition rules; at least 10, at most what argon2 handles comfortably. */
export const newPassword = z.string().min(10).max(200);
const lang = z.enum(["en", "hi"]).default("en");
const lgdCode = z.coerce.number().int().positive();

export const signUpInput = z
  .object({
    name: personName,
    email,
    password: newPassword,
    confirm: z.string(),
    lang,
    next: z.string().max(500).optional(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwordsDiffer" });

export const signInInput = z.object({ email, password: z.string().min(1).max(200) });

export const forgotInput = z.object({ email });

export const resetInput = z
  .object({ token: z.string().min(1), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwordsDiffer" });

export const changePasswordInput = z
  .object({ current: z.string().min(1).max(200), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwordsDiffer" });

export const invitationInput = z
  .object({
    email,
    role: z.enum(["state_officer", "district_officer", "mission_officer"]),
    stateLgdCode: lgdCode.optional(),
    districtLgdCode: lgdCode.optional(),
    country: z.string().trim().toUpperCase().refine(isCountry, { message: "countryRequired" }).optional(),
  })
  .refine((v) => v.role !== "state_officer" || v.stateLgdCode !== undefined, {
    path: ["stateLgdCode"],
    message: "stateRequired",
  })
  .refine((v) => v.role !== "district_officer" || v.districtLgdCode !== undefined, {
    path: ["districtLgdCode"],
    message: "districtRequired",
  })
  .refine((v) => v.role !== "mission_officer" || v.country !== undefined, {
    path: ["country"],
    message: "countryRequired",
  });
export type InvitationInput = z.infer<typeof invitationInput>;

/** Accepting an invitation: a new person chooses a name and password; someone with an account needs neither. */
export const acceptInput = z.object({
  token: z.string().min(1),
  name: personName.optional(),
  password: newPassword.optional(),
});

export const auditFilters = z.object({
  action: z.string().trim().max(60).optional(),
  entityType: z.string().trim().max(40).optional(),
  actor: z.string().trim().max(254).optional(),
  stateLgdCode: lgdCode.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type AuditFilters = z.infer<typeof auditFilters>;
