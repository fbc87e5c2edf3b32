import { AppError } from "./errors";

/**
 * A workflow written down once: for each transition, the states it may start from, the state it leads to, and the
 * permission it takes (the module's policy says who holds it, for which record). A module declares its flow as a
 * constant and tests it as a table.
 */
export type Flow<
  State extends string,
  Transition extends string,
  Permission extends string = string,
> = Record<Transition, { from: readonly (State | "new")[]; to: State; by: Permission }>;

/** The state `transition` leads to from `current`, or a 409 naming both when the record is not in a state for it. */
export function nextState<S extends string, T extends string>(
  flow: Flow<S, T>,
  transition: T,
  current: S | "new",
): S {
  const step = flow[transition];
  if (!step.from.includes(current))
    throw new AppError("conflict", `Cannot ${transition} from ${current}`, { state: current, transition });
  return step.to;
}

/** The transitions open from `current`: what the page offers as buttons. */
export function openTransitions<S extends string, T extends string>(flow: Flow<S, T>, current: S): T[] {
  return (Object.keys(flow) as T[]).filter((t) => flow[t].from.includes(current));
}
