/** RFC 9457 problem details; `invalid-params` names each failing parameter. */
export type InvalidParam = { name: string; reason: string };

export function problem(
  status: number,
  title: string,
  detail: string,
  extra: { instance?: string; "invalid-params"?: InvalidParam[]; headers?: Record<string, string> } = {},
): Response {
  const { headers, ...members } = extra;
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail, ...members }), {
    status,
    headers: { "Content-Type": "application/problem+json", ...headers },
  });
}
