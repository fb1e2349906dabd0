import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './styles.css';
import { completeOidcPopup } from './lib/oidc.js';
import { navigate, usePath } from './lib/router.js';
import { ROLE_LABELS, homeOf, onSession, session, setSession } from './lib/session.js';
import { Nav } from './lib/Nav.js';
import { Auditor } from './pages/Auditor.js';
import { CaseFile } from './pages/CaseFile.js';
import { Corrections } from './pages/Corrections.js';
import { MyPeople } from './pages/MyPeople.js';
import { Oversight } from './pages/Oversight.js';
import { RoundBoard } from './pages/RoundBoard.js';
import { SignIn } from './pages/SignIn.js';
import { Statistics } from './pages/Statistics.js';
import { Today } from './pages/Today.js';

const CASE_PAGE = /^\/ho-so\/([0-9a-f-]{36})$/;

function Page({ path, role }: { path: string; role: string }) {
  const caseId = CASE_PAGE.exec(path)?.[1];
  if (caseId) return <CaseFile caseId={caseId} canWrite={role.startsWith('commune-')} />;
  switch (path) {
    case '/hom-nay':
      return <Today />;
    case '/cua-toi':
      return <MyPeople />;
    case '/vong-dac-xa':
      return <RoundBoard />;
    case '/giam-sat':
      return <Oversight />;
    case '/kiem-toan':
      return <Auditor />;
    case '/dinh-chinh':
      return <Corrections />;
    case '/thong-ke':
      return <Statistics />;
    default:
      return null;
  }
}

function App() {
  const path = usePath();
  const [, setTick] = useState(0);
  useEffect(() => onSession(() => setTick((t) => t + 1)), []);
  const current = session();
  useEffect(() => {
    if (!current && path !== '/vao') navigate('/vao');
    else if (current && (path === '/' || path === '/vao')) navigate(homeOf(current.caller.role));
  }, [current, path]);
  return (
    <>
      <a class="skip" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header>
        <p class="brand">Đặc xá và tái hòa nhập cộng đồng</p>
        {current ? <Nav role={current.caller.role} path={path} /> : null}
        {current ? (
          <p class="who">
            <span data-signed-in={current.caller.role}>{current.label}</span> ·{' '}
            {ROLE_LABELS[current.caller.role] ?? current.caller.role} ·{' '}
            <button type="button" onClick={() => setSession(null)}>
              Đăng xuất
            </button>
          </p>
        ) : null}
      </header>
      {current ? <Page path={path} role={current.caller.role} /> : <SignIn />}
    </>
  );
}

if (!completeOidcPopup()) render(<App />, document.getElementById('app')!);
