import WebSocket from 'ws';

/** A message the service sends on /ws. */
export interface LiveMessage {
  type: 'ready' | 'snapshot' | 'resumed' | 'change' | 'error';
  id?: string;
  position?: string;
  key?: string;
  code?: string;
  /** On `ready`: when the token's session ends (ISO 8601). */
  expiresAt?: string;
  document?: Record<string, unknown> | null;
  items?: Array<{ key: string; position: string; document: Record<string, unknown> }>;
}

/** A real WebSocket client on the service's /ws, with its messages kept in order. */
export async function connectLive(baseUrl: string, options: WebSocket.ClientOptions = {}) {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`, options);
  const messages: LiveMessage[] = [];
  let closed: { code: number; reason: string } | null = null;
  socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as LiveMessage));
  const closing = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => {
      closed = { code, reason: reason.toString('utf8') };
      resolve(closed);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });

  /** Resolves with the first message (from `from` on) that matches; fails after `ms`. */
  async function next(match: (m: LiveMessage) => boolean, from = 0, ms = 5_000): Promise<LiveMessage> {
    for (const started = Date.now(); Date.now() - started < ms;) {
      const found = messages.slice(from).find(match);
      if (found) return found;
      if (closed) throw new Error(`closed ${closed.code} ${closed.reason}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no matching message in ${ms} ms; got ${JSON.stringify(messages.map((m) => m.type))}`);
  }

  return {
    socket,
    messages,
    closing,
    next,
    send: (message: unknown) => socket.send(JSON.stringify(message)),
    /** Authenticates, or renews the session on the same socket: resolves with the new `ready`. */
    async auth(token: string) {
      const from = messages.length;
      socket.send(JSON.stringify({ type: 'auth', token }));
      return next((m) => m.type === 'ready', from);
    },
    close: () => socket.close(),
  };
}
