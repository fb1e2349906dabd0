import { useEffect, useState } from 'preact/hooks';
import { parseVkey, verifyNote, type Vkey } from '../../src/verify/note.js';
import { verifyBundle, type Verdict } from '../../src/verify/verifyBundle.js';
import { exportBundle, readBundle } from '../lib/exportBundle.js';

const vkeysOf = (text: string) => text.split(/\s+/).filter(Boolean).map(parseVkey);

/** Auditors: pinned keys, the latest checkpoint and its cosignatures, export a bundle, verify one here. */
export function Auditor() {
  const [pins, setPins] = useState('');
  const [witnessPins, setWitnessPins] = useState('');
  const [checkpoint, setCheckpoint] = useState<string | null>(null);
  const [unit, setUnit] = useState('');
  const [progress, setProgress] = useState<string | null>(null);
  const [bundle, setBundle] = useState<{ blob: Blob; url: string } | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  useEffect(
    () => void fetch('/checkpoint').then(async (r) => setCheckpoint(r.ok ? await r.text() : null)),
    [],
  );
  const logKeys = vkeysOf(pins).filter((k): k is Vkey => k !== null);
  const witnessKeys = vkeysOf(witnessPins).filter((k): k is Vkey => k !== null);
  const badPins = vkeysOf(pins).some((k) => k === null) || vkeysOf(witnessPins).some((k) => k === null);
  const note = checkpoint ? verifyNote(checkpoint, [...logKeys, ...witnessKeys]) : null;
  const cut = async () => {
    setProgress('Đang xuất…');
    const blob = await exportBundle(unit, (done, total) =>
      setProgress(`Đang lấy bằng chứng bao hàm ${done}/${total}`),
    );
    if (bundle) URL.revokeObjectURL(bundle.url);
    setBundle({ blob, url: URL.createObjectURL(blob) });
    setProgress(`Đã xuất gói (${Math.round(blob.size / 1024)} KB).`);
  };
  const check = async (blob: Blob) => setVerdict(verifyBundle(await readBundle(blob), logKeys, witnessKeys));
  return (
    <main id="main">
      <h1>Kiểm toán</h1>
      <section aria-labelledby="pins">
        <h2 id="pins">Khóa đã ghim</h2>
        <p>
          Chỉ tin các khóa nhận được ngoài hệ thống này (khóa xác minh của nhật ký in khi khởi động, khóa của
          nhân chứng), không tin khóa nằm trong gói.
        </p>
        <label for="log-key">Khóa xác minh của nhật ký (vkey)</label>
        <textarea id="log-key" value={pins} onInput={(e) => setPins(e.currentTarget.value)} />
        <label for="witness-keys">Khóa của nhân chứng (mỗi dòng một khóa)</label>
        <textarea
          id="witness-keys"
          value={witnessPins}
          onInput={(e) => setWitnessPins(e.currentTarget.value)}
        />
        {badPins ? (
          <p role="alert" class="error">
            Có khóa không đúng định dạng vkey (tên+mã băm+base64).
          </p>
        ) : null}
      </section>
      <section aria-labelledby="checkpoint">
        <h2 id="checkpoint">Điểm kiểm tra mới nhất</h2>
        {checkpoint ? <pre data-checkpoint>{checkpoint}</pre> : <p>Chưa có điểm kiểm tra.</p>}
        <ul data-cosignatures>
          {note?.signatures.map((s, i) => (
            <li key={i}>
              {s.name}:{' '}
              {s.verifiedAs === 'log'
                ? 'chữ ký của nhật ký hợp lệ'
                : s.verifiedAs === 'witness'
                  ? `đồng ký của nhân chứng hợp lệ${s.time ? ` (${new Date(s.time * 1000).toISOString()})` : ''}`
                  : 'không kiểm được bằng khóa đã ghim'}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="export">
        <h2 id="export">Xuất gói</h2>
        <label for="unit">Đơn vị (để trống: đơn vị của bạn)</label>
        <input id="unit" value={unit} onInput={(e) => setUnit(e.currentTarget.value)} />
        <button
          type="button"
          data-export
          onClick={() => void cut().catch((e: Error) => setProgress(e.message))}
        >
          Xuất gói nhật ký
        </button>
        {progress ? (
          <p role="status" data-export-status>
            {progress}
          </p>
        ) : null}
        {bundle ? (
          <p>
            <a href={bundle.url} download="dacxa-bundle.zip">
              Tải gói về (.zip)
            </a>{' '}
            ·{' '}
            <button type="button" onClick={() => void check(bundle.blob)}>
              Kiểm tra gói vừa xuất
            </button>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="verify">
        <h2 id="verify">Kiểm tra một gói trong trình duyệt</h2>
        <label for="bundle-file">Tệp gói (.zip)</label>
        <input
          id="bundle-file"
          type="file"
          accept=".zip,application/zip"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void check(f);
          }}
        />
        {verdict ? (
          verdict.ok ? (
            <p role="status" class="ok" data-verdict="ok">
              Gói hợp lệ: {verdict.events} sự kiện, cây {verdict.treeSize} lá, đã kiểm bằng khóa đã ghim.
            </p>
          ) : (
            <p role="alert" class="error" data-verdict="fail" data-check={verdict.failure.check}>
              Gói không hợp lệ — kiểm tra <code>{verdict.failure.check}</code>
              {verdict.failure.line ? ` ở dòng ${verdict.failure.line}` : ''}: {verdict.failure.message}
            </p>
          )
        ) : null}
      </section>
    </main>
  );
}
