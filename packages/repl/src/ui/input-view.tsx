/** The prompt and the input, highlighted from the language service's semantic tokens, with the cursor drawn. */
import { Box, Text } from 'ink';
import type { SemanticToken, Span } from '@eqlkit/core';
import { terminalSafe } from '@eqlkit/core';

const COLOURS: Record<string, string> = {
  keyword: 'magenta',
  operator: 'yellow',
  field: 'cyan',
  function: 'blue',
  string: 'green',
  number: 'yellow',
  regexp: 'green',
  comment: 'gray',
  variable: 'cyan',
  type: 'magenta',
};

export const PROMPT = 'eql> ';
export const CONTINUATION = '...> ';

interface Segment {
  readonly text: string;
  readonly color?: string;
  readonly cursor?: boolean;
  /** Inside a problem's span: underlined. */
  readonly marked?: boolean;
}

/** Splits one line (starting at `offset` of the input) into coloured segments, the cursor cell apart. */
function segments(line: string, offset: number, tokens: readonly SemanticToken[], marks: readonly Span[], cursor: number | undefined): Segment[] {
  const colourAt = new Array<string | undefined>(line.length).fill(undefined);
  for (const t of tokens) {
    const from = Math.max(t.span.start - offset, 0);
    const to = Math.min(t.span.end - offset, line.length);
    for (let i = from; i < to; i++) colourAt[i] = COLOURS[t.type];
  }
  const markedAt = new Array<boolean>(line.length).fill(false);
  for (const m of marks) for (let i = Math.max(m.start - offset, 0); i < Math.min(m.end - offset, line.length); i++) markedAt[i] = true;
  const out: Segment[] = [];
  let i = 0;
  while (i < line.length) {
    if (i === cursor) {
      out.push({ text: line[i], color: colourAt[i], cursor: true, marked: markedAt[i] });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < line.length && colourAt[j] === colourAt[i] && markedAt[j] === markedAt[i] && j !== cursor) j++;
    out.push({ text: line.slice(i, j), color: colourAt[i], marked: markedAt[i] });
    i = j;
  }
  if (cursor === line.length) out.push({ text: ' ', cursor: true });
  return out;
}

export function InputView(props: { text: string; cursor: number; tokens: readonly SemanticToken[]; marks?: readonly Span[]; active: boolean }) {
  const lines = props.text.split('\n');
  let offset = 0;
  return (
    <Box flexDirection="column">
      {lines.map((line, n) => {
        const start = offset;
        offset += line.length + 1;
        const cursor = props.active && props.cursor >= start && props.cursor <= start + line.length ? props.cursor - start : undefined;
        return (
          <Text key={n}>
            <Text color="green" bold>
              {n === 0 ? PROMPT : CONTINUATION}
            </Text>
            {segments(line, start, props.tokens, props.marks ?? [], cursor).map((s, k) => (
              <Text key={k} color={s.color} inverse={s.cursor} underline={s.marked}>
                {terminalSafe(s.text)}
              </Text>
            ))}
          </Text>
        );
      })}
    </Box>
  );
}
