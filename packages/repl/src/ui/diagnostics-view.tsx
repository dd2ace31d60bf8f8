/**
 * The live diagnostics of the input, under it: a caret under each problem's span (on the line it is on), then the
 * message and the did-you-mean. At most a few, so the screen stays calm while typing.
 */
import { Box, Text } from 'ink';
import { displayWidth, terminalSafe, type Diagnostic } from '@eqlkit/core';
import { CONTINUATION, PROMPT } from './input-view.js';

const SHOWN = 3;

export function DiagnosticsView(props: { text: string; diagnostics: readonly Diagnostic[] }) {
  const shown = props.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').slice(0, SHOWN);
  if (shown.length === 0) return null;
  return (
    <Box flexDirection="column">
      {shown.map((d, i) => {
        const before = props.text.slice(0, d.span.start);
        const line = before.split('\n').length - 1;
        const lineStart = before.lastIndexOf('\n') + 1;
        const lineText = props.text.slice(lineStart).split('\n')[0];
        const column = displayWidth(terminalSafe(props.text.slice(lineStart, d.span.start)));
        const width = Math.max(1, Math.min(displayWidth(terminalSafe(props.text.slice(d.span.start, d.span.end))), displayWidth(terminalSafe(lineText)) - column));
        const colour = d.severity === 'error' ? 'red' : 'yellow';
        const indent = (line === 0 ? PROMPT : CONTINUATION).length;
        // The caret can sit right under its span only when the span is on the input's last line; elsewhere the span
        // is underlined in the input, and the line number says where.
        const onLastLine = !props.text.slice(d.span.start).includes('\n');
        return (
          <Box key={i} flexDirection="column">
            {onLastLine ? <Text color={colour}>{' '.repeat(indent + column) + '^'.repeat(width)}</Text> : null}
            <Text>
              <Text color={colour} bold>
                {d.severity}
              </Text>
              <Text dimColor>{` ${d.code} (line ${line + 1}): `}</Text>
              {terminalSafe(d.message)}
            </Text>
            {(d.suggestions ?? []).map((s, k) => (
              <Text key={k} color="cyan">
                {`  fix: ${terminalSafe(s.message)}`}
              </Text>
            ))}
          </Box>
        );
      })}
    </Box>
  );
}
