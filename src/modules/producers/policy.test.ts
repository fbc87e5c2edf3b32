import { describe, expect, it } from "vitest";
import {
  actor,
  admin,
  buyer,
  inLucknow,
  inPatna,
  inVaranasi,
  producer,
  upOfficer,
  varanasiOfficer,
} from "../../../test/support/actors";
import type { Actor } from "../accounts";
import { can as canProducers } from "./policy";

describe("producers policy: role × action × scope", () => {
  const owned = (place: typeof inVaranasi, ownerUserId: number) => ({ ...place, ownerUserId });
  const cases: [
    string,
    Actor | null,
    Parameters<typeof canProducers>[1],
    ReturnType<typeof owned>,
    boolean,
  ][] = [
    [
      "district officer reviews its district",
      varanasiOfficer,
      "producer:review",
      owned(inVaranasi, 999),
      true,
    ],
    [
      "district officer reviews another district of its State",
      varanasiOfficer,
      "producer:review",
      owned(inLucknow, 999),
      false,
    ],
    [
      "district officer reviews another State",
      varanasiOfficer,
      "producer:review",
      owned(inPatna, 999),
      false,
    ],
    ["State officer reviews in its State", upOfficer, "producer:review", owned(inLucknow, 999), true],
    ["State officer reviews another State", upOfficer, "producer:review", owned(inPatna, 999), false],
    ["administrator reviews anywhere", admin, "producer:review", owned(inPatna, 999), true],
    [
      "producer reviews its own profile",
      producer,
      "producer:review",
      owned(inVaranasi, producer.userId),
      false,
    ],
    ["buyer reviews", buyer, "producer:review", owned(inVaranasi, 999), false],
    ["owner edits its profile", producer, "producer:edit", owned(inVaranasi, producer.userId), true],
    [
      "another producer edits it",
      actor({ role: "producer", ...inVaranasi }),
      "producer:edit",
      owned(inVaranasi, producer.userId),
      false,
    ],
    [
      "district officer edits a producer's profile",
      varanasiOfficer,
      "producer:edit",
      owned(inVaranasi, producer.userId),
      false,
    ],
    [
      "administrator edits a producer's profile",
      admin,
      "producer:edit",
      owned(inVaranasi, producer.userId),
      false,
    ],
    ["signed-out visitor edits", null, "producer:edit", owned(inVaranasi, 999), false],
  ];
  it.each(cases)("%s", (_, who, permission, thing, allowed) => {
    expect(canProducers(who, permission, thing) !== undefined).toBe(allowed);
  });
});
