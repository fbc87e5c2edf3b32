import type { Db } from "../../../platform/db";
import type { FileStore } from "../../../platform/file-store";
import type { Lang } from "../../../web/i18n";
import type { PersonalRoutes } from "../../../web/personal-routes";
import type { AccountAction, Actor, AppEnv } from "../../accounts";
import { tradeText } from "../messages";
import { can } from "../policy";
import { rfqText } from "../rfq-messages";
import { buyerPages } from "./buyer";
import { interestPages } from "./interests";
import { listingPages } from "./listings";
import { moderationPages } from "./moderation";
import { officerTradePages } from "./officer";
import { orderPages } from "./orders";
import { rfqPages } from "./rfqs";

export { bazaarPublicPages } from "./public";

/** The trade pages for a signed-in person: buyer profile, a producer's listings, officers' moderation. */
export function tradePages(routes: PersonalRoutes<AppEnv>, db: Db, deps: { store: FileStore }): void {
  buyerPages(routes, db);
  listingPages(routes, db, deps);
  moderationPages(routes, db);
  rfqPages(routes, db);
  orderPages(routes, db);
  officerTradePages(routes, db);
  interestPages(routes, db);
}

/** What the account page offers, by role: a producer's listings, an officer's listings to watch, the buyer profile. */
export async function tradeActions(_db: Db, actor: Actor, lang: Lang): Promise<AccountAction[]> {
  const t = tradeText(lang);
  const r = rfqText(lang);
  const officer = can(actor, "listing:moderate-queue", null);
  const producer = actor.grants.some((g) => g.role === "producer");
  const buyer = can(actor, "rfq:send", null);
  return [
    ...(officer
      ? [
          { href: "/officer/rfqs", label: r("approvals") },
          { href: "/officer/trade", label: r("pipeline") },
          { href: "/officer/listings", label: t("moderationTitle") },
        ]
      : []),
    ...(producer
      ? [
          { href: "/rfqs/inbox", label: r("inbox") },
          { href: "/listings/mine", label: t("myListings") },
        ]
      : []),
    ...(buyer
      ? [
          { href: "/rfqs", label: r("myRfqs") },
          { href: "/buyers/interests", label: r("interests") },
        ]
      : []),
    ...(producer || buyer ? [{ href: "/orders", label: r("orders") }] : []),
    { href: "/buyers/me", label: t("buyerTitle") },
  ];
}
