import type { Role } from '../shared/roles.js';
import type { HolderTag } from './holders.js';
import type { Relation } from './jurisdiction.js';

/** The kinds of record the policy decides on: every aggregate, and an area's audit trail. */
export type RecordKind =
  | 'case'
  | 'plan'
  | 'task'
  | 'report'
  | 'oversight'
  | 'round'
  | 'dossier'
  | 'org-units'
  | 'calendar'
  | 'subject-request'
  | 'loan-list'
  | 'vbsp-rates'
  | 'establishment-loan'
  | 'breach'
  | 'audit'
  | 'personal-data';
export type Action = 'read' | 'write';

/**
 * One condition of a grant: a holder of this tag to which the caller stands in one of these
 * relations (with `every`, every holder of the tag must, however many there are).
 */
export interface Requirement {
  tag: HolderTag;
  relations: readonly Relation[];
  every?: boolean;
}

/** A grant holds when all its requirements hold; a role may do an action when any of its grants holds. */
export type Grant = readonly Requirement[];
export type RoleGrants = Readonly<Partial<Record<Role, readonly Grant[]>>>;

const need = (tag: HolderTag, ...relations: Relation[]): Requirement => ({ tag, relations });
const all = (tag: HolderTag, ...relations: Relation[]): Requirement => ({ tag, relations, every: true });
const grants = (roles: readonly Role[], ...options: Grant[]): RoleGrants =>
  Object.fromEntries(roles.map((role) => [role, options]));

// Who works on a commune's cases, and who reads them from above (DOMAIN.md §1, §4.4–4.5).
const COMMUNE_STAFF: readonly Role[] = [
  'commune-police',
  'commune-chair',
  'commune-deputy-chair',
  'commune-culture-office',
  'commune-economic-office',
  'commune-service-centre',
  'vbsp',
];
// The amnesty sub-committee, the court and the wardens work on dossiers, not on commune case files.
const CASE_OVERSEERS: readonly Role[] = [
  'procuracy',
  'fatherland-front',
  'provincial-police',
  'provincial-committee',
  'auditor',
  'admin',
];
// A round's work belongs to its province (LĐX 2018 ch. III–IV): its amnesty bodies and oversight read it.
const PROVINCE_BODIES: readonly Role[] = [
  'amnesty-subcommittee',
  'provincial-police',
  'provincial-committee',
  'court',
  'procuracy',
  'fatherland-front',
  'auditor',
  'admin',
];
// The provincial offices that certify a fact on a dossier of their province: what was paid (THADS,
// LĐX 31) and the medical conclusion (NĐ52 5(3)(c)); their deciders limit them to that paper.
const DOSSIER_CERTIFIERS: readonly Role[] = ['civil-enforcement', 'provincial-health-dept'];
const EVERY_PERSON: readonly Role[] = [
  ...COMMUNE_STAFF,
  'village-head',
  'supervisor',
  ...PROVINCE_BODIES,
  'facility-warden',
];

/**
 * The access policy: for each kind of record and action, the roles that may take it and the
 * relation their unit must have to the record's holders. Deciders still say which role may take
 * which step; this table says to whose records. Nothing else grants access (docs/access-policy.md
 * is generated from it). The `system` role (the service's own sweeps) is not a person and is not listed.
 */
// Who answers a person's request about the data the commune holds on them (the controller).
const CONTROLLERS: readonly Role[] = ['commune-police', 'commune-chair', 'commune-deputy-chair'];

export const ACCESS_POLICY: Readonly<Record<RecordKind, Readonly<Record<Action, RoleGrants>>>> = {
  'subject-request': {
    read: {
      ...grants(CONTROLLERS, [need('commune', 'same')]),
      ...grants(['procuracy', 'provincial-police', 'auditor', 'admin'], [need('commune', 'same', 'over')]),
    },
    write: grants(CONTROLLERS, [need('commune', 'same')]),
  },
  case: {
    read: {
      ...grants(COMMUNE_STAFF, [need('commune', 'same')], [need('destination', 'same')]),
      'village-head': [[need('village', 'village')]],
      supervisor: [[need('supervisor', 'assigned')]],
      ...grants(CASE_OVERSEERS, [need('commune', 'same', 'over')]),
    },
    write: {
      ...grants(COMMUNE_STAFF, [need('commune', 'same')]),
      'village-head': [[need('village', 'village')]],
      supervisor: [[need('supervisor', 'assigned')]],
      // The commune's Front gives its opinion on the supervisor proposed (TT10 10(1)); the
      // decider lets it take that one step and nothing else on a case.
      'fatherland-front': [[need('commune', 'same')]],
    },
  },
  // The commune police's monthly list of who may borrow (Mẫu 01): the commune's, read like its cases.
  'loan-list': {
    read: {
      ...grants(COMMUNE_STAFF, [need('commune', 'same')]),
      ...grants(CASE_OVERSEERS, [need('commune', 'same', 'over')]),
    },
    write: grants(['commune-police'], [need('commune', 'same')]),
  },
  // The lending rates in force are public; only VBSP's head office (a national unit) records them.
  'vbsp-rates': {
    read: grants(EVERY_PERSON, []),
    write: { vbsp: [[need('nation', 'over')]] },
  },
  // A breach record names no person: the controller's officers keep it, its overseers read it.
  breach: {
    read: {
      ...grants(CONTROLLERS, [need('unit', 'same')]),
      ...grants(['provincial-police', 'procuracy', 'auditor', 'admin'], [need('unit', 'same', 'over')]),
    },
    write: {
      ...grants(CONTROLLERS, [need('unit', 'same')]),
      ...grants(['provincial-police', 'admin'], [need('unit', 'same')]),
    },
  },
  'establishment-loan': {
    read: {
      ...grants(COMMUNE_STAFF, [need('commune', 'same')]),
      ...grants(CASE_OVERSEERS, [need('commune', 'same', 'over')]),
    },
    write: grants(['vbsp'], [need('commune', 'same')]),
  },
  plan: {
    read: grants(EVERY_PERSON, [need('issuer', 'same', 'over', 'under')], [need('channel', 'same', 'over')]),
    write: grants(
      ['commune-chair', 'commune-deputy-chair', 'commune-culture-office', 'provincial-committee'],
      [need('issuer', 'same')],
    ),
  },
  task: {
    read: grants(
      EVERY_PERSON,
      [need('issuer', 'same', 'over')],
      [need('lead', 'same', 'over', 'under')],
      [need('coordinator', 'same', 'over', 'under')],
    ),
    // A plan's issuer assigns tasks only to units inside its own area; the units assigned carry them out.
    write: grants(
      EVERY_PERSON,
      [need('issuer', 'same'), all('lead', 'same', 'over'), all('coordinator', 'same', 'over')],
      [need('lead', 'same')],
      [need('coordinator', 'same')],
    ),
  },
  report: {
    read: grants(
      EVERY_PERSON,
      [need('reporter', 'same', 'over')],
      [need('recipient', 'same', 'over')],
      [need('channel', 'same', 'over')],
    ),
    // A request goes only to units inside the requester's jurisdiction.
    write: grants(
      EVERY_PERSON,
      [need('recipient', 'same'), all('reporter', 'same', 'over')],
      [need('reporter', 'same')],
      [need('channel', 'same')],
    ),
  },
  oversight: {
    read: grants(EVERY_PERSON, [need('body', 'same', 'over')], [need('addressee', 'same', 'over')]),
    // A finding or recommendation is addressed only inside the body's jurisdiction; the addressee answers.
    write: grants(
      EVERY_PERSON,
      [need('body', 'same'), all('addressee', 'same', 'over')],
      [need('addressee', 'same')],
    ),
  },
  round: {
    read: {
      ...grants(PROVINCE_BODIES, [need('province', 'same', 'over')]),
      'facility-warden': [[need('province', 'under')]],
    },
    write: {
      ...grants(['amnesty-subcommittee', 'provincial-police', 'court', 'admin'], [need('province', 'same')]),
      'facility-warden': [[need('province', 'under')]],
    },
  },
  // A prisoner's dossier is held by its facility; a suspended person's by the provincial court (LĐX
  // 15(3)), whose unit acts for the province: the province's bodies stand over the one, level with the other.
  dossier: {
    read: {
      ...grants(PROVINCE_BODIES, [need('facility', 'same', 'over')]),
      ...grants(DOSSIER_CERTIFIERS, [need('facility', 'same', 'over')]),
      'facility-warden': [[need('facility', 'same')]],
    },
    write: {
      ...grants(
        ['amnesty-subcommittee', 'provincial-police', 'court', 'procuracy'],
        [need('facility', 'same', 'over')],
      ),
      ...grants(DOSSIER_CERTIFIERS, [need('facility', 'same', 'over')]),
      'facility-warden': [[need('facility', 'same')]],
    },
  },
  'org-units': {
    // The tree itself is public: every unit needs it to address the others.
    read: grants(EVERY_PERSON, []),
    // Only an administrator above every unit the change touches (or a national one).
    write: { admin: [[all('unit', 'same', 'over')]] },
  },
  calendar: {
    // The holiday calendar is public: every deadline shown rests on it.
    read: grants(EVERY_PERSON, []),
    // Only an administrator of a national unit publishes or amends it.
    write: { admin: [[need('nation', 'over')]] },
  },
  audit: {
    read: grants(['procuracy', 'fatherland-front', 'auditor', 'admin'], [need('unit', 'same', 'over')]),
    write: {},
  },
  // A person's rights over their data, where their case or dossier is held (docs/personal-data.md):
  // read is subject access and their read history; write proposes or approves an erasure (the
  // approver must also be the role PersonalDataErased names, and never the proposer).
  'personal-data': {
    read: {
      'commune-police': [[need('commune', 'same')], [need('destination', 'same')]],
      admin: [[need('commune', 'same', 'over')], [need('facility', 'over')]],
    },
    write: {
      'commune-police': [[need('commune', 'same')], [need('destination', 'same')]],
      'provincial-police': [[need('commune', 'over')], [need('facility', 'over')]],
      admin: [[need('commune', 'same', 'over')], [need('facility', 'over')]],
    },
  },
};
