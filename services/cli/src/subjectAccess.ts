import { writeFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { z } from 'zod';
import { recordRead } from '@dacxa/api';
import { LocalDate, localDateAt } from '@dacxa/domain';
import { exportSubject, subjectAccessText, type SubjectExport } from '@dacxa/protection';
import { openStores, type Config } from '@dacxa/runtime';
import { operatorMeta } from './erase.js';

/** What `dacxa subject-access` was given. */
export interface SubjectAccessOptions {
  person: string;
  request: string;
  requestDate?: string;
  format: string;
  out: string;
  actor?: string;
}

const asJson = (exported: SubjectExport, request: { number: string; date: string }) =>
  JSON.stringify(
    {
      ...exported,
      request,
      purpose: 'subject-access',
      events: exported.events.map((e) => ({ ...e, position: e.position.toString() })),
    },
    null,
    2,
  );

/**
 * `dacxa subject-access`: everything held about one person, opened, written to `out` (0600, never
 * over an existing file) as JSON or a Vietnamese document; recorded as `SubjectAccessExported` in
 * the person's stream and as a read in the access log of the unit that recorded their records.
 */
export async function runSubjectAccess(
  config: Config,
  logger: Logger,
  o: SubjectAccessOptions,
  print: (line: string) => void,
): Promise<void> {
  const personId = z.uuid().parse(o.person);
  const format = z.enum(['json', 'text']).parse(o.format);
  const meta = operatorMeta(o.actor);
  const request = {
    number: z.string().min(1).max(100).parse(o.request),
    date: LocalDate.parse(o.requestDate ?? localDateAt(meta.now)),
  };
  const stores = await openStores(config, logger);
  try {
    const exported = await exportSubject(
      stores.store,
      stores.sealer,
      stores.keys,
      { personId, request, purpose: 'subject-access', exportedOn: localDateAt(meta.now) },
      meta,
    );
    await recordRead(
      stores.store,
      meta,
      { role: meta.role, purpose: 'subject-access', inScope: true },
      {
        kind: 'export',
        target: `person-${personId}`,
        scopeUnit: exported.events[0]?.metadata.unit ?? meta.unit,
      },
      new Date(meta.now),
    );
    const body =
      format === 'text'
        ? subjectAccessText(exported, { request, purpose: 'cung cấp cho chủ thể dữ liệu' }, meta.now)
        : asJson(exported, request);
    writeFileSync(o.out, body, { mode: 0o600, flag: 'wx' });
    print(
      `Đã ghi ${exported.events.length} sự kiện (${exported.streams.length} hồ sơ) về ${personId} vào ${o.out}.`,
    );
  } finally {
    await stores.close();
  }
}
