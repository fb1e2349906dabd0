import { useEffect, useState } from 'preact/hooks';
import { session } from './session.js';

/** What a board shows about its connection: live, (re)connecting, or stale since an instant. */
export type LiveStatus = { state: 'connecting' } | { state: 'live' } | { state: 'stale'; since: number };

export interface LiveView<T> {
  docs: Map<string, T>;
  position: string | null;
  status: LiveStatus;
  error: string | null;
}

interface Item<T> {
  key: string;
  position: string;
  document: T | null;
}
type Message<T> =
  | { type: 'ready' }
  | { type: 'snapshot' | 'resumed'; id: string; position: string; items: Item<T>[] }
  | { type: 'change'; id: string; position: string; key: string; document: T | null }
  | { type: 'error'; id: string; code: string; title: string };

const later = (a: string | null, b: string) => (a === null || BigInt(b) > BigInt(a) ? b : a);

/**
 * One view kept current over /ws (docs/live-views.md): the token as the first message, a snapshot,
 * then changes; after a drop it reconnects and resumes from the last position it saw (`after`), so
 * nothing is missed and nothing repeats, and says it is stale meanwhile.
 */
export function useLiveView<T>(view: string, unit?: string): LiveView<T> {
  const [state, setState] = useState<LiveView<T>>({
    docs: new Map(),
    position: null,
    status: { state: 'connecting' },
    error: null,
  });
  useEffect(() => {
    let docs = new Map<string, T>();
    let position: string | null = null;
    let status: LiveStatus = { state: 'connecting' };
    let error: string | null = null;
    let socket: WebSocket | null = null;
    let stopped = false;
    let retry = 250;
    const publish = () => setState({ docs, position, status, error });
    const apply = (items: Item<T>[], at: string) => {
      docs = new Map(docs);
      for (const item of items) {
        if (item.document === null) docs.delete(item.key);
        else docs.set(item.key, item.document);
      }
      position = later(position, at);
    };
    const connect = () => {
      const token = session()?.token;
      if (!token || stopped) return;
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
      socket = ws;
      ws.onopen = () => {
        ws.send(JSON.stringify({ type: 'auth', token }));
        ws.send(
          JSON.stringify({
            type: 'subscribe',
            id: view,
            view,
            ...(unit ? { unit } : {}),
            ...(position ? { after: position } : {}),
          }),
        );
      };
      ws.onmessage = (event: MessageEvent<string>) => {
        const message = JSON.parse(event.data) as Message<T>;
        if (message.type === 'snapshot') {
          docs = new Map();
          apply(message.items, message.position);
        } else if (message.type === 'resumed') apply(message.items, message.position);
        else if (message.type === 'change')
          apply(
            [{ key: message.key, position: message.position, document: message.document }],
            message.position,
          );
        else if (message.type === 'error') error = `${message.title} (${message.code})`;
        if (message.type !== 'ready' && message.type !== 'error') {
          status = { state: 'live' };
          retry = 250;
        }
        publish();
      };
      ws.onclose = () => {
        if (stopped) return;
        if (status.state !== 'stale') status = { state: 'stale', since: Date.now() };
        publish();
        setTimeout(connect, retry);
        retry = Math.min(retry * 2, 5000);
      };
    };
    connect();
    return () => {
      stopped = true;
      socket?.close();
    };
  }, [view, unit]);
  return state;
}
