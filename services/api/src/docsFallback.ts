import type { FastifyInstance } from 'fastify';

/** Summaries come from our own declarations, but a page is no place to trust that. */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Paths = Record<string, Record<string, { summary?: string }>>;

function operationList(paths: Paths): string {
  const items = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(
      ([method, op]) =>
        `<li><code>${method.toUpperCase()} ${escape(path)}</code> ${escape(op.summary ?? '')}</li>`,
    ),
  );
  return `<noscript><h1>dacxa — giao diện lập trình (API)</h1>
<p>Trang này cần JavaScript; tài liệu OpenAPI 3.1: <a href="/docs/openapi.json">/docs/openapi.json</a>.</p>
<ul>${items.join('\n')}</ul></noscript>`;
}

/**
 * swagger-ui shows nothing without JavaScript, which locked-down browsers on closed networks often
 * lack: its page carries every operation with its Vietnamese summary in a <noscript>, as the page
 * it replaced did. Added before swagger-ui is registered, so its routes inherit the hook.
 */
export function docsFallback(app: FastifyInstance): void {
  let list: string | undefined;
  app.addHook('onSend', async (request, _reply, payload) => {
    const route = request.routeOptions.url;
    if ((route !== '/docs' && route !== '/docs/') || typeof payload !== 'string') return payload;
    list ??= operationList((app.swagger() as { paths: Paths }).paths);
    return payload.replace('</body>', `${list}</body>`);
  });
}
