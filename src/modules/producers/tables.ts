import { boolean, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "../accounts/tables";
import { products } from "../catalog/tables";
import { districts, states } from "../geo/tables";

import { producerKinds, verificationStatuses } from "./kinds";

export const producers = pgTable(
  "producers",
  {
    id: serial("id").primaryKey(),
    ownerUserId: integer("owner_user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: producerKinds }).notNull(),
    stateLgdCode: integer("state_lgd_code")
      .notNull()
      .references(() => states.lgdCode),
    districtLgdCode: integer("district_lgd_code")
      .notNull()
      .references(() => districts.lgdCode),
    /** Its district's ODOP product, when it makes one. */
    odopProductId: integer("odop_product_id").references(() => products.id),
    otherProducts: text("other_products"),
    description: text("description"),
    phone: text("phone").notNull(),
    email: text("email").notNull(),
    udyam: text("udyam"),
    gstin: text("gstin"),
    iec: text("iec"),
    pan: text("pan"),
    status: text("status", { enum: verificationStatuses }).notNull().default("pending"),
    statusReason: text("status_reason"),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
    /** Optimistic concurrency: an edit names the version it started from; a different one is a 409, not an overwrite. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("producers_district_status").on(t.districtLgdCode, t.status),
    index("producers_owner").on(t.ownerUserId),
  ],
);
