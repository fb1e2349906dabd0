/** What a log needs to ask a witness for a cosignature: a consistency proof from any older size. */
export type ConsistencyFrom = (oldSize: number) => readonly Uint8Array[];

export class WitnessRefusal extends Error {
  constructor(
    readonly witness: string,
    readonly status: number,
    readonly reason: string,
    /**
     * Whether the witness holds a history this checkpoint contradicts: a failed consistency
     * proof (422), or another root at the very size it holds (409 naming the size sent).
     */
    readonly contradicts = status === 422,
  ) {
    super(`${witness} refused the checkpoint (${status}): ${reason}`);
  }
}

/**
 * Asks one witness (c2sp.org/tlog-witness) to cosign a checkpoint: sends the size it is believed
 * to hold and a consistency proof from there; on 409 (it holds another size) sends again from the
 * size it named. Returns the cosignature lines, or throws WitnessRefusal (422: the witness saw a
 * history this checkpoint does not extend).
 */
export async function requestCosignature(
  url: string,
  checkpointNote: string,
  size: number,
  proofFrom: ConsistencyFrom,
  knownOldSize = 0,
  timeoutMs = 5_000,
): Promise<{ lines: string; oldSize: number }> {
  let oldSize = knownOldSize;
  for (let attempt = 0; attempt < 2; attempt++) {
    const proof = oldSize === 0 || oldSize >= size ? [] : proofFrom(oldSize);
    const body = `old ${oldSize}\n${proof.map((p) => `${Buffer.from(p).toString('base64')}\n`).join('')}\n${checkpointNote}`;
    const response = await fetch(`${url.replace(/\/$/, '')}/add-checkpoint`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (response.status === 200) return { lines: text, oldSize };
    if (response.status === 409 && response.headers.get('content-type')?.startsWith('text/x.tlog.size')) {
      const held = Number(text.trim());
      if (held === oldSize && held === size)
        throw new WitnessRefusal(
          url,
          409,
          `it holds another checkpoint of size ${held}: a different history at the same size`,
          true,
        );
      if (!Number.isSafeInteger(held) || held === oldSize || held > size)
        throw new WitnessRefusal(
          url,
          409,
          `it holds size ${text.trim()}, which this checkpoint cannot extend`,
        );
      oldSize = held;
      continue;
    }
    // A 409 without a size: another root at the size it holds (c2sp.org/tlog-witness), a fork.
    throw new WitnessRefusal(
      url,
      response.status,
      text.trim(),
      response.status === 409 || response.status === 422,
    );
  }
  throw new WitnessRefusal(url, 409, 'the size it holds kept changing');
}
