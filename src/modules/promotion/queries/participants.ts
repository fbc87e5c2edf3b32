import type { DbOrTx } from "../../../platform/db";
import { producerNames } from "../../producers";
import { buyersOf } from "../../trade";

/** What a meet shows for each registration: the producer's name, or the buyer's organisation and country. */
export async function participantNames(
  db: DbOrTx,
  regs: readonly { id: number; userId: number; side: string; producerId: number | null }[],
): Promise<Map<number, { name: string; country: string | null }>> {
  const [producers, buyers] = await Promise.all([
    producerNames(
      db,
      regs.flatMap((r) => (r.producerId ? [r.producerId] : [])),
    ),
    buyersOf(
      db,
      regs.filter((r) => r.side === "buyer").map((r) => r.userId),
    ),
  ]);
  return new Map(
    regs.map((r) => {
      const b = buyers.get(r.userId);
      return [
        r.id,
        r.side === "buyer"
          ? { name: b?.organisation ?? "", country: b?.country ?? null }
          : { name: producers.get(r.producerId ?? -1) ?? "", country: "IN" },
      ];
    }),
  );
}
