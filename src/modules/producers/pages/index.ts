import { Hono } from "hono";
import type { Db } from "../../../platform/db";
import type { Lang } from "../../../web/i18n";
import type { Actor, AppEnv } from "../../accounts";
import { producerText } from "../messages";
import { can } from "../policy";
import { buyerPages } from "./buyer";
import { directoryPages } from "./directory";
import { profileFormPages } from "./profile-form";
import { reviewPages } from "./review";

/** Paths of the producers pages: read the session (contact for buyers), never cached, CSRF-checked. */
export const producerPrefixes = ["/producers", "/officer/", "/buyers/"];

export function producersPages(db: Db): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  profileFormPages(app, db);
  directoryPages(app, db);
  reviewPages(app, db);
  buyerPages(app, db);
  return app;
}

/** What the account page offers a person, by role. */
export function producerActions(actor: Actor, lang: Lang) {
  const pt = producerText(lang);
  return [
    ...(can(actor, "producer:review-queue", null)
      ? [{ href: "/officer/producers", label: pt("queueTitle") }]
      : []),
    { href: "/producers/mine", label: pt("myProducers") },
    { href: "/producers/new", label: pt("register") },
    { href: "/buyers/me", label: pt("buyerTitle") },
  ];
}
