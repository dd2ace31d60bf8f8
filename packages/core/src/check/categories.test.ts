import { describe, expect, it } from 'vitest';
import type { PatternResolution } from '../schema/index-patterns.js';
import { categoriesProduced } from './categories.js';
import { checkMock, codesOf, mockSchema } from '../../testing/check-mock.js';

const defend = (streams: string[], pattern = `logs-endpoint.events.${streams.join('_')}-*`): PatternResolution => ({
  pattern,
  how: 'exact',
  layers: ['endpoint', 'ecs-flat'],
  separateTargets: [],
  endpointStreams: streams,
  partial: false,
});
const other: PatternResolution = { pattern: 'logs-windows.*', how: 'glob', layers: [], separateTargets: [], partial: false };
const endgame: PatternResolution = { pattern: 'endgame-*', how: 'exact', layers: [], separateTargets: ['endgame'], partial: false };

describe('event categories', () => {
  it.each([
    ['process where true', []],
    ['proces where true', ['warning eql/unknown-category']],
    ['"my-category" where true', ['warning eql/unknown-category']],
    ['any where true', []],
    ['sequence [process where true] [netwrk where true]', ['warning eql/unknown-category']],
  ] as const)('%s', (query, expected) => {
    expect(codesOf(checkMock(query))).toEqual(expected);
  });

  it('suggests the closest allowed value', () => {
    const [d] = checkMock('proces where true');
    expect(d.message).toBe('`proces` is not an allowed value of `event.category`; did you mean `process`?');
    expect(d.suggestions?.[0].edits).toEqual([{ span: { start: 0, end: 6 }, text: 'process' }]);
  });

  it('reads the allowed values of the category field override', () => {
    expect(codesOf(checkMock('info where true', { eventCategoryField: 'event.type' }))).toEqual([]);
    expect(codesOf(checkMock('process where true', { eventCategoryField: 'event.type' }))).toEqual(['warning eql/unknown-category']);
  });

  it('reports a category field that is missing or not a keyword', () => {
    expect(codesOf(checkMock('process where true', { eventCategoryField: 'nope' }))).toEqual(['error eql/category-field']);
    expect(codesOf(checkMock('process where true', { eventCategoryField: 'longField' }))).toEqual(['error eql/category-field']);
    expect(codesOf(checkMock('any where true', { eventCategoryField: 'nope' }))).toEqual([]);
    expect(codesOf(checkMock('anything where true', { eventCategoryField: 'stringField' }))).toEqual([]);
  });

  it('warns about categories the Elastic Defend streams searched never produce', () => {
    const patterns = [defend(['process'])];
    expect(codesOf(checkMock('process where true', { patterns }))).toEqual([]);
    expect(codesOf(checkMock('registry where true', { patterns }))).toEqual(['warning eql/category-not-produced']);
    expect(checkMock('registry where true', { patterns })[0].message).toBe(
      'the indexes this query searches never produce `registry` events (they produce `process`), so this never matches',
    );
    expect(codesOf(checkMock('sequence [process where true] [network where true]', { patterns: [defend(['process']), defend(['network'])] }))).toEqual([]);
    expect(codesOf(checkMock('registry where true', { patterns: [defend(['process']), other] }))).toEqual([]);
    expect(codesOf(checkMock('registry where true', { patterns: [defend(['process']), endgame] }))).toEqual([]);
    expect(codesOf(checkMock('registry where true', { patterns, eventCategoryField: 'event.type' }))).toEqual(['warning eql/unknown-category']);
  });

  it('knows the categories of the Defend streams, and nothing else', () => {
    expect([...(categoriesProduced([defend(['library', 'file'])]) ?? [])].sort()).toEqual(['driver', 'file', 'library']);
    expect(categoriesProduced([defend(['security'])])).toBeUndefined();
    expect(categoriesProduced([defend(['process']), other])).toBeUndefined();
    expect(categoriesProduced([])).toBeUndefined();
  });
});

describe('timestamp and tiebreaker fields', () => {
  it.each([
    [{ timestampField: '@timestamp' }, []],
    [{ timestampField: 'dateField' }, []],
    [{ timestampField: 'dateNanosField' }, ['error eql/timestamp-field']],
    [{ timestampField: 'longField' }, ['error eql/timestamp-field']],
    [{ timestampField: 'nope' }, ['error eql/timestamp-field']],
    [{ tiebreakerField: 'longField' }, []],
    [{ tiebreakerField: 'nope' }, ['error eql/tiebreaker-field']],
  ] as const)('%j', (options, expected) => {
    expect(codesOf(checkMock('process where true', options))).toEqual(expected);
  });

  it('does not need a timestamp for samples', () => {
    expect(codesOf(checkMock('sample [process where true] [network where true]', { timestampField: 'nope' }))).toEqual([]);
  });

  it('is silent where the schema is incomplete', () => {
    const schema = mockSchema([], { partial: true });
    expect(codesOf(checkMock('process where true', { schema, timestampField: 'nope', eventCategoryField: 'nope' }))).toEqual([]);
  });
});
