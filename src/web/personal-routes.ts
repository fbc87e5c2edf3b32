import type { Env, Handler, MiddlewareHandler } from "hono";
import { Hono } from "hono";

/**
 * Routes of pages for one signed-in person. Each is declared here, one by one, and each runs `personal` first (the
 * session is read, the form's token checked, the body limited, and the answer marked `private, no-store`), so that
 * whether a page is personal is said where the route is, not inferred from a list of path prefixes or mount order.
 * Everything not declared this way is public: it never reads a session and may be cached.
 */
export class PersonalRoutes<E extends Env> {
  readonly app = new Hono<E>();
  readonly paths: { method: "GET" | "POST"; path: string }[] = [];

  constructor(
    private readonly personal: MiddlewareHandler<E>,
    /** The same for the few forms that carry a file: a larger body limit, nothing else different. */
    private readonly personalUpload: MiddlewareHandler<E> = personal,
  ) {}

  get(path: string, handler: Handler<E>): void {
    this.paths.push({ method: "GET", path });
    this.app.get(path, this.personal, handler);
  }

  post(path: string, handler: Handler<E>): void {
    this.paths.push({ method: "POST", path });
    this.app.post(path, this.personal, handler);
  }

  /** A form that uploads a file (multipart), under the upload body limit. */
  upload(path: string, handler: Handler<E>): void {
    this.paths.push({ method: "POST", path });
    this.app.post(path, this.personalUpload, handler);
  }
}
