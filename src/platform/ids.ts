import { z } from "zod";

/** The largest value of a PostgreSQL integer column: ids and codes beyond it name nothing. */
export const maxInt = 2_147_483_647;

/** An id or code from outside (query, form, path): a whole number that a PostgreSQL integer can hold. */
export const intId = z.coerce.number().int().positive().max(maxInt);

/** An LGD code: States and districts are numbered well below a million. */
export const lgdCode = intId.max(999_999);
