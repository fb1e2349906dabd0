import { describe, expect, it } from 'vitest';
import { AGGREGATES } from '../catalogue/aggregates.js';
import type { Command, CommandMeta } from '../shared/command.js';
import type { DomainEvent } from '../shared/defineEvent.js';
import type { Role } from '../shared/roles.js';
import { DomainRefusal, type Rule } from '../shared/rules.js';
import { BUILT_IN_CALENDAR } from './builtInCalendar.js';
import { DEADLINE_MISSED_RULES as R } from './decideDeadlineMissed.js';

// Invented ids and documents; the oversight aggregate stands for every holder (they share the wrapper).
const MATTER = '0192f5c4-0000-7000-8000-0000000000e1';
const REC = '0192f5c4-0000-7000-8000-0000000000e2';
const oversight = AGGREGATES.oversight;
type Cmd = Parameters<typeof oversight.decide>[0];
type Ev = ReturnType<typeof oversight.decide>[number];
const meta = (role: Role, unit: string, now = '2025-09-10T02:00:00Z'): CommandMeta => ({
  actor: `u-${role}`,
  role,
  unit,
  now,
});
const run = (history: readonly Ev[], command: Cmd): Ev[] =>
  oversight.decide(
    command,
    history.reduce((s, e) => oversight.evolve(s, e), oversight.initial),
    { calendar: BUILT_IN_CALENDAR, restsOn: null } as never,
  );
const cmd = (type: string, data: unknown, m: CommandMeta) => ({ type, data, meta: m }) as Command as Cmd;

const opened = (): Ev[] => {
  const finding = run(
    [],
    cmd(
      'RecordFinding',
      {
        matterId: MATTER,
        body: 'PROCURACY',
        bodyUnit: 'vks-hai-phong',
        scope: { kind: 'UNIT', ref: 'xa-an-khanh' },
        findings: 'Chậm lập hồ sơ quản lý',
        recordedOn: '2025-08-27',
      },
      meta('procuracy', 'vks-hai-phong'),
    ),
  );
  const issued = run(
    finding,
    cmd(
      'IssueRecommendation',
      {
        recommendationId: REC,
        kind: 'RECOMMENDATION',
        addresseeUnit: 'ubnd-xa-an-khanh',
        content: 'Lập hồ sơ đúng hạn',
        issuedOn: '2025-08-27',
        responseDays: 5,
        dayKind: 'CALENDAR',
        document: { number: '12/KN-VKS', date: '2025-08-27' },
      },
      meta('procuracy', 'vks-hai-phong'),
    ),
  );
  return [...finding, ...issued];
};
// 27/08 + 5 days = 01/09, a holiday in 2025: the response is due on Wednesday 03/09.
const missed = (role: Role = 'system', detectedOn = '2025-09-04') =>
  cmd(
    'RecordDeadlineMissed',
    { rule: 'oversight.response', key: REC, dueOn: '2025-09-03', detectedOn },
    meta(role, role === 'system' ? 'he-thong' : 'ubnd-xa-an-khanh'),
  );

function refuses(history: readonly Ev[], command: Cmd, rule: Rule): void {
  let refusal: unknown;
  try {
    run(history, command);
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(DomainRefusal);
  expect(refusal).toMatchObject({ rule: rule.id });
}

describe('a missed deadline, recorded by the clock', () => {
  it('is recorded once the due date has passed, with the rule, key and dates', () => {
    const events: DomainEvent[] = run(opened(), missed());
    expect(events).toEqual([
      {
        type: 'OversightDeadlineMissed',
        data: { rule: 'oversight.response', key: REC, dueOn: '2025-09-03', detectedOn: '2025-09-04' },
      },
    ]);
  });

  it('is refused to any role but the system, naming the rule', () => {
    for (const role of ['commune-chair', 'procuracy', 'admin'] as const)
      refuses(opened(), missed(role), R.bySystem);
  });

  it('is refused when the same duty is already recorded missed', () => {
    const history = opened();
    refuses([...history, ...run(history, missed())], missed(), R.alreadyMissed);
  });

  it('is refused when the duty was met, even late', () => {
    const history = opened();
    const answered = run(
      history,
      cmd(
        'RespondToRecommendation',
        {
          recommendationId: REC,
          respondedOn: '2025-09-05',
          content: 'Đã lập hồ sơ',
          document: { number: '5/BC-UBND', date: '2025-09-05' },
        },
        meta('commune-chair', 'ubnd-xa-an-khanh'),
      ),
    );
    refuses([...history, ...answered], missed(), R.alreadyMet);
  });

  it('is refused for a duty the record never opened, and before the due date has passed', () => {
    refuses(
      opened(),
      cmd(
        'RecordDeadlineMissed',
        { rule: 'oversight.response', key: 'another', dueOn: '2025-09-03', detectedOn: '2025-09-04' },
        meta('system', 'he-thong'),
      ),
      R.notOpened,
    );
    refuses(opened(), missed('system', '2025-09-03'), R.notPassed);
  });

  it('is one command per holder of duties, taking only that holder’s duties and never a window', () => {
    const schemaOf = (kind: 'case' | 'dossier' | 'oversight' | 'round') =>
      AGGREGATES[kind].commands.find((c) => c.type === 'RecordDeadlineMissed')?.schema;
    const body = (rule: string) => ({ rule, dueOn: '2025-09-03', detectedOn: '2025-09-04' });
    expect(schemaOf('case')?.safeParse(body('case.open-file')).success).toBe(true);
    expect(schemaOf('case')?.safeParse(body('oversight.response')).success).toBe(false);
    expect(schemaOf('dossier')?.safeParse(body('dossier.complaint-resolution')).success).toBe(true);
    expect(schemaOf('dossier')?.safeParse(body('dossier.appeal-window')).success).toBe(false);
    expect(schemaOf('round')?.safeParse(body('round.complaint-window')).success).toBe(false);
  });
});
