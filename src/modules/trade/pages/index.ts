import type { Db } from "../../../platform/db";
import type { FileStore } from "../../../platform/file-store";
import type { Lang } from "../../../web/i18n";
import type { PersonalRoutes } from "../../../web/personal-routes";
import type { AccountAction, Actor, AppEnv } from "../../accounts";
import { tradeText } from "../messages";
import { can } from "../policy";
import { buyerPages } from "./buyer";
import { listingPages } from "./listings";
import { moderationPages } from "./moderation";

export { bazaarPublicPages } from "./public";

/** The trade pages for a signed-in person: buyer profile, a producer's listings, officers' moderation. */
export function tradePages(routes: PersonalRoutes<AppEnv>, db: Db, deps: { store: FileStore }): void {
  buyerPages(routes, db);
  listingPages(routes, db, deps);
  moderationPages(routes, db);
}

/** What the account page offers, by role: a producer's listings, an officer's listings to watch, the buyer profile. */
export async function tradeActions(_db: Db, actor: Actor, lang: Lang): Promise<AccountAction[]> {
  const t = tradeText(lang);
  return [
    ...(can(actor, "listing:moderate-queue", null)
      ? [{ href: "/officer/listings", label: t("moderationTitle") }]
      : []),
    ...(actor.grants.some((g) => g.role === "producer")
      ? [{ href: "/listings/mine", label: t("myListings") }]
      : []),
    { href: "/buyers/me", label: t("buyerTitle") },
  ];
}
