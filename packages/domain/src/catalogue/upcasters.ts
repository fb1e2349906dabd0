import { ResidenceVerifiedV1 } from '../reintegration/lifecycleEvents.js';

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

/** Every upcaster, in no particular order: the registry chains them by type and version. */
export const UPCASTERS: readonly Upcaster[] = [residenceVerifiedV1ToV2];

/** Schemas of older stored versions, by `Type@version`: the sealing layer finds their personal fields. */
export const LEGACY_SCHEMAS = { 'ResidenceVerified@1': ResidenceVerifiedV1 } as const;
