/** The seed plans as scripts: played by the scenario tests in memory, recorded by the demo seed. */
export { runAnKhanh, AN_KHANH_PLAN, anKhanhCaseId, TRANSFERRED_CASE } from './anKhanhScript.js';
export {
  runProvince2024,
  ROUND_2024,
  caseOfDossier,
  type Province2024Options,
} from './province2024Script.js';
export {
  runOtherProvince,
  OTHER_PROVINCE,
  OTHER_COMMUNE,
  otherProvinceCaseId,
} from './otherProvinceScript.js';
export { GRANT_DECISION_2025 } from './anKhanhPlan.js';
export { XA as AN_KHANH, UNITS as AN_KHANH_UNITS } from './anKhanhPlan.js';
export type { CommandOfKind, Kind, ScenarioRunner, StateOfKind } from './scenarioLog.js';
