import { session } from './session.js';

/** A refusal from the service: its problem+json, with the Vietnamese title and the code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    title: string,
  ) {
    super(title);
  }
}

async function failure(response: Response): Promise<ApiError> {
  const problem = (await response.json().catch(() => ({}))) as {
    title?: string;
    code?: string;
    detail?: string;
  };
  const title = [problem.title, problem.detail && problem.detail !== problem.title ? problem.detail : '']
    .filter(Boolean)
    .join(': ');
  return new ApiError(
    response.status,
    problem.code ?? `HTTP ${response.status}`,
    title || response.statusText,
  );
}

/** A request with the bearer token of the session in memory (the header, never the URL). */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = session()?.token;
  if (token) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers, credentials: 'omit' });
  if (!response.ok) throw await failure(response);
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await request(path)).json()) as T;
}

/** Sends a command; the reply names where it was recorded in the log. */
export async function command(
  aggregate: string,
  id: string,
  type: string,
  body: unknown,
): Promise<{ revision: number; position: string }> {
  const response = await request(`/${aggregate}/${id}/commands/${type}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { revision: number; position: string };
}
