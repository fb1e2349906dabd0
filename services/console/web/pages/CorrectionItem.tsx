import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, command } from '../lib/api.js';
import { TARGETS, shown, targetEvent, type CorrectionDoc } from '../lib/corrections.js';
import { vnDateTime } from '../lib/format.js';
import { navigate } from '../lib/router.js';

type Target = Awaited<ReturnType<typeof targetEvent>> | null;

const refusal = (error: unknown): string =>
  error instanceof ApiError
    ? `Không thực hiện được: ${error.message} (${error.code})`
    : 'Không gửi được, vui lòng thử lại';

function Changes({ c, target }: { c: CorrectionDoc; target: Target }) {
  if (c.action === 'void') return <p>Hủy bỏ sự kiện này (không kèm giá trị mới).</p>;
  return (
    <table>
      <caption>Nội dung đính chính</caption>
      <thead>
        <tr>
          <th scope="col">Trường</th>
          <th scope="col">Giá trị cũ</th>
          <th scope="col">Giá trị mới</th>
        </tr>
      </thead>
      <tbody>
        {c.changes.map((ch) => (
          <tr key={ch.path.join('.')} data-change={ch.path.join('.')}>
            <td>{ch.path.join(' › ')}</td>
            <td data-old>{target ? shown(target.old(ch.path)) : '…'}</td>
            <td data-new>{shown(ch.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RecordLink({ c }: { c: CorrectionDoc }) {
  const label = `${TARGETS[c.target.kind]?.label ?? c.target.kind} …${c.target.id.slice(-6)}`;
  if (c.target.kind !== 'case') return <>{label}</>;
  const href = `/ho-so/${c.target.id}`;
  return (
    <a
      href={href}
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    >
      {label}
    </a>
  );
}

/** One correction awaiting approval: what changes, who proposed it, and the second person's decision. */
export function CorrectionItem({
  c,
  me,
  onDone,
}: {
  c: CorrectionDoc;
  me: string;
  /** Told what was done: the item itself leaves the list as the view moves on. */
  onDone: (text: string) => void;
}) {
  const [target, setTarget] = useState<Target>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const own = c.proposedBy === me;
  const id = c.correctionId;
  useEffect(() => {
    targetEvent(c).then(setTarget, () => setTarget({ label: c.target.type, old: () => undefined }));
  }, [c.correctionId]);
  useEffect(() => {
    if (rejecting) reasonBox.current?.focus();
  }, [rejecting]);
  const send = async (type: 'ApproveCorrection' | 'RejectCorrection', body: Record<string, unknown>) => {
    setBusy(true);
    setMessage(null);
    try {
      await command('corrections', id, type, { correctionId: id, ...body });
      onDone(
        type === 'ApproveCorrection' ? 'Đã phê duyệt đề nghị đính chính.' : 'Đã từ chối đề nghị đính chính.',
      );
    } catch (error) {
      setMessage(refusal(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li data-correction={id} aria-labelledby={`c-${id}`}>
      <h3 id={`c-${id}`}>
        <RecordLink c={c} /> — {target?.label ?? c.target.type}
      </h3>
      <Changes c={c} target={target} />
      <p>
        Lý do: {c.reason}
        <br />
        Người đề nghị: <span data-proposer>{own ? 'Bạn' : c.proposedBy}</span>, lúc {vnDateTime(c.proposedAt)}
      </p>
      {own ? (
        <p class="pos" data-four-eyes>
          Chờ người khác phê duyệt
        </p>
      ) : (
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => void send('ApproveCorrection', {})}
        >
          Phê duyệt
        </button>
      )}{' '}
      {rejecting ? (
        <form
          aria-label="Từ chối đề nghị đính chính"
          onSubmit={(e) => {
            e.preventDefault();
            void send('RejectCorrection', { reason: reason.trim() });
          }}
        >
          <label for={`reason-${id}`}>Lý do từ chối</label>
          <textarea
            id={`reason-${id}`}
            ref={reasonBox}
            required
            minLength={3}
            maxLength={1000}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={busy}>
            Gửi từ chối
          </button>{' '}
          <button type="button" onClick={() => setRejecting(false)}>
            Hủy
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setRejecting(true)}>
          Từ chối
        </button>
      )}
      {message ? (
        <p role="alert" class="error">
          {message}
        </p>
      ) : null}
    </li>
  );
}
