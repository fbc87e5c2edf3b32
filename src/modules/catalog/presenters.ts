import type { listGi } from "./queries";

/** A GI registration as the API and the open data give it (the register's serial is not unique; the id is). */
export const giOut = (g: Awaited<ReturnType<typeof listGi>>[number]) => ({
  id: g.id,
  serial: g.listSerialNo,
  name: g.name,
  goodsClass: g.goodsCategory,
  states: g.states,
  origin: g.origin,
  duplicateOfSerial: g.duplicateOfSerial,
});

/** Where a search hit leads: its page on the portal. */
export function searchHitPath(kind: string, ref: string): string {
  switch (kind) {
    case "product":
      return `/products/${ref}`;
    case "district":
      return `/districts/${ref}`;
    case "state":
      return `/states/${ref}`;
    case "listing":
      return `/bazaar/listings/${ref}`;
    default:
      return `/gi/${ref}`;
  }
}
