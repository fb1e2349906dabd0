/** Labels are our own constants, but a page is no place to trust that. */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A plain page at /docs: every operation with its Vietnamese summary, and the OpenAPI document to
 * load into any viewer. No scripts from elsewhere: the service must work on a closed network.
 */
export function renderDocsPage(openApi: Record<string, unknown>): string {
  const paths = openApi.paths as Record<string, Record<string, { summary: string; description: string }>>;
  const rows = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(
      ([method, op]) =>
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape(op.summary)}</td><td lang="en">${escape(op.description)}</td></tr>`,
    ),
  );
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>dacxa — API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}td{padding:.2rem .6rem;border-bottom:1px solid #ddd}</style></head>
<body><h1>dacxa — giao diện lập trình (API)</h1>
<p>Tài liệu OpenAPI 3.1: <a href="/docs/openapi.json">/docs/openapi.json</a>. Mọi yêu cầu gửi kèm
<code>Authorization: Bearer &lt;mã&gt;</code>.</p>
<table><thead><tr><th>Phương thức</th><th>Đường dẫn</th><th>Thao tác</th><th>Operation</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></body></html>
`;
}
