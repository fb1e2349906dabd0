import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson } from '../lib/api.js';
import { todayVn, vnDate } from '../lib/format.js';
import {
  postedListsOf,
  roundTitleOf,
  windowOn,
  type PostedList,
  type RoundHistoryEntry,
  type RoundTitle,
} from '../lib/postedLists.js';
import { useUnitNames } from '../lib/unitNames.js';

interface HistoryPage {
  events: RoundHistoryEntry[];
  next: string | null;
}
type RoundRead = { lists: PostedList[]; title: RoundTitle } | { note: string };

/** Every page of a round's history, as the caller's role may read it. */
async function roundHistory(roundId: string): Promise<RoundHistoryEntry[]> {
  const events: RoundHistoryEntry[] = [];
  let after = '-1';
  for (;;) {
    const page = await getJson<HistoryPage>(`/rounds/${roundId}/history?limit=1000&after=${after}`);
    events.push(...page.events);
    if (!page.next) return events;
    after = page.next;
  }
}

function refusal(error: unknown): string {
  if (error instanceof ApiError && error.status === 403)
    return 'Vai trò của bạn không được xem lịch sử của đợt đặc xá này.';
  if (error instanceof ApiError && error.status === 404)
    return 'Không tìm thấy đợt đặc xá này trong phạm vi bạn được xem.';
  const detail = error instanceof ApiError ? `: ${error.message} (${error.code})` : '';
  return `Không tải được danh sách niêm yết của đợt này${detail}.`;
}

const KIND = { ELIGIBLE: 'Đủ điều kiện', INELIGIBLE: 'Không đủ điều kiện' } as const;
const WINDOW = { open: 'Đang mở', closed: 'Đã đóng', 'not-yet': 'Chưa đến ngày niêm yết' } as const;

/** One round's posted lists as a table, or why they cannot be shown. */
function RoundLists(props: {
  id: string;
  read: RoundRead | undefined;
  nameOf: (code: string) => string;
  today: string;
}) {
  const { id, read, nameOf, today } = props;
  if (!read) return <p>Đang tải…</p>;
  if ('note' in read) return <p>{read.note}</p>;
  const { decision, amnestyDate } = read.title;
  const title = decision
    ? `Đợt đặc xá theo Quyết định ${decision}${amnestyDate ? `, ngày đặc xá ${vnDate(amnestyDate)}` : ''}`
    : `Đợt đặc xá …${id.slice(-6)}`;
  if (read.lists.length === 0) return <p>{title}: chưa niêm yết danh sách nào.</p>;
  return (
    <table data-board="posted-lists" data-round={id}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Nơi niêm yết</th>
          <th scope="col">Danh sách</th>
          <th scope="col">Số hồ sơ</th>
          <th scope="col">Ngày niêm yết</th>
          <th scope="col">Hạn khiếu nại (đến hết ngày)</th>
          <th scope="col">Thời hạn khiếu nại hôm nay</th>
          <th scope="col">Thông báo Viện kiểm sát</th>
        </tr>
      </thead>
      <tbody>
        {read.lists.map((l) => (
          <tr key={l.listId}>
            <td>{nameOf(l.facilityId)}</td>
            <td>{KIND[l.kind]}</td>
            <td>{l.dossiers}</td>
            <td data-posted-on>{vnDate(l.postedOn)}</td>
            <td data-closes-on>{vnDate(l.complaintsCloseOn)}</td>
            <td data-window={windowOn(l, today)}>{WINDOW[windowOn(l, today)]}</td>
            <td>
              {l.procuracy
                ? `Đã thông báo ${nameOf(l.procuracy.unit)} ngày ${vnDate(l.procuracy.sentOn)}`
                : 'Chưa thông báo'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The lists posted in each round the board's dossiers name, read from the round's history with the
 * caller's token and read again whenever the dossiers view moves on (`position`).
 */
export function PostedLists({
  roundIds,
  position,
}: {
  roundIds: readonly string[];
  position: string | null;
}) {
  const [reads, setReads] = useState<Record<string, RoundRead>>({});
  const key = [...roundIds].sort().join('|');
  useEffect(() => {
    let current = true;
    void Promise.all(
      roundIds.map(async (id): Promise<[string, RoundRead]> => {
        try {
          const events = await roundHistory(id);
          return [id, { lists: postedListsOf(events), title: roundTitleOf(events) }];
        } catch (error) {
          return [id, { note: refusal(error) }];
        }
      }),
    ).then((pairs) => {
      if (current) setReads(Object.fromEntries(pairs));
    });
    return () => {
      current = false;
    };
  }, [key, position]);
  const units = Object.values(reads).flatMap((r) =>
    'lists' in r ? r.lists.flatMap((l) => [l.facilityId, ...(l.procuracy ? [l.procuracy.unit] : [])]) : [],
  );
  const names = useUnitNames([...new Set(units)]);
  const today = todayVn();
  const nameOf = (code: string) => names[code] ?? code;
  return (
    <section aria-labelledby="posted">
      <h2 id="posted">Danh sách đã niêm yết</h2>
      {roundIds.length === 0 ? <p>Chưa có hồ sơ đề nghị của đợt nào.</p> : null}
      {roundIds.map((id) => (
        <RoundLists key={id} id={id} read={reads[id]} nameOf={nameOf} today={today} />
      ))}
    </section>
  );
}
