/** The completion menu: a window of candidates around the selected one, with each one's detail (type, signature). */
import { Box, Text } from 'ink';
import { terminalSafe } from '@eqlkit/core';
import type { Candidate } from '../input/completion.js';

const ROWS = 8;

export function CompletionView(props: { candidates: readonly Candidate[]; selected: number }) {
  const { candidates, selected } = props;
  const top = Math.min(Math.max(0, selected - Math.floor(ROWS / 2)), Math.max(0, candidates.length - ROWS));
  const width = Math.min(48, Math.max(...candidates.slice(top, top + ROWS).map((c) => c.label.length)));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="gray" paddingX={1} alignSelf="flex-start">
      {candidates.slice(top, top + ROWS).map((c, i) => (
        <Text key={top + i} inverse={top + i === selected}>
          {terminalSafe(c.label.padEnd(width))}
          <Text dimColor>{c.detail ? `  ${terminalSafe(c.detail)}` : ''}</Text>
        </Text>
      ))}
      <Text dimColor>{`${selected + 1}/${candidates.length}  Tab/↓ next · ↑ previous · Enter accept · Esc close`}</Text>
    </Box>
  );
}
