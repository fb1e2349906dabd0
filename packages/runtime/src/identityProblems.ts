/**
 * The identity provider's variables: nothing is derived from another (no JWKS from the issuer's
 * discovery), so a half-configured provider is refused rather than guessed at.
 */
export function identityProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const jwks = Boolean(env.DACXA_JWKS_URL);
  if (Boolean(env.DACXA_OIDC_ISSUER) !== Boolean(env.DACXA_OIDC_CLIENT_ID))
    problems.push(
      `${env.DACXA_OIDC_ISSUER ? 'DACXA_OIDC_CLIENT_ID' : 'DACXA_OIDC_ISSUER'}: cần cả DACXA_OIDC_ISSUER và DACXA_OIDC_CLIENT_ID (both or neither)`,
    );
  for (const key of ['DACXA_OIDC_ISSUER', 'DACXA_OIDC_CLIENT_ID', 'DACXA_JWT_ISSUER', 'DACXA_JWT_AUDIENCE'])
    if (env[key] && !jwks)
      problems.push(`${key}: chỉ dùng cùng DACXA_JWKS_URL (only with an identity provider's DACXA_JWKS_URL)`);
  return problems;
}
