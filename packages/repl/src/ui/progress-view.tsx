/** While a query runs: a progress bar (bytes read of the total, events/s) and how to cancel. */
import { Text } from 'ink';
import type { SessionProgress } from '@eqlkit/core';

const BAR = 30;
const mib = (b: number) => `${(b / (1 << 20)).toFixed(b >= 100 << 20 ? 0 : 1)} MiB`;

export function ProgressView(props: { progress: SessionProgress | undefined; elapsedMs: number }) {
  const p = props.progress;
  const secs = props.elapsedMs / 1000;
  const rate = p && secs > 0 ? Math.round(p.records / secs) : 0;
  if (!p || !p.totalBytes || p.bytesRead === undefined) {
    return <Text dimColor>{`running… ${p ? `${p.records.toLocaleString('en-US')} events read` : ''}${rate ? `, ${rate.toLocaleString('en-US')} events/s` : ''}  (Ctrl-C cancels)`}</Text>;
  }
  const share = Math.min(1, p.bytesRead / p.totalBytes);
  const filled = Math.round(share * BAR);
  return (
    <Text>
      <Text color="cyan">{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(BAR - filled)}</Text>
      {` ${Math.round(share * 100)}%  ${mib(p.bytesRead)} of ${mib(p.totalBytes)}  ${rate.toLocaleString('en-US')} events/s  `}
      <Text dimColor>(Ctrl-C cancels)</Text>
    </Text>
  );
}
