import { useEffect, useState } from 'preact/hooks';
import { ApiError, command } from '../lib/api.js';
import { Fields, commandSchema, type Schema } from '../lib/schemaForm.js';

/** The commune's forms offered on a case file, each built from its command's own schema. */
export const CASE_FORMS: Record<string, string> = {
  ReceivePerson: 'Tiếp nhận người trình diện',
  VerifyResidence: 'Xác minh nơi cư trú',
  ProposeSupervisor: 'Đề xuất người giúp đỡ',
  AssignSupervisor: 'Quyết định phân công người giúp đỡ',
  ClassifyPerson: 'Phân loại (nhóm A/B/C/D)',
  ProvideCounselling: 'Tư vấn, hỗ trợ',
  GrantSocialAssistance: 'Trợ giúp xã hội',
  ApplyForLoan: 'Đề nghị vay vốn',
  RecordViolation: 'Ghi nhận vi phạm',
  TransferCaseOut: 'Chuyển hồ sơ đi xã khác',
  ProposeClosure: 'Đề nghị kết thúc',
};

/** A command form for a case, from the OpenAPI document's schema of that command. */
export function CommandForm({ caseId }: { caseId: string }) {
  const [type, setType] = useState('ClassifyPerson');
  const [schema, setSchema] = useState<Schema | null>(null);
  const [value, setValue] = useState<unknown>({});
  const [result, setResult] = useState<string | null>(null);
  useEffect(() => {
    setValue({});
    setResult(null);
    void commandSchema('cases', type).then(setSchema);
  }, [type]);
  const withId = schema?.properties?.caseId ? { ...(value as object), caseId } : value;
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const { position } = await command('cases', caseId, type, withId);
      setResult(`Đã ghi nhận (vị trí nhật ký ${position}).`);
    } catch (error) {
      setResult(
        error instanceof ApiError ? `Bị từ chối: ${error.message} (${error.code})` : 'Không gửi được',
      );
    }
  };
  // The case is the page's: its id is filled in, not asked for.
  const shown = Object.fromEntries(
    Object.entries(schema?.properties ?? {}).filter(([name]) => name !== 'caseId'),
  );
  return (
    <form class="command" onSubmit={(e) => void submit(e)} aria-label="Biểu mẫu ghi nhận">
      <label for="command-type">Biểu mẫu</label>
      <select id="command-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
        {Object.entries(CASE_FORMS).map(([t, l]) => (
          <option key={t} value={t}>
            {l}
          </option>
        ))}
      </select>
      {schema ? (
        <Fields schema={{ ...schema, properties: shown }} path={type} value={value} onChange={setValue} />
      ) : (
        <p>Đang tải biểu mẫu…</p>
      )}
      <button type="submit" class="primary">
        Ghi nhận
      </button>
      {result ? <p role="status">{result}</p> : null}
    </form>
  );
}
