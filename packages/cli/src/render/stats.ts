import type { RunStats } from '@eqlkit/core';

/** `--stats`: what was read, skipped and matched, how long it took, and the peak memory. */
export function formatStats(stats: RunStats, tookMs: number, workers = 0): string {
  const seconds = tookMs / 1000;
  const rate = seconds > 0 ? Math.round(stats.records / seconds) : stats.records;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  return [
    `records read:        ${stats.records}`,
    `skipped unparsed:    ${stats.prefiltered} (cannot match, by the pre-filter)`,
    `parsed:              ${stats.parsed}`,
    `matches per stage:   ${stats.stageMatches.join(', ')}`,
    ...(stats.noTimestamp ? [`without timestamp:   ${stats.noTimestamp}`] : []),
    `input order:         ${stats.sorted ? 'sorted' : 'unsorted (sorted in memory)'}${stats.streamed ? ', streamed' : ''}`,
    `threads:             ${workers ? `${workers} workers parsed and filtered` : 'one (no workers)'}`,
    `time:                ${seconds.toFixed(3)} s (${rate} records/s)`,
    `peak memory (RSS):   ${peakMb.toFixed(0)} MB`,
  ].join('\n');
}
