import type { MiddlewareHandler } from "hono";

const loopback = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Which Host headers the platform answers: the host of PUBLIC_ORIGIN, or, when none is configured, only the loopback
 * names. A request for any other host is refused (421) before anything reads it, so no page, redirect or mail can be
 * built on a host an attacker chose. Health checks answer whatever the host, for load balancers that probe by address.
 */
export function hostGuard(publicOrigin: string | undefined): MiddlewareHandler {
  const ours = publicOrigin ? new URL(publicOrigin).host.toLowerCase() : null;
  return async (c, next) => {
    if (c.req.path === "/healthz" || c.req.path === "/readyz") return next();
    const url = new URL(c.req.url);
    const accepted = ours ? url.host.toLowerCase() === ours : loopback.has(url.hostname.toLowerCase());
    if (accepted) return next();
    return c.text(
      ours
        ? `This server answers for ${ours} only.`
        : "This server answers for localhost only: set PUBLIC_ORIGIN to the address people use to reach it.",
      421,
    );
  };
}
