import { cite } from '../shared/legalBasis.js';
import { defineRule } from '../shared/rules.js';

const forbidden = (id: string, vi: string, en: string, article: string) =>
  defineRule({ id: `dossier.${id}`, kind: 'forbidden', vi, en, basis: cite('LĐX', article) });
const illegal = (id: string, vi: string, en: string, source: 'LĐX' | 'NĐ52', article: string) =>
  defineRule({ id: `dossier.${id}`, kind: 'illegal-state', vi, en, basis: cite(source, article) });

/** Who acts on which kind of dossier (LĐX 15, 18(3), 37), and the papers a step must carry. */
export const KIND_RULES = {
  courtSuspendedOnly: forbidden(
    'court-suspended-only',
    'Tòa án chỉ lập hồ sơ, danh sách, giải quyết khiếu nại và cấp giấy chứng nhận cho người đang được tạm đình chỉ chấp hành án phạt tù',
    'A court compiles, resolves complaints and certifies only for people whose sentence is suspended',
    '15(3)',
  ),
  facilityPrisonersOnly: forbidden(
    'facility-prisoners-only',
    'Giám thị trại giam, cơ quan thi hành án hình sự chỉ lập hồ sơ cho người đang chấp hành án tại cơ sở; hồ sơ người được tạm đình chỉ do Tòa án lập',
    'A warden or the THAHS head acts only on prisoners’ dossiers; a suspended person’s is the court’s',
    '15(2)',
  ),
  appealResolver: forbidden(
    'appeal-resolver',
    'Quyết định giải quyết khiếu nại tiếp do cơ quan của người có thẩm quyền ghi nhận: Chánh án TANDTC qua Tòa án, Bộ trưởng qua Tiểu ban đặc xá',
    'The appeal decision is recorded by the body of the one who decides it: the court for the Chief Justice, the sub-committee for a Minister',
    '37(2)',
  ),
  healthDeptMedicalOnly: forbidden(
    'health-dept-medical-only',
    'Sở Y tế chỉ bổ sung kết luận y tế vào hồ sơ',
    'The health department attaches medical conclusions only',
    '14(3)',
  ),
  suspendedNotNotified: illegal(
    'suspended-not-notified',
    'Tòa án chưa thông báo Quyết định về đặc xá cho người đang được tạm đình chỉ',
    'The court has not notified the suspended persons of the round decision',
    'LĐX',
    '15(3)',
  ),
  appealAddressee: illegal(
    'appeal-addressee',
    'Khiếu nại tiếp về hồ sơ người được tạm đình chỉ gửi Chánh án TANDTC; về hồ sơ phạm nhân gửi Bộ trưởng',
    'A suspended person appeals to the Chief Justice; a prisoner to a Minister',
    'LĐX',
    '37(2)',
  ),
  ratingPeriod: illegal(
    'rating-period',
    'Xếp loại quý phải ghi quý; xếp loại từ mốc của đợt không ghi quý',
    'A quarter’s rating names its quarter; the rating since the window names none',
    'NĐ52',
    '4(1)',
  ),
  quarterRated: illegal(
    'quarter-already-rated',
    'Quý này đã được ghi nhận xếp loại',
    'This quarter’s rating is already recorded',
    'NĐ52',
    '4(1)',
  ),
  partialNeedsDecision: illegal(
    'partial-needs-decision',
    'Thi hành được một phần phải kèm quyết định về việc chưa có điều kiện thi hành án',
    'A part paid needs the decision that enforcement cannot yet proceed',
    'NĐ52',
    '5(3)(g)',
  ),
  lawAbidingComment: illegal(
    'law-abiding-comment',
    'Nhận xét chấp hành pháp luật khi tạm đình chỉ phải nói rõ có chấp hành nghiêm chỉnh hay không, và chỉ cho hồ sơ người được tạm đình chỉ',
    'The commune’s comment must say whether the person kept to the law, and only on a suspended person’s dossier',
    'LĐX',
    '14(5)',
  ),
  exclusionGround: illegal(
    'exclusion-ground',
    'Chỉ căn cứ riêng của đợt (ROUND_SPECIFIC) mới ghi trường hợp loại trừ của đợt',
    'Only a ROUND_SPECIFIC ground names a round exclusion',
    'LĐX',
    '12(6)',
  ),
} as const;
