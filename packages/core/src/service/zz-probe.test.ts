import { it } from 'vitest';
import { cursorContext } from './context.js';
import { completeMarked } from '../../testing/completion.js';
it('probe', () => {
  console.log(JSON.stringify(cursorContext('sequence ', 9).expected?.keywords));
  console.log(JSON.stringify(completeMarked('sequence █').labels));
});
