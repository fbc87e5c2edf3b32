import type { Db } from "../../platform/db";
import type { Lang } from "../../web/i18n";
import { hrefIn } from "../../web/layout";
import { actionsCarryingOut } from "./queries/parts";

/** For a meeting's published minutes: the plan actions that carry out its decisions, each linked on its plan's page. */
export async function decisionFollowUps(db: Db, decisionIds: number[], lang: Lang) {
  return (await actionsCarryingOut(db, decisionIds)).map((a) => ({
    decisionId: a.decisionId as number,
    href: `${hrefIn(`/districts/${a.districtLgdCode}/export-plan`, lang)}#intervention-${a.id}`,
    label: a.title,
  }));
}
