import { useState } from 'preact/hooks';
import { ApiError, command } from '../lib/api.js';
import { DateInput } from '../lib/DateInput.js';
import { todayVn } from '../lib/format.js';

const PLACES: Record<string, string> = { HOME: 'Tại nhà', WORKPLACE: 'Nơi làm việc', OTHER: 'Nơi khác' };

/**
 * A visit (LogVisit) in two taps on a phone: open the form on the person (one), record (two). The
 * day, the place and a usual finding are filled in; each can be changed before recording.
 */
export function VisitForm({ caseId, onDone }: { caseId: string; onDone?: (position: string) => void }) {
  const [place, setPlace] = useState('HOME');
  const [visitedOn, setVisitedOn] = useState(todayVn());
  const [findings, setFindings] = useState('Đã thăm gặp, tình hình ổn định.');
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { position } = await command('cases', caseId, 'LogVisit', {
        visitedOn,
        place,
        findings,
        concerns: [],
      });
      setResult(`Đã ghi nhận thăm gặp (vị trí nhật ký ${position}).`);
      onDone?.(position);
    } catch (error) {
      setResult(
        error instanceof ApiError
          ? `Không ghi nhận được: ${error.message} (${error.code})`
          : 'Không ghi nhận được',
      );
    } finally {
      setBusy(false);
    }
  };
  const id = caseId.slice(-6);
  return (
    <form class="visit" onSubmit={(e) => void submit(e)} aria-label="Ghi nhận thăm gặp">
      <label for={`on-${id}`}>Ngày thăm gặp (dd/mm/yyyy)</label>
      <DateInput id={`on-${id}`} value={visitedOn} required onChange={setVisitedOn} />
      <label for={`place-${id}`}>Nơi thăm gặp</label>
      <select id={`place-${id}`} value={place} onChange={(e) => setPlace(e.currentTarget.value)}>
        {Object.entries(PLACES).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <label for={`f-${id}`}>Nội dung ghi nhận</label>
      <textarea
        id={`f-${id}`}
        value={findings}
        required
        maxLength={4000}
        onInput={(e) => setFindings(e.currentTarget.value)}
      />
      <button type="submit" class="primary" disabled={busy}>
        Ghi nhận thăm gặp
      </button>
      {result ? <p role="status">{result}</p> : null}
    </form>
  );
}
