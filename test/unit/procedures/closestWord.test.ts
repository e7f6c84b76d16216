import * as assert from 'node:assert/strict';
import { closestWord } from '../../../src/procedures/closestWord';

describe('closestWord (did you mean ...?)', () => {
  const known = ['check', 'action', 'asks', 'variant', 'source'];

  it('gives the known word at most two edits away, the closest first', () => {
    assert.equal(closestWord('chek', known), 'check');
    assert.equal(closestWord('varient', known), 'variant');
    assert.equal(closestWord('aks', known), 'asks');
  });

  it('gives the word a typed start begins', () => {
    assert.equal(closestWord('vari', known), 'variant');
  });

  it('gives nothing when no word is close, or nothing was typed', () => {
    assert.equal(closestWord('telepathy', known), undefined);
    assert.equal(closestWord('', known), undefined);
  });
});
