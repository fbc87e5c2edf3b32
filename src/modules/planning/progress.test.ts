import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { overallProgress, type ProgressNode, rollUp } from "./progress";

/** Any forest: each node's parent is an earlier node or none, with any weight, progress and status. */
const forest = fc
  .array(
    fc.record({
      parentPick: fc.option(fc.nat(), { nil: null }),
      weight: fc.integer({ min: 0, max: 100 }),
      progress: fc.integer({ min: 0, max: 100 }),
      status: fc.constantFrom("planned", "in_progress", "done", "dropped"),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((rows) =>
    rows.map(
      (r, i): ProgressNode => ({
        id: i + 1,
        parentId: r.parentPick === null || i === 0 ? null : (r.parentPick % i) + 1,
        weight: r.weight,
        progress: r.progress,
        status: r.status,
      }),
    ),
  );

describe("progress roll-up", () => {
  it("stays within 0–100 for every node of any tree", () => {
    fc.assert(
      fc.property(forest, (nodes) => {
        const rolled = rollUp(nodes);
        expect(rolled.size).toBe(nodes.length);
        for (const v of rolled.values()) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("gives each parent the weighted mean of its counted children, and each leaf its own progress", () => {
    fc.assert(
      fc.property(forest, (nodes) => {
        const rolled = rollUp(nodes);
        for (const n of nodes) {
          const kids = nodes.filter((c) => c.parentId === n.id && c.status !== "dropped" && c.weight > 0);
          const total = kids.reduce((s, c) => s + c.weight, 0);
          const expected =
            total > 0
              ? kids.reduce((s, c) => s + c.weight * (rolled.get(c.id) ?? Number.NaN), 0) / total
              : n.progress;
          expect(rolled.get(n.id)).toBeCloseTo(expected, 9);
        }
      }),
    );
  });

  it("takes the plan's overall progress as the weighted mean of its top level", () => {
    const nodes: ProgressNode[] = [
      { id: 1, parentId: null, weight: 3, progress: 0, status: "in_progress" },
      { id: 2, parentId: 1, weight: 1, progress: 100, status: "done" },
      { id: 3, parentId: 1, weight: 3, progress: 20, status: "in_progress" },
      { id: 4, parentId: null, weight: 1, progress: 60, status: "in_progress" },
      { id: 5, parentId: null, weight: 5, progress: 90, status: "dropped" },
    ];
    const rolled = rollUp(nodes);
    expect(rolled.get(1)).toBeCloseTo((100 + 3 * 20) / 4, 9);
    expect(overallProgress(nodes, rolled)).toBeCloseTo((3 * 40 + 60) / 4, 9);
    expect(overallProgress([])).toBeNull();
  });
});
