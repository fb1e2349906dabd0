import './nav.css';
import { navigate } from './router.js';
import { linksOf } from './session.js';

/** The pages of the signed-in role (session.ts `linksOf`), as links; the current one marked for screen readers. */
export function Nav({ role, path }: { role: string; path: string }) {
  const links = linksOf(role);
  if (links.length === 0) return null;
  return (
    <nav aria-label="Các trang">
      <ul>
        {links.map((l) => (
          <li key={l.path}>
            <a
              href={l.path}
              aria-current={path === l.path ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(l.path);
              }}
            >
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
