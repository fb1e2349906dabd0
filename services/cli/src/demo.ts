import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { verifyChain } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { demoCaseEvents } from './demoEvents.js';
import { formatDateTime } from './formatVietnamese.js';
import { logger } from './logger.js';

/**
 * Until the service exists: append a demonstration case to the embedded store, read it back and
 * verify every hash chain in the file.
 */
export async function runDemo(file: string, out: (line: string) => void): Promise<boolean> {
  mkdirSync(dirname(file), { recursive: true });
  const store = getSqliteEventStore({ path: file });
  try {
    const caseId = `demo-${Date.now().toString(36)}`;
    const stream = `case-${caseId}`;
    const result = await store.append(stream, demoCaseEvents(caseId), { expectedRevision: 'no_stream' });
    logger.info(
      { stream, revision: result.revision, position: result.position.toString() },
      'events appended',
    );
    out(`Đã ghi hồ sơ ${stream} vào ${file}:`);
    for await (const event of store.readStream(stream)) {
      out(
        `  #${event.revision}  ${formatDateTime(event.occurredAt)}  ${event.type}  ${event.hash.slice(0, 16)}…`,
      );
    }
    const report = await verifyChain(store.readAll());
    if (report.ok) {
      out(`Kiểm tra chuỗi băm: toàn vẹn — ${report.events} sự kiện trong ${report.streams} luồng.`);
    } else {
      out(`Kiểm tra chuỗi băm: LỖI tại vị trí ${report.failure.position}: ${report.failure.message}`);
    }
    return report.ok;
  } finally {
    await store.close();
  }
}
