import { describe, expect, it } from 'vitest';
import { grammarKeywords } from '../../grammar/load.js';
import { completeMarked } from '../../../testing/completion.js';

const keywords = (marked: string) => completeMarked(marked).items.filter((i) => i.kind === 'keyword').map((i) => i.label).sort();

describe('keyword completion (from the grammar)', () => {
  it('offers the keywords the grammar accepts at the cursor', () => {
    expect(keywords('process wh█')).toEqual(['where']);
    expect(keywords('█')).toEqual(['any', 'sample', 'sequence']);
    expect(keywords('sequence █')).toEqual(['by', 'with']);
    expect(keywords('sequence by host.id with █')).toEqual(['maxspan']);
    expect(keywords('process where process.name == "a" █')).toEqual(['and', 'in', 'not', 'or']);
    expect(keywords('sequence [process where true] █')).toEqual(['by', 'until', 'with']);
  });

  it('never offers keywords of forms Elasticsearch rejects (lineage `of`, Endgame `join`)', () => {
    expect(keywords('█')).not.toContain('join');
    expect(keywords('process where process.name █')).not.toContain('of');
    expect(grammarKeywords()).toContain('of');
  });

  it('offers the stage option `runs` after a stage', () => {
    expect(completeMarked('sequence [process where true] with █').labels).toEqual(['runs']);
  });

  it('resynchronises after an error earlier in the query', () => {
    expect(keywords('process where x = = 1 and process.name █')).toContain('and');
    expect(completeMarked('sequence [process where x = = ] [network wh█').labels).toEqual(['where']);
  });

  it('offers nothing inside a comment', () => {
    expect(completeMarked('process where // proc█').items).toEqual([]);
  });
});
