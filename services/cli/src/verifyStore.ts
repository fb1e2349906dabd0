import { existsSync } from 'node:fs';
import { verifyChain } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';

/** Recomputes every hash in a store file and prints the first broken link, if any. */
export async function runVerifyStore(file: string, out: (line: string) => void): Promise<boolean> {
  if (!existsSync(file)) {
    out(`Không tìm thấy tệp ${file} (no such store file)`);
    return false;
  }
  const store = getSqliteEventStore({ path: file });
  try {
    const report = await verifyChain(store.readAll());
    if (report.ok) out(`Toàn vẹn: ${report.events} sự kiện, ${report.streams} luồng (chain intact).`);
    else {
      const { position, reason, message } = report.failure;
      out(`LỖI tại vị trí ${position ?? '?'} (${reason}): ${message}`);
    }
    return report.ok;
  } finally {
    await store.close();
  }
}
