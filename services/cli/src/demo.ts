import { eventDefinition } from '@dacxa/domain';
import { verifyChain, type RecordedEvent } from '@dacxa/event-store';
import type { Logger } from 'pino';
import type { CliConfig } from './config.js';
import { demoCaseCommands } from './demoCase.js';
import { formatDateTime } from './formatVietnamese.js';
import { openStores } from './openStores.js';
import { runCaseCommand } from '@dacxa/api';

const nameIn = (event: RecordedEvent): unknown =>
  (event.data as { person?: { fullName?: unknown } }).person?.fullName;

/**
 * Until the service exists: record an invented reintegration case through the domain's deciders
 * into the embedded store, personal data sealed, then show it as commune police and as an auditor
 * see it, and verify every hash chain in the file.
 */
export async function runDemo(
  config: CliConfig,
  logger: Logger,
  out: (line: string) => void,
): Promise<boolean> {
  const stores = await openStores(config, logger);
  try {
    const caseId = crypto.randomUUID();
    for (const command of demoCaseCommands(caseId, crypto.randomUUID())) {
      await runCaseCommand(stores.store, stores.sealer, caseId, command);
    }
    out(`Hồ sơ case-${caseId} (dữ liệu trong ${config.DACXA_DATA_DIR}/):`);
    const events: RecordedEvent[] = [];
    for await (const event of stores.store.readStream(`case-${caseId}`)) events.push(event);
    for (const event of events) {
      out(
        `  #${event.revision}  ${formatDateTime(event.occurredAt)}  ${eventDefinition(event.type)?.label.vi ?? event.type}  ${event.hash.slice(0, 12)}…`,
      );
    }
    const [notice] = events;
    if (notice) {
      const police = await stores.sealer.unsealEvent(notice, {
        role: 'commune-police',
        purpose: 'case-management',
        inScope: true,
      });
      const auditor = await stores.sealer.unsealEvent(notice, {
        role: 'auditor',
        purpose: 'oversight',
        inScope: true,
      });
      out(
        `Họ tên trong tệp: niêm phong (AES-256-GCM); Công an xã xem: ${String(nameIn(police))}; kiểm toán viên xem: ${String(nameIn(auditor))}`,
      );
    }
    const report = await verifyChain(stores.store.readAll());
    out(
      report.ok
        ? `Kiểm tra chuỗi băm: toàn vẹn — ${report.events} sự kiện trong ${report.streams} luồng.`
        : `Kiểm tra chuỗi băm: LỖI tại vị trí ${report.failure.position}: ${report.failure.message}`,
    );
    return report.ok;
  } finally {
    await stores.close();
  }
}
