/**
 * A model answer as a municipal office would get it: Japanese prose, headings, lists, a table and a code
 * block, repeated with numbered variations until it reaches the size asked for (UTF-8 bytes). Deterministic.
 */
const SECTION = (index: number) => `## ${index}. 窓口案内の要点（第${index}版）

市民課では、マイナンバーカードの受け取りや住民票の写しの交付を行っています。受付時間は平日 8:30〜17:15 です。
混雑が予想される月曜日と連休明けは、**事前予約**をおすすめします。ご不明な点は市民係（内線 ${100 + index}）へ。

- 持ち物：交付通知書、本人確認書類（運転免許証・パスポートなど）
- 手数料：住民票の写し 1通 300円、印鑑登録証明書 1通 300円
- 代理人の場合：委任状と代理人の本人確認書類
  - 法定代理人は戸籍謄本などの資格を証明する書類

| 手続き | 窓口 | 所要時間 |
| --- | --- | --- |
| 住民票の写し | 市民課 ${index}番 | 約10分 |
| 印鑑登録 | 市民課 ${index + 1}番 | 約20分 |
| 転入届 | 市民課 ${index + 2}番 | 約30分 |

\`\`\`json
{ "section": ${index}, "counter": "市民課", "open": "08:30", "close": "17:15" }
\`\`\`

> 注意：年末年始（12月29日〜1月3日）は休業です。

`;

export function benchAnswer(bytes: number): string {
  const encoder = new TextEncoder();
  let text = '';
  for (let index = 1; encoder.encode(text).length < bytes; index++) text += SECTION(index);
  // Cut back to the size on a code point boundary: the last block is whatever it is, as in a stream.
  const points = Array.from(text);
  let size = encoder.encode(text).length;
  while (size > bytes) size -= encoder.encode(points.pop() ?? '').length;
  return points.join('');
}

/** The answer as it grows: `count` prefixes, evenly spaced in code points, the last one the whole text. */
export function streamedPrefixes(text: string, count: number): string[] {
  const points = Array.from(text);
  const prefixes: string[] = [];
  for (let index = 1; index <= count; index++) {
    prefixes.push(points.slice(0, Math.round((points.length * index) / count)).join(''));
  }
  return prefixes;
}
