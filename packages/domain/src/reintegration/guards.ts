import { refuse } from '../shared/rules.js';
import { CASE_RULES } from './rules.js';
import { isActive, type ActiveCase, type CaseState } from './state.js';

/** The case, if the person has reported in and the case is neither sent away nor closed. */
export function activeCase(state: CaseState): ActiveCase {
  if (isActive(state)) return state;
  switch (state.status) {
    case 'none':
      return refuse(CASE_RULES.noCase);
    case 'expected':
      return refuse(CASE_RULES.beforeReception);
    case 'transferredOut':
      return refuse(CASE_RULES.transferredOut);
    case 'closed':
      return refuse(CASE_RULES.closed);
  }
}

/** The case, if it is still awaiting the person. */
export function expectedCase(state: CaseState): Extract<CaseState, { status: 'expected' }> {
  if (state.status === 'expected') return state;
  if (state.status === 'none') return refuse(CASE_RULES.noCase);
  if (state.status === 'closed') return refuse(CASE_RULES.closed);
  if (state.status === 'transferredOut') return refuse(CASE_RULES.transferredOut);
  return refuse(CASE_RULES.alreadyReceived);
}
