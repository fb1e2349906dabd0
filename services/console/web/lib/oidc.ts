import * as oauth from 'oauth4webapi';

/**
 * OpenID Connect, authorization code with PKCE (oauth4webapi), for deployments whose tokens come
 * from an identity provider. The provider's page opens in a popup that comes back to
 * /oidc/callback and hands the authorization response to this page, so the code verifier and the
 * tokens stay in this page's memory (nothing in localStorage, sessionStorage or this page's URL).
 * Run against oidc-provider by test/console/src/oidc.e2e.spec.ts.
 */
export async function signInWithOidc(config: {
  issuer: string;
  clientId: string;
}): Promise<{ token: string; expiresAt: number }> {
  const issuer = new URL(config.issuer);
  const as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oidc' }),
  );
  const client: oauth.Client = { client_id: config.clientId };
  const redirectUri = `${location.origin}/oidc/callback`;
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint ?? '');
  url.searchParams.set('client_id', client.client_id);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'openid');
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  const callback = await new Promise<URL>((resolve, reject) => {
    const popup = open(url, 'dacxa-oidc', 'popup,width=520,height=680');
    if (!popup) return reject(new Error('Trình duyệt đã chặn cửa sổ đăng nhập'));
    const onMessage = (event: MessageEvent<{ type?: string; url?: string }>) => {
      if (event.origin !== location.origin || event.data.type !== 'dacxa-oidc' || !event.data.url) return;
      removeEventListener('message', onMessage);
      resolve(new URL(event.data.url));
    };
    addEventListener('message', onMessage);
  });
  const params = oauth.validateAuthResponse(as, client, callback, state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri,
    verifier,
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  // The provider says how long its token lives; an hour when it does not (the API holds exp anyway).
  return { token: result.access_token, expiresAt: Date.now() + (result.expires_in ?? 3600) * 1000 };
}

/** In the popup, back from the provider: hand the response to the console and close. */
export function completeOidcPopup(): boolean {
  if (location.pathname !== '/oidc/callback' || !window.opener) return false;
  (window.opener as Window).postMessage({ type: 'dacxa-oidc', url: location.href }, location.origin);
  window.close();
  return true;
}
