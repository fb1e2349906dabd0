import { ResidenceVerifiedV1 } from '../reintegration/lifecycleEvents.js';
import { AmnestyProposalSubmittedV1, AmnestyRoundDecidedV1 } from '../round/events.js';
import { TaskAssignedV1 } from '../task/events.js';

/** What an upcaster may look at besides the data: the stored event's metadata. */
export interface UpcastContext {
  metadata: { unit: string; [key: string]: unknown };
}

/** Turns `data` of version `from` into version `from + 1` of the same event type. */
export interface Upcaster {
  type: string;
  from: number;
  up(data: unknown, context: UpcastContext): unknown;
}

// A village, hamlet or residential group as Vietnamese addresses name it.
const VILLAGE = /^(thôn|xóm|ấp|bản|buôn|làng|tổ dân phố|tổ|khu phố|khu)\b/iu;
const ADMINISTRATIVE = /^(xã|phường|thị trấn|đặc khu|huyện|quận|thành phố|tỉnh|tp\.?)\b/iu;

/**
 * ResidenceVerified v1 kept the address as one free-text line. v2 splits it so views can group by
 * commune and village while the street stays personal: the commune is the recording police unit
 * (metadata.unit), the village is the part that names one, and the rest before it is the street.
 * An address with no recognisable village keeps its whole text as the street.
 */
export const residenceVerifiedV1ToV2: Upcaster = {
  type: 'ResidenceVerified',
  from: 1,
  up(data, { metadata }) {
    const v1 = ResidenceVerifiedV1.parse(data);
    const parts = v1.address
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const villageAt = parts.findIndex((p) => VILLAGE.test(p));
    const local = parts.filter((p) => !ADMINISTRATIVE.test(p));
    const village = villageAt >= 0 ? (parts[villageAt] as string) : 'Chưa xác định';
    const street = (villageAt >= 0 ? parts.slice(0, villageAt) : local).join(', ');
    return {
      address: { communeCode: metadata.unit, village, ...(street ? { street } : {}) },
      verifiedOn: v1.verifiedOn,
      familyContacted: v1.familyContacted,
    };
  },
};

/**
 * A round's opening events v1 did not name the province whose work the stream records. Only the
 * province's amnesty bodies (its police, their amnesty sub-committee) recorded them, so v2 takes
 * the recording unit (metadata.unit) as the province: a unit the access policy resolves to the
 * area it acts for, which is that province. It is the recorder's unit, not a code anyone typed in.
 */
const roundOpenedV1ToV2 = (type: string, v1: { parse(data: unknown): object }): Upcaster => ({
  type,
  from: 1,
  up: (data, { metadata }) => ({ ...v1.parse(data), province: metadata.unit }),
});
export const amnestyProposalSubmittedV1ToV2 = roundOpenedV1ToV2(
  'AmnestyProposalSubmitted',
  AmnestyProposalSubmittedV1,
);
export const amnestyRoundDecidedV1ToV2 = roundOpenedV1ToV2('AmnestyRoundDecided', AmnestyRoundDecidedV1);

/**
 * TaskAssigned v1 did not record its plan's issuer. The v1 decider accepted an assignment only
 * from the unit the command named as the plan's issuer, so the recording unit (metadata.unit) is
 * that issuer as the assigner stated it; v1 never checked it against the plan's stream.
 */
export const taskAssignedV1ToV2: Upcaster = {
  type: 'TaskAssigned',
  from: 1,
  up: (data, { metadata }) => ({ ...TaskAssignedV1.parse(data), issuerUnit: metadata.unit }),
};

/** Every upcaster, in no particular order: the registry chains them by type and version. */
export const UPCASTERS: readonly Upcaster[] = [
  residenceVerifiedV1ToV2,
  amnestyProposalSubmittedV1ToV2,
  amnestyRoundDecidedV1ToV2,
  taskAssignedV1ToV2,
];

/** Schemas of older stored versions, by `Type@version`: the sealing layer finds their personal fields. */
export const LEGACY_SCHEMAS = {
  'ResidenceVerified@1': ResidenceVerifiedV1,
  'AmnestyProposalSubmitted@1': AmnestyProposalSubmittedV1,
  'AmnestyRoundDecided@1': AmnestyRoundDecidedV1,
  'TaskAssigned@1': TaskAssignedV1,
} as const;
