import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a request's timestamp may be from the server's clock; older ones are replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * `sha256=` + hex HMAC-SHA256, keyed with the contact center's webhook secret, over
 * `<timestamp>.<raw body>`: the timestamp is signed too, so an old request cannot be re-sent
 * with a fresh one.
 */
export function signInteraction(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Why a signed request is refused, or null when it is genuine and fresh. */
export function signatureProblem(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): string | null {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature) {
    return 'Sign the request: X-Wrapup-Timestamp and X-Wrapup-Signature are required.';
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) {
    return 'The request is too old (or its clock is off): replays are refused.';
  }
  const expected = Buffer.from(signInteraction(secret, timestamp, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return 'The signature does not match.';
  }
  return null;
}
