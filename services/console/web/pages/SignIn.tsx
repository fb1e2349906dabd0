import { useEffect, useState } from 'preact/hooks';
import { getJson, request } from '../lib/api.js';
import { signInWithOidc } from '../lib/oidc.js';
import { navigate } from '../lib/router.js';
import { ROLE_LABELS, homeOf, setSession, type Caller } from '../lib/session.js';

interface Person {
  id: string;
  role: string;
  unit: string;
  label: string;
}
type Config =
  | { mode: 'demo'; people: Person[] }
  | { mode: 'oidc'; oidc: { issuer: string; clientId: string } }
  | { mode: 'none' };

async function demoSignIn(person: Person): Promise<void> {
  const response = await fetch('/console/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ person: person.id }),
    credentials: 'omit',
  });
  if (!response.ok) throw new Error('Không đăng nhập được');
  const body = (await response.json()) as { token: string; expiresAt: number; caller: Caller };
  setSession({ ...body, label: person.label });
  navigate(homeOf(body.caller.role));
}

async function oidcSignIn(oidc: { issuer: string; clientId: string }): Promise<void> {
  const { token, expiresAt } = await signInWithOidc(oidc);
  // A token the API refuses (a unit not in the tree…) throws the API's own Vietnamese title.
  const response = await request('/me', { headers: { authorization: `Bearer ${token}` } });
  const me = (await response.json()) as Caller;
  setSession({ token, caller: me, expiresAt, label: ROLE_LABELS[me.role] ?? me.role });
  navigate(homeOf(me.role));
}

/** Sign-in: the demo's role picker, or the identity provider. */
export function SignIn() {
  const [config, setConfig] = useState<Config | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () => void getJson<Config>('/console/config').then(setConfig, (e: Error) => setError(e.message)),
    [],
  );
  const run = (work: Promise<void>) => work.catch((e: Error) => setError(e.message));
  return (
    <main id="main" class="signin">
      <h1>Đăng nhập</h1>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      {config?.mode === 'demo' ? (
        <>
          <p>
            Bản minh họa: chọn một người (giả định) để đăng nhập với vai trò và đơn vị của họ. Mã đăng nhập
            chỉ được giữ trong trang này.
          </p>
          <ul class="people">
            {config.people.map((p) => (
              <li key={p.id}>
                <button type="button" data-person={p.id} onClick={() => void run(demoSignIn(p))}>
                  <strong>{p.label}</strong>
                  <span>
                    {ROLE_LABELS[p.role] ?? p.role} · {p.unit}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : config?.mode === 'oidc' ? (
        <button type="button" onClick={() => void run(oidcSignIn(config.oidc))}>
          Đăng nhập qua nhà cung cấp định danh
        </button>
      ) : config ? (
        <p>Đăng nhập qua nhà cung cấp định danh chưa được cấu hình cho trang này.</p>
      ) : (
        <p>Đang tải…</p>
      )}
    </main>
  );
}
