import { describe, it } from 'vitest';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import type { OversightEvent } from './events.js';
import {
  OVERSIGHT_RULES,
  decideOversight,
  evolveOversight,
  initialOversightState,
  type OversightCommand,
  type OversightState,
} from './oversight.js';

const given = givenWhenThen<OversightCommand, OversightEvent, OversightState>({
  decide: (c, s) => decideOversight(c, s),
  evolve: evolveOversight,
  initialState: initialOversightState,
});
const meta = { actor: 'u', role: 'fatherland-front', unit: 'mttq-xa', now: '2025-09-10T02:00:00Z' } as const;
const finding: OversightCommand = {
  type: 'RecordFinding',
  data: {
    matterId: '0192f5c4-0000-7000-8000-0000000000e9',
    body: 'FATHERLAND_FRONT',
    bodyUnit: 'mttq-xa',
    scope: { kind: 'PLAN', ref: 'p' },
    findings: 'x',
    recordedOn: '2025-09-10',
  },
  meta,
};
const close: OversightCommand = {
  type: 'CloseOversightMatter',
  data: {
    closedOn: '2025-10-01',
    conclusion: 'Đã khắc phục',
    document: { number: '3/KL-MTTQ', date: '2025-10-01' },
  },
  meta,
};
const respond: OversightCommand = {
  type: 'RespondToRecommendation',
  data: {
    recommendationId: '0192f5c4-0000-7000-8000-0000000000ea',
    respondedOn: '2025-09-12',
    content: 'x',
    document: { number: '1/BC', date: '2025-09-12' },
  },
  meta: { ...meta, role: 'commune-chair', unit: 'ubnd-xa' },
};

describe('oversight refusals', () => {
  it('record a finding only in the recorder’s own body’s name: the Front cannot write the procuracy’s', () => {
    given()
      .when({ ...finding, data: { ...finding.data, body: 'PROCURACY' } })
      .thenRefuses(OVERSIGHT_RULES.bodyOfRole);
    given()
      .when({ ...finding, data: { ...finding.data, body: 'PEOPLES_COUNCIL' } })
      .thenRefuses(OVERSIGHT_RULES.bodyOfRole);
  });

  it('open a matter once, take nothing before it or after it closes, and answer only known recommendations', () => {
    given().when(close).thenRefuses(OVERSIGHT_RULES.none);
    const opened = given()
      .when(finding)
      .then(() => undefined);
    given(opened).when(finding).thenRefuses(OVERSIGHT_RULES.exists);
    given(opened).when(respond).thenRefuses(OVERSIGHT_RULES.unknownRecommendation);
    const closed = [
      ...opened,
      ...given(opened)
        .when(close)
        .then(() => undefined),
    ];
    given(closed).when(close).thenRefuses(OVERSIGHT_RULES.closed);
  });
});
