import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { hsHeadings } from "../../catalog";

/** An HS heading a form gives must be one of the HS 2022 table's: a 400 naming the field and the code otherwise. */
export async function requireHsHeading(db: DbOrTx, code: string | undefined): Promise<void> {
  if (code && (await hsHeadings(db, [code])).length === 0)
    throw new AppError("bad_request", `No HS heading ${code}`, { field: "hsCode", code });
}
