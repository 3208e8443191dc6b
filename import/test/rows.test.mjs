import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvLine, checkUscc } from '../rows.mjs';
import { checkChar } from '../../shared/uscc.mjs';

test('CSV lines with quotes', () => {
  assert.deepEqual(parseCsvLine('a,b,,d'), ['a', 'b', '', 'd']);
  assert.deepEqual(parseCsvLine('"x, y","say ""hi""",z'), ['x, y', 'say "hi"', 'z']);
  assert.equal(parseCsvLine('"open,b'), null);
});

test('USCC checks as the runtime does them', () => {
  // 91500000MA5U000000 with its check character (computed the runtime's way in
  // primitives' tests; here from the first 17 characters).
  const first17 = '915000000000000000'.slice(0, 17);
  const code = first17 + checkChar(first17);
  assert.equal(checkUscc(code), null);
  assert.match(checkUscc(code.slice(0, 17)), /18 characters, this has 17/);
  assert.match(checkUscc(`${code.slice(0, 5)}O${code.slice(6)}`), /character 6 \("O"\)/);
  const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
  assert.match(checkUscc(wrong), new RegExp(`should be ${code[17]}`));
});
