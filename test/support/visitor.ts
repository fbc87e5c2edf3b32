import type { Hono } from "hono";

/**
 * A browser as far as the server can tell, over the in-process app: it keeps cookies, sends its form's CSRF token
 * (read from the page, as a browser would submit it) and its Origin.
 */
export class Visitor {
  readonly cookies = new Map<string, string>();
  lastHtml = "";
  /** The form token of the newest page that had a form (a page without one leaves it as it was, as a browser's tab would). */
  private lastToken = "";

  constructor(
    private readonly app: Hono,
    readonly origin = "http://localhost",
  ) {}

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (value === "" || attrs.some((a) => /max-age=0$/i.test(a.trim()))) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return res;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(path: string): Promise<Response> {
    const res = this.remember(await this.app.request(path, { headers: { Cookie: this.cookieHeader() } }));
    if (res.headers.get("Content-Type")?.includes("text/html")) this.lastHtml = await res.clone().text();
    return res;
  }

  /** The token of the last page's form (or of the newest page that had one). */
  csrf(): string {
    const token = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1];
    if (token) this.lastToken = token;
    return this.lastToken;
  }

  /** Posts a form the way a browser would after showing `from` (fetched first for its token and cookie). */
  async post(
    path: string,
    fields: Record<string, string>,
    opts: { from?: string; csrf?: string | false; origin?: string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    if (opts.from) await this.get(opts.from);
    const body = new URLSearchParams(fields);
    if (opts.csrf !== false) body.set("_csrf", opts.csrf ?? this.csrf());
    const res = this.remember(
      await this.app.request(path, {
        method: "POST",
        body,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Cookie: this.cookieHeader(),
          Origin: opts.origin ?? this.origin,
          ...opts.headers,
        },
      }),
    );
    if (res.headers.get("Content-Type")?.includes("text/html")) this.lastHtml = await res.clone().text();
    return res;
  }

  /** Sends a form with a file (multipart), as a browser would after showing `from`. */
  async upload(
    path: string,
    fields: Record<string, string>,
    file: { name: string; bytes: Buffer | string; type?: string },
    opts: { from?: string } = {},
  ): Promise<Response> {
    if (opts.from) await this.get(opts.from);
    const form = new FormData();
    form.set("_csrf", this.csrf());
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const bytes = typeof file.bytes === "string" ? file.bytes : new Uint8Array(file.bytes);
    form.set("file", new File([bytes], file.name, { type: file.type ?? "application/octet-stream" }));
    const res = this.remember(
      await this.app.request(path, {
        method: "POST",
        body: form,
        headers: { Cookie: this.cookieHeader(), Origin: this.origin },
      }),
    );
    if (res.headers.get("Content-Type")?.includes("text/html")) this.lastHtml = await res.clone().text();
    return res;
  }
}
