import type { Db } from "../../../platform/db";
import type { Lang } from "../../../web/i18n";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AccountAction, type Actor, type AppEnv, formatWhen } from "../../accounts";
import { producerText } from "../messages";
import { can } from "../policy";
import { reviewWork } from "../queries";
import { directoryPages } from "./directory";
import { profileFormPages } from "./profile-form";
import { reviewPages } from "./review";
import type { ProducerPageExtras } from "./shared";

export type { ProducerPageExtras } from "./shared";

/** The producers pages: all personal (the directory shows contacts to buyers), never cached, CSRF-checked. */

export function producersPages(
  routes: PersonalRoutes<AppEnv>,
  db: Db,
  extras: ProducerPageExtras = {},
): void {
  profileFormPages(routes, db);
  directoryPages(routes, db, extras);
  reviewPages(routes, db);
}

/**
 * What the account page offers a person, by role; for an officer, first what waits: the profiles to verify and how
 * long the oldest has waited (the worklist later modules add to).
 */
export async function producerActions(db: Db, actor: Actor, lang: Lang): Promise<AccountAction[]> {
  const pt = producerText(lang);
  const work = can(actor, "producer:review-queue", null) ? await reviewWork(db, actor) : null;
  return [
    ...(work
      ? [
          {
            href: "/officer/producers",
            label: pt("queueTitle"),
            waiting: work.waiting
              ? pt(work.waiting === 1 ? "workOne" : "workMany", {
                  n: work.waiting,
                  date: work.oldest ? formatWhen(work.oldest, lang) : "",
                })
              : pt("workNone"),
            urgent: work.waiting > 0,
          },
        ]
      : []),
    { href: "/producers/mine", label: pt("myProducers") },
    { href: "/producers/new", label: pt("register") },
  ];
}
