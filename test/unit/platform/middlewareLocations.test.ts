// Where the eID software's PKCS#11 module is looked for on each system, checked on any machine with
// the system, its variables, its processor and the files present given to the engine.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { knownModulePaths, locateMiddleware, MiddlewareMissing } from '../../../src/eid';
import { errorMessage } from '../../../src/faces/errors';

const macBundle = '/Library/Belgium Identity Card/Pkcs11/beid-pkcs11.bundle/Contents/MacOS/libbeidpkcs11.dylib';
const onDisk = (...files: string[]) => (file: string) => files.includes(file);

describe('eID middleware locations on Windows, macOS and Linux', () => {
  it('looks in %SystemRoot%\\System32 on Windows (SystemRoot, else windir, whatever the case of the name, else C:\\Windows), then lets Windows search', () => {
    assert.deepEqual(knownModulePaths('win32', { SystemRoot: 'D:\\WINDOWS' }), [path.win32.join('D:\\WINDOWS', 'System32', 'beidpkcs11.dll'), 'beidpkcs11.dll']);
    assert.deepEqual(knownModulePaths('win32', { SYSTEMROOT: 'C:\\Windows' })[0], 'C:\\Windows\\System32\\beidpkcs11.dll');
    assert.deepEqual(knownModulePaths('win32', { windir: 'E:\\Win' })[0], 'E:\\Win\\System32\\beidpkcs11.dll');
    assert.deepEqual(knownModulePaths('win32', {})[0], 'C:\\Windows\\System32\\beidpkcs11.dll');
    // The arm64 MSI installs in the same System32: the processor changes nothing on Windows.
    assert.deepEqual(knownModulePaths('win32', {}, 'arm64'), knownModulePaths('win32', {}, 'x64'));
  });

  it("looks in the macOS package's bundle in /Library first, then at its /usr/local/lib link, on Intel and Apple silicon alike", () => {
    assert.deepEqual(knownModulePaths('darwin', {}, 'arm64'), [macBundle, '/usr/local/lib/libbeidpkcs11.dylib']);
    assert.deepEqual(knownModulePaths('darwin', {}, 'x64'), knownModulePaths('darwin', {}, 'arm64'));
  });

  it("looks in the multiarch folder of the process's own processor on Linux, never another one's", () => {
    assert.deepEqual(knownModulePaths('linux', {}, 'x64'), ['/usr/lib/x86_64-linux-gnu/libbeidpkcs11.so.0', '/usr/lib64/libbeidpkcs11.so.0', '/usr/lib/libbeidpkcs11.so.0', '/usr/local/lib/libbeidpkcs11.so.0']);
    assert.deepEqual(knownModulePaths('linux', {}, 'arm64'), ['/usr/lib/aarch64-linux-gnu/libbeidpkcs11.so.0', '/usr/lib64/libbeidpkcs11.so.0', '/usr/lib/libbeidpkcs11.so.0', '/usr/local/lib/libbeidpkcs11.so.0']);
    assert.deepEqual(knownModulePaths('freebsd', {}, 'x64'), knownModulePaths('linux', {}, 'x64'));
  });

  it('finds the module where it is installed, per system', () => {
    assert.equal(locateMiddleware({ platform: 'win32', env: { SystemRoot: 'C:\\Windows' }, exists: onDisk('C:\\Windows\\System32\\beidpkcs11.dll') }), 'C:\\Windows\\System32\\beidpkcs11.dll');
    // Not in System32: the bare name, for Windows' own search (PATH); a failed load is then "missing".
    assert.equal(locateMiddleware({ platform: 'win32', env: {}, exists: onDisk() }), 'beidpkcs11.dll');
    assert.equal(locateMiddleware({ platform: 'darwin', env: {}, exists: onDisk('/usr/local/lib/libbeidpkcs11.dylib') }), '/usr/local/lib/libbeidpkcs11.dylib');
    assert.equal(locateMiddleware({ platform: 'darwin', env: {}, exists: onDisk(macBundle, '/usr/local/lib/libbeidpkcs11.dylib') }), macBundle);
    assert.equal(locateMiddleware({ platform: 'linux', arch: 'arm64', env: {}, exists: onDisk('/usr/lib/aarch64-linux-gnu/libbeidpkcs11.so.0') }), '/usr/lib/aarch64-linux-gnu/libbeidpkcs11.so.0');
  });

  it('takes a Windows module path pasted with its quotes, from the setting or EHEALTH_PKCS11_MODULE', () => {
    const module = 'C:\\Program Files\\Belgium Identity Card\\beidpkcs11.dll';
    assert.equal(locateMiddleware({ platform: 'win32', modulePath: `"${module}"`, env: {}, exists: onDisk(module) }), module);
    assert.equal(locateMiddleware({ platform: 'win32', env: { EHEALTH_PKCS11_MODULE: ` "${module}" ` }, exists: onDisk(module) }), module);
  });

  it('says which system misses the module, with the words of that system and where it looked', () => {
    const missing = (platform: NodeJS.Platform, arch: string) => {
      try {
        locateMiddleware({ platform, arch, env: {}, exists: onDisk() });
      } catch (error) {
        if (error instanceof MiddlewareMissing) return error;
      }
      assert.fail(`no MiddlewareMissing on ${platform}`);
    };
    const mac = missing('darwin', 'arm64');
    assert.equal(mac.os, 'macos');
    assert.deepEqual(mac.searched, [macBundle, '/usr/local/lib/libbeidpkcs11.dylib']);
    assert.match(errorMessage(mac, 'fr'), /Confidentialité et sécurité/);
    const linux = missing('linux', 'arm64');
    assert.equal(linux.os, 'linux');
    assert.match(errorMessage(linux, 'nl'), /eid-mw/);
    assert.match(errorMessage(linux, 'en'), /aarch64-linux-gnu/);
    assert.throws(() => locateMiddleware({ platform: 'win32', modulePath: 'D:\\eid\\beidpkcs11.dll', env: {}, exists: onDisk() }), (error) => error instanceof MiddlewareMissing && error.os === 'windows' && /beidpkcs11\.dll/.test(errorMessage(error, 'de')));
  });
});
