import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider, { type Configuration } from 'oidc-provider';

/** A person the provider knows: their login is their `sub`; role and unit go in the access token. */
interface ProviderAccount {
  role: string;
  unit: string;
}

/** The client the console is registered as (docs/console.md): public, PKCE, one redirect URI. */
export const CLIENT_ID = 'dacxa-console';
/** The audience of the access tokens the provider issues for dacxa (its resource indicator). */
export const AUDIENCE = 'https://dacxa.test/api';

// The page's OpenID client (oauth4webapi) speaks to an issuer over https only, as it must in a
// deployment: a certificate for 127.0.0.1, self-signed by openssl, trusted by `dacxa serve`
// through NODE_EXTRA_CA_CERTS and by the test's browser context (ignoreHTTPSErrors).
function selfSignedCertificate(dir: string): { key: string; cert: string; certFile: string } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const args = '-x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1';
  execFileSync(
    'openssl',
    [
      'req',
      ...args.split(' '),
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

function configuration(accounts: Record<string, ProviderAccount>, redirectUri: string): Configuration {
  // RS256: what an ID token is signed with unless the client registers otherwise.
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  return {
    clients: [
      {
        client_id: CLIENT_ID,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [redirectUri],
      },
    ],
    jwks: { keys: [{ ...signing, kid: 'test-rs256', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    // The token endpoint answers the console's origin only (CORS), as for any public client.
    clientBasedCORS: (_ctx, origin, client) =>
      (client.redirectUris ?? []).some((uri) => new URL(uri).origin === origin),
    findAccount: (_ctx, sub) => (accounts[sub] ? { accountId: sub, claims: () => ({ sub }) } : undefined),
    // The claims dacxa's API requires beside `sub` (services/api/src/auth.ts).
    extraTokenClaims: (_ctx, token) => {
      const account = 'accountId' in token ? accounts[token.accountId] : undefined;
      return account ? { role: account.role, unit: account.unit } : undefined;
    },
    features: {
      // Its own login and consent pages; any password is taken (a test provider).
      devInteractions: { enabled: true },
      // Without userinfo, the `openid` request still gets its access token for the resource.
      userinfo: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'dacxa',
          audience: AUDIENCE,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
  };
}

/**
 * A real OpenID Connect provider (panva's oidc-provider) on https://127.0.0.1 and a free port.
 * `register` names the console's redirect URI once the console listens, and opens the provider.
 */
export async function startOidcProvider(accounts: Record<string, ProviderAccount>) {
  const dir = mkdtempSync(join(tmpdir(), 'dacxa-oidc-'));
  const { key, cert, certFile } = selfSignedCertificate(dir);
  let handle: RequestListener | null = null;
  const server: Server = createServer({ key, cert }, (request, response) => {
    if (handle) handle(request, response);
    else response.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    certFile,
    register(redirectUri: string) {
      const provider = new Provider(issuer, configuration(accounts, redirectUri));
      const callback = provider.callback();
      handle = (request, response) => void callback(request, response);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
