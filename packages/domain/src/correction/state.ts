import type { Holders } from '../access/holders.js';
import type { CorrectionEvent } from './events.js';

type Proposed = Extract<CorrectionEvent, { type: 'CorrectionProposed' }>['data'];

/** A correction's stage: proposed, then approved or rejected (never both, never twice). */
export type CorrectionState =
  { status: 'none' } | ({ status: 'proposed' | 'approved' | 'rejected'; holders: Holders } & Proposed);

export const initialCorrectionState: CorrectionState = { status: 'none' };

export function evolveCorrection(state: CorrectionState, event: CorrectionEvent): CorrectionState {
  switch (event.type) {
    case 'CorrectionProposed':
      return { status: 'proposed', ...event.data, holders: event.data.targetHolders as Holders };
    case 'CorrectionApproved':
      return state.status === 'none' ? state : { ...state, status: 'approved' };
    case 'CorrectionRejected':
      return state.status === 'none' ? state : { ...state, status: 'rejected' };
  }
}
