import * as assert from 'node:assert/strict';
import { generateKeyPairSync, sign as nodeSign, verify } from 'node:crypto';
import { knownModulePaths, locateMiddleware, MiddlewareMissing } from '../../../src/eid';
import { errorMessage } from '../../../src/faces/errors';
import { changesBetween } from '../../../src/eid/events';
import { ecdsaToDer } from '../../../src/eid/signing';
import { pinStateOf } from '../../../src/eid/slots';

describe('eID engine, pure parts', () => {
  it('turns r||s into DER that Node verifies, whatever the leading bytes', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    for (let i = 0; i < 50; i++) {
      const data = Buffer.from(`message ${i}`);
      const raw = nodeSign('sha384', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      assert.equal(verify('sha384', data, publicKey, ecdsaToDer(raw)), true);
    }
  });

  it('reads the PIN state from the token flags', () => {
    assert.deepEqual(pinStateOf(0), { status: 'ok', pinpad: false });
    assert.deepEqual(pinStateOf(0x10000), { status: 'count-low', triesLeft: 2, pinpad: false });
    assert.deepEqual(pinStateOf(0x30000), { status: 'final-try', triesLeft: 1, pinpad: false });
    assert.deepEqual(pinStateOf(0x40100), { status: 'locked', triesLeft: 0, pinpad: true });
  });

  it('finds the middleware where eid.belgium.be installs it, per OS', () => {
    assert.ok(knownModulePaths('linux', {}, 'x64').includes('/usr/lib/x86_64-linux-gnu/libbeidpkcs11.so.0'));
    assert.ok(knownModulePaths('win32', { SystemRoot: 'C:\\Windows' }).includes('C:\\Windows\\System32\\beidpkcs11.dll'));
    assert.ok(knownModulePaths('darwin')[0].endsWith('beid-pkcs11.bundle/Contents/MacOS/libbeidpkcs11.dylib'));
  });

  it('prefers the setting, then EHEALTH_PKCS11_MODULE, and names what it searched', () => {
    assert.equal(locateMiddleware({ modulePath: 'beidpkcs11.dll', env: { EHEALTH_PKCS11_MODULE: '/x.so' } }), 'beidpkcs11.dll');
    assert.throws(() => locateMiddleware({ env: { EHEALTH_PKCS11_MODULE: '/nowhere/p11.so' } }), (error) => error instanceof MiddlewareMissing && error.searched[0] === '/nowhere/p11.so');
    assert.throws(
      () => locateMiddleware({ env: {}, platform: 'darwin' }),
      (error) => error instanceof MiddlewareMissing && error.os === 'macos' && /Privacy/.test(errorMessage(error, 'en')),
    );
  });

  it('derives card and reader events from two looks at the readers', () => {
    const reader = (slot: string, cardPresent: boolean) => ({ slot, description: slot, cardPresent });
    assert.deepEqual(changesBetween([], [reader('a', true)]).map((event) => event.type), ['reader-added', 'card-inserted']);
    assert.deepEqual(changesBetween([reader('a', true)], [reader('a', false)]).map((event) => event.type), ['card-removed']);
    assert.deepEqual(changesBetween([reader('a', true)], []).map((event) => event.type), ['card-removed', 'reader-removed']);
    assert.deepEqual(changesBetween([reader('a', false)], [reader('a', false)]), []);
  });
});
