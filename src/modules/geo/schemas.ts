import { z } from "zod";

const code = z.coerce.number().int().positive();
const optionalCode = z
  .string()
  .trim()
  .transform((s) => (s === "" ? null : s));

/** One row of the LGD States/UTs file. */
export const lgdStateRow = z.object({
  lgd_state_code: code,
  state_name: z.string().min(1, "is empty"),
  state_or_ut: z.enum(["S", "U"], { message: "must be S (State) or U (Union Territory)" }),
  census2011_state_code: optionalCode,
  district_count: z.coerce.number().int().nonnegative(),
});

/** One row of the LGD districts file. */
export const lgdDistrictRow = z.object({
  lgd_state_code: code,
  state_name: z.string().min(1, "is empty"),
  lgd_district_code: code,
  district_name: z.string().min(1, "is empty"),
  census2011_district_code: optionalCode,
  census2001_district_code: optionalCode,
  in_lgd_dec2022: z.enum(["yes", "no"], { message: "must be yes or no" }),
  name_dec2022: optionalCode,
});

export type LgdStateRow = z.infer<typeof lgdStateRow>;
export type LgdDistrictRow = z.infer<typeof lgdDistrictRow>;

export type AliasKind =
  | "lgd_dec2022"
  | "odop_sheet"
  | "exports_census"
  | "boundary_2011"
  | "former"
  | "colloquial";
export type NewAlias = { districtLgdCode: number; alias: string; kind: AliasKind; source: string };
