import { z } from "zod";

/** The largest value of a PostgreSQL integer column: ids and codes beyond it name nothing. */
export const maxInt = 2_147_483_647;

/** An id or code from outside (query, form, path): a whole number that a PostgreSQL integer can hold. */
export const intId = z.coerce.number().int().positive().max(maxInt);

/** An LGD code: States and districts are numbered well below a million. */
export const lgdCode = intId.max(999_999);

/** A calendar date as YYYY-MM-DD that exists (no 31 February); the message key "dateFormat" names the field's error. */
export const isoDate = z
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

/** Free text a form may leave empty, trimmed, at most `max` characters. */
export const optionalText = (max: number) => z.string().trim().max(max).optional();

/** A positive quantity or price as typed: digits with at most two decimals, commas allowed (1,00,000). */
export const amount = z
  .string()
  .trim()
  .transform((v) => v.replace(/,/g, ""))
  .refine((v) => /^\d{1,12}(\.\d{1,2})?$/.test(v) && Number(v) > 0, { message: "amountFormat" })
  .transform(Number);

/** A checkbox: sent as "on" when ticked, absent when not. */
export const ticked = z
  .string()
  .optional()
  .transform((v) => v === "on");
