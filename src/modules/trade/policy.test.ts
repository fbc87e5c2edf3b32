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
import { can, type TradePermission } from "./policy";

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
  ];
  it.each(cases)("%s", (_, who, permission, thing, allowed) => {
    expect(can(who, permission, thing as never) !== undefined).toBe(allowed);
  });
});
