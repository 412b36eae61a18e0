/**
 * An RFC 9457 problem-details response: what every error of the server looks like on the wire.
 * It never carries a stack trace or SQL. `extensions` adds members such as `errors` (the
 * field-level messages of a 400) or `cloneCount` (the warning of R17).
 */
export function problemResponse(
  status: number,
  title: string,
  detail?: string,
  extensions: Record<string, unknown> = {},
): Response {
  const body = {
    type: 'about:blank',
    title,
    status,
    ...(detail === undefined ? {} : { detail }),
    ...extensions,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}
