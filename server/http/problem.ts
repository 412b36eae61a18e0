/**
 * An RFC 9457 problem-details response: what every error of the server looks like on the wire.
 * It never carries a stack trace or SQL.
 */
export function problemResponse(status: number, title: string, detail?: string): Response {
  const body = { type: 'about:blank', title, status, ...(detail === undefined ? {} : { detail }) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}
