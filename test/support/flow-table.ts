import { expect, it } from "vitest";
import { type Flow, nextState } from "../../src/platform/workflow";

/**
 * A workflow tested as a table: each row is a transition, the state it starts from and the one it leads to; from
 * every other state (and "new"), the same transition must be a 409.
 */
export function flowTable<S extends string, T extends string>(
  flow: Flow<S, T>,
  states: readonly S[],
  rows: readonly (readonly [T, S | "new", S])[],
) {
  it.each(rows)("%s from %s → %s; from any other state, 409", (transition, from, to) => {
    expect(nextState(flow, transition, from)).toBe(to);
    for (const other of ["new" as const, ...states].filter((s) => !flow[transition].from.includes(s)))
      expect(() => nextState(flow, transition, other)).toThrow(expect.objectContaining({ code: "conflict" }));
  });
}
