/**
 * The console's pages: the API's strict policy plus what the page itself needs, all from this
 * service, nothing inline (no 'unsafe-inline', no eval). With OpenID Connect the page also talks
 * to the identity provider's endpoints (discovery, token).
 */
export function consoleCsp(connectExtra: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${connectExtra.join(' ')}`.trim(),
  ].join(';');
}
