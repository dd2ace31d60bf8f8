/** An event: one JSON object of the input (its `_source`). */
export type Event = Record<string, unknown>;
