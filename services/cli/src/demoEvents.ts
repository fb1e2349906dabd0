import type { NewEvent } from '@dacxa/event-store';

const commune = 'xa-an-khanh';
const police = { actor: 'demo-cong-an-xa', role: 'commune-police', unit: commune };
const chair = { actor: 'demo-chu-tich-ubnd', role: 'commune-chair', unit: commune };

/**
 * A short, invented reintegration case for the event-store demonstration. The person is fictional;
 * the domain issue replaces these with the real schemas.
 */
export function demoCaseEvents(caseId: string): NewEvent[] {
  return [
    {
      type: 'PersonReceived',
      data: { caseId, displayName: 'Người được đặc xá (giả định) số 1', commune, village: 'Thôn 3' },
      metadata: { ...police, commandId: `${caseId}-receive` },
      occurredAt: '2025-09-03T02:00:00Z',
    },
    {
      type: 'SupervisorAssigned',
      data: { caseId, supervisor: 'Trưởng thôn 3 (giả định)', decision: 'QĐ 01/QĐ-UBND (minh họa)' },
      metadata: { ...chair, commandId: `${caseId}-assign` },
      occurredAt: '2025-09-05T03:00:00Z',
    },
    {
      type: 'VisitLogged',
      data: { caseId, summary: 'Thăm hỏi tại gia đình; đã có việc làm thời vụ' },
      metadata: { ...police, commandId: `${caseId}-visit-1` },
      occurredAt: '2025-10-01T08:00:00Z',
    },
  ];
}
