import { describe, expect, it } from "vitest";
import {
  admin,
  buyer,
  inLucknow,
  inPatna,
  inVaranasi,
  producer,
  upOfficer,
  varanasiOfficer,
} from "../../../test/support/actors";
import { flowTable } from "../../../test/support/flow-table";
import type { Actor } from "../accounts";
import { listingFlow, listingStates } from "./listing-flow";
import { orderFlow, orderStates } from "./order-flow";
import { can, type TradePermission } from "./policy";
import { responseFlow, responseStates, rfqFlow, rfqStates } from "./rfq-flow";

describe("RFQ, quote and order flows", () => {
  flowTable(rfqFlow, rfqStates, [
    ["send", "new", "open"],
    ["award", "open", "awarded"],
    ["cancel", "open", "cancelled"],
    ["expire", "open", "expired"],
  ]);
  flowTable(responseFlow, responseStates, [
    ["approve", "held", "invited"],
    ["refuse", "held", "refused"],
    ["quote", "invited", "quoted"],
    ["revise", "quoted", "quoted"],
    ["decline", "invited", "declined_by_producer"],
    ["decline", "quoted", "declined_by_producer"],
    ["accept", "quoted", "accepted"],
    ["reject", "quoted", "declined_by_buyer"],
    ["expire", "held", "expired"],
    ["expire", "invited", "expired"],
    ["expire", "quoted", "expired"],
  ]);
  flowTable(orderFlow, orderStates, [
    ["sample", "placed", "sample_sent"],
    ["confirm", "placed", "confirmed"],
    ["confirm", "sample_sent", "confirmed"],
    ["produce", "confirmed", "produced"],
    ["ship", "produced", "shipped"],
    ["deliver", "shipped", "delivered"],
    ["cancel", "placed", "cancelled"],
    ["cancel", "sample_sent", "cancelled"],
    ["cancel", "confirmed", "cancelled"],
    ["cancel", "produced", "cancelled"],
  ]);
});

describe("listing flow", () => {
  flowTable(listingFlow, listingStates, [
    ["create", "new", "draft"],
    ["publish", "draft", "published"],
    ["publish", "withdrawn", "published"],
    ["withdraw", "published", "withdrawn"],
    ["hide", "published", "hidden"],
    ["hide", "withdrawn", "hidden"],
    ["restore", "hidden", "published"],
  ]);
});

describe("trade policy: role × action × scope", () => {
  const mine = { ...inVaranasi, ownerUserId: producer.userId };
  const theirs = (place: typeof inVaranasi) => ({ ...place, ownerUserId: 999_999 });
  const cases: [string, Actor | null, TradePermission, typeof mine | null, boolean][] = [
    ["the producer edits its listing", producer, "listing:edit", mine, true],
    ["a producer edits another's listing", producer, "listing:edit", theirs(inVaranasi), false],
    ["the district officer edits a producer's listing", varanasiOfficer, "listing:edit", mine, false],
    ["the administrator edits a producer's listing", admin, "listing:edit", mine, false],
    ["a signed-out visitor edits", null, "listing:edit", mine, false],
    ["the district officer hides in its district", varanasiOfficer, "listing:moderate", mine, true],
    [
      "the district officer hides in another district",
      varanasiOfficer,
      "listing:moderate",
      theirs(inLucknow),
      false,
    ],
    ["the State officer hides in its State", upOfficer, "listing:moderate", theirs(inLucknow), true],
    ["the State officer hides in another State", upOfficer, "listing:moderate", theirs(inPatna), false],
    ["the administrator hides anywhere", admin, "listing:moderate", theirs(inPatna), true],
    ["the producer hides its own listing", producer, "listing:moderate", mine, false],
    ["a buyer hides", buyer, "listing:moderate", mine, false],
    ["an officer sees the moderation list", varanasiOfficer, "listing:moderate-queue", null, true],
    ["a buyer sees the moderation list", buyer, "listing:moderate-queue", null, false],
    ["a buyer sends an RFQ", buyer, "rfq:send", null, true],
    ["a producer without a buyer profile sends an RFQ", producer, "rfq:send", null, false],
    ["a buyer acts on its own RFQ", buyer, "rfq:buy", { buyerUserId: buyer.userId } as never, true],
    ["a buyer acts on another's RFQ", buyer, "rfq:buy", { buyerUserId: 999_999 } as never, false],
    ["the producer quotes on what was sent to it", producer, "rfq:quote", mine, true],
    ["another producer quotes on it", producer, "rfq:quote", theirs(inVaranasi), false],
    ["the district officer lets an RFQ through in its district", varanasiOfficer, "rfq:moderate", mine, true],
    [
      "the district officer lets one through elsewhere",
      varanasiOfficer,
      "rfq:moderate",
      theirs(inLucknow),
      false,
    ],
    ["the producer records its order's steps", producer, "order:sell", mine, true],
    ["an officer records an order's steps", varanasiOfficer, "order:sell", mine, false],
    ["the State officer sees a district's pipeline", upOfficer, "pipeline:view", inLucknow as never, true],
    [
      "the district officer sees another district's pipeline",
      varanasiOfficer,
      "pipeline:view",
      inLucknow as never,
      false,
    ],
    ["a producer sees a pipeline", producer, "pipeline:view", inVaranasi as never, false],
    ["the producer sets its GeM onboarding", producer, "gem:set", mine, true],
    ["its district officer sets it", varanasiOfficer, "gem:set", mine, true],
    ["the State officer sets it", upOfficer, "gem:set", mine, false],
  ];
  it.each(cases)("%s", (_, who, permission, thing, allowed) => {
    expect(can(who, permission, thing as never) !== undefined).toBe(allowed);
  });
});
