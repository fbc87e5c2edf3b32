/** A node of the intervention tree as the roll-up sees it: its weight, its own reported progress, its status. */
export type ProgressNode = {
  id: number;
  parentId: number | null;
  weight: number;
  progress: number;
  status: string;
};

const clamp = (n: number) => Math.min(100, Math.max(0, Number.isFinite(n) ? n : 0));

/**
 * Each node's progress, the Decidim Accountability way: a leaf's is what its owner reported (0–100); a parent's is
 * the weighted mean of its children's, dropped children and zero weights left out (a parent whose children are all
 * left out keeps its own). Rounded only for display, never here.
 */
export function rollUp(nodes: readonly ProgressNode[]): Map<number, number> {
  const children = new Map<number, ProgressNode[]>();
  for (const n of nodes)
    if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const out = new Map<number, number>();
  const visiting = new Set<number>();
  const of = (n: ProgressNode): number => {
    const known = out.get(n.id);
    if (known !== undefined) return known;
    // A cycle cannot be saved (a parent is chosen among existing nodes), but a broken row must not hang a page.
    if (visiting.has(n.id)) return clamp(n.progress);
    visiting.add(n.id);
    const counted = (children.get(n.id) ?? []).filter((c) => c.status !== "dropped" && c.weight > 0);
    const total = counted.reduce((s, c) => s + c.weight, 0);
    const value = total > 0 ? counted.reduce((s, c) => s + c.weight * of(c), 0) / total : clamp(n.progress);
    visiting.delete(n.id);
    out.set(n.id, clamp(value));
    return clamp(value);
  };
  for (const n of nodes) of(n);
  return out;
}

/** The plan's overall progress: the weighted mean of its top-level interventions, or null with none counted. */
export function overallProgress(nodes: readonly ProgressNode[], rolled = rollUp(nodes)): number | null {
  const top = nodes.filter((n) => n.parentId === null && n.status !== "dropped" && n.weight > 0);
  const total = top.reduce((s, n) => s + n.weight, 0);
  if (!total) return null;
  return top.reduce((s, n) => s + n.weight * (rolled.get(n.id) ?? 0), 0) / total;
}
