import type { Db } from "../../../platform/db";
import type { Lang } from "../../../web/i18n";
import type { PersonalRoutes } from "../../../web/personal-routes";
import type { Actor, AppEnv } from "../../accounts";
import { producerText } from "../messages";
import { can } from "../policy";
import { buyerPages } from "./buyer";
import { directoryPages } from "./directory";
import { profileFormPages } from "./profile-form";
import { reviewPages } from "./review";

/** The producers pages: all personal (the directory shows contacts to buyers), never cached, CSRF-checked. */
export function producersPages(routes: PersonalRoutes<AppEnv>, db: Db): void {
  profileFormPages(routes, db);
  directoryPages(routes, db);
  reviewPages(routes, db);
  buyerPages(routes, db);
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
