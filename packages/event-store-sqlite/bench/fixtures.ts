import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@dacxa/event-store';

/** A fresh folder for one benchmark run's files. */
export function benchDir(): string {
  return mkdtempSync(join(tmpdir(), 'dacxa-bench-'));
}

/** A commune visit of realistic size (~400 bytes of data), invented. */
export function visitEvent(n: number): NewEvent {
  return {
    type: 'VisitLogged',
    data: {
      caseId: `case-${n % 150_000}`,
      visitNo: n,
      visitedAt: '2025-10-01T08:00:00+07:00',
      by: 'Công an xã An Khánh',
      summary:
        'Thăm hỏi tại gia đình; đã có việc làm thời vụ tại hợp tác xã, chấp hành tốt quy định nơi cư trú.',
      supports: ['giới thiệu việc làm', 'hỗ trợ thủ tục căn cước'],
      nextVisitDue: '2025-11-01',
    },
    metadata: { actor: `user-${n % 97}`, role: 'commune-police', unit: 'xa-an-khanh', commandId: `cmd-${n}` },
    occurredAt: '2025-10-01T01:00:00Z',
  };
}
