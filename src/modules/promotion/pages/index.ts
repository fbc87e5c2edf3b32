import type { Db } from "../../../platform/db";
import type { Lang } from "../../../web/i18n";
import type { PersonalRoutes } from "../../../web/personal-routes";
import type { AccountAction, Actor, AppEnv } from "../../accounts";
import { promotionText } from "../messages";
import { can, mayOrganise } from "../policy";
import { curatePages } from "./curate";
import { organiserPages } from "./organiser";
import { participantPages } from "./participant";

export { cataloguePublicPages } from "./catalogues-public";
export { eventPublicPages } from "./public";

/** The event pages for a signed-in person: organising, and taking part. */
export function promotionPages(routes: PersonalRoutes<AppEnv>, db: Db): void {
  organiserPages(routes, db);
  participantPages(routes, db);
  curatePages(routes, db);
}

/** What the account page offers: one's events, and for organisers the events they run. */
export async function promotionActions(_db: Db, actor: Actor, lang: Lang): Promise<AccountAction[]> {
  const t = promotionText(lang);
  return [
    ...(mayOrganise(actor) ? [{ href: "/events/manage", label: t("manageEvents") }] : []),
    ...(can(actor, "catalogue:curate", null)
      ? [{ href: "/catalogues/manage", label: t("curateTitle") }]
      : []),
    { href: "/events/mine", label: t("myEvents") },
  ];
}
