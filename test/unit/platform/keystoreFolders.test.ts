// Keystore folders as Windows and macOS write them, checked on any machine: the expected values are
// what Node's path.win32 and path.posix make of them, never the host's own path functions.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { configuredFolders } from '../../../src/cli/keystoreFiles';
import { defaultKeystoreFolder, expandHome, folderKey, homeRelative, keystoreFolders, newKeystoreFolder, sandboxKeystoreFolder } from '../../../src/keystore/locate';
import { typedPath } from '../../../src/platform/paths';

const windowsHome = 'C:\\Users\\Jan';
const macHome = '/Users/jan';

describe('keystore folders on Windows and macOS', () => {
  it('puts the eHealth and sandbox folders in %USERPROFILE%\\ehealth on Windows, ~/ehealth on macOS', () => {
    assert.equal(defaultKeystoreFolder(windowsHome, 'win32'), 'C:\\Users\\Jan\\ehealth\\keystore');
    assert.equal(defaultKeystoreFolder(windowsHome, 'win32'), path.win32.join(windowsHome, 'ehealth', 'keystore'));
    assert.equal(sandboxKeystoreFolder(windowsHome, 'win32'), 'C:\\Users\\Jan\\ehealth\\sandbox');
    assert.equal(newKeystoreFolder('production', windowsHome, 'win32'), 'C:\\Users\\Jan\\ehealth\\keystore');
    assert.equal(defaultKeystoreFolder(macHome, 'darwin'), '/Users/jan/ehealth/keystore');
    assert.equal(sandboxKeystoreFolder(macHome, 'darwin'), '/Users/jan/ehealth/sandbox');
  });

  it('reads a configured Windows folder with ~, ~\\, forward slashes, a drive letter or a UNC share', () => {
    const expand = (folder: string) => expandHome(folder, windowsHome, 'win32');
    assert.equal(expand('~'), 'C:\\Users\\Jan');
    assert.equal(expand('~\\certs'), 'C:\\Users\\Jan\\certs');
    assert.equal(expand('~/certs/'), 'C:\\Users\\Jan\\certs');
    assert.equal(expand('D:/Keystores/praktijk/'), 'D:\\Keystores\\praktijk');
    assert.equal(expand('D:\\Keystores\\oud\\..\\praktijk\\'), 'D:\\Keystores\\praktijk');
    assert.equal(expand('\\\\server\\share\\ehealth\\'), '\\\\server\\share\\ehealth');
    assert.equal(expand('//server/share/ehealth'), '\\\\server\\share\\ehealth');
    // What File Explorer's "Copy as path" puts on the clipboard.
    assert.equal(expand('  "C:\\Users\\Jan\\Documents\\eHealth"  '), 'C:\\Users\\Jan\\Documents\\eHealth');
    // Not expanded (VS Code's settings expand no variable): kept as written, never read as the home folder.
    assert.notEqual(expand('%USERPROFILE%\\certs').toLowerCase(), 'c:\\users\\jan\\certs');
  });

  it('reads a configured macOS or Linux folder with ~ and leaves a backslash inside a name alone', () => {
    assert.equal(expandHome('~/Documents/eHealth/', macHome, 'darwin'), '/Users/jan/Documents/eHealth');
    assert.equal(expandHome('"/Volumes/USB/keystores"', macHome, 'darwin'), '/Volumes/USB/keystores');
    assert.equal(expandHome('/srv/a\\b', '/home/an', 'linux'), '/srv/a\\b');
  });

  it('lists the Windows folders once each, whatever their case, drive-letter case, separators or trailing separator', () => {
    const folders = keystoreFolders(['~\\certs', 'c:\\users\\jan\\CERTS\\', 'C:/Users/Jan/ehealth/Keystore', '\\\\Server\\Share\\eHealth', '//server/share/ehealth/', 'c:\\users\\jan\\ehealth\\SANDBOX'], windowsHome, 'win32');
    assert.deepEqual(folders, [
      { path: 'C:\\Users\\Jan\\ehealth\\keystore', origin: 'default' },
      { path: 'C:\\Users\\Jan\\certs', origin: 'configured' },
      { path: '\\\\Server\\Share\\eHealth', origin: 'configured' },
      { path: 'c:\\users\\jan\\ehealth\\SANDBOX', origin: 'sandbox' },
    ]);
  });

  it('tells folders apart on Linux by case, and on macOS neither by case nor by Unicode form', () => {
    const decomposed = '/Users/jan/Me\u0301decin';
    const composed = '/Users/jan/m\u00e9decin';
    assert.equal(folderKey(decomposed, 'darwin', macHome), folderKey(composed, 'darwin', macHome));
    assert.notEqual(folderKey(decomposed, 'linux', '/home/an'), folderKey(composed, 'linux', '/home/an'));
    assert.notEqual(folderKey('/srv/Keystores', 'linux', '/home/an'), folderKey('/srv/keystores', 'linux', '/home/an'));
    assert.equal(folderKey('~\\Certs\\', 'win32', windowsHome), folderKey('C:/USERS/jan/certs', 'win32', windowsHome));
  });

  it('splits EHEALTH_KEYSTORE_FOLDERS on ; on Windows, never on the colon of a drive letter, and on : elsewhere', () => {
    assert.deepEqual(configuredFolders({ EHEALTH_KEYSTORE_FOLDERS: 'C:\\keystores;D:\\backup\\ehealth;' }, 'win32'), ['C:\\keystores', 'D:\\backup\\ehealth']);
    assert.deepEqual(configuredFolders({ EHEALTH_KEYSTORE_FOLDERS: '/Volumes/USB/keystores:~/certs' }, 'darwin'), ['/Volumes/USB/keystores', '~/certs']);
    assert.deepEqual(configuredFolders({}, 'linux'), []);
  });

  it('shows a folder in the home folder as ~\\... on Windows (whatever the case of its letters), ~/... on macOS, and one elsewhere as it is', () => {
    assert.equal(homeRelative('C:\\Users\\Jan\\ehealth\\keystore', windowsHome, 'win32'), '~\\ehealth\\keystore');
    assert.equal(homeRelative('c:\\users\\jan\\Certs', windowsHome, 'win32'), '~\\Certs');
    assert.equal(homeRelative('C:\\Users\\Jan', windowsHome, 'win32'), '~');
    assert.equal(homeRelative('C:\\Users\\Janine\\certs', windowsHome, 'win32'), 'C:\\Users\\Janine\\certs');
    assert.equal(homeRelative('D:\\Keystores', windowsHome, 'win32'), 'D:\\Keystores');
    assert.equal(homeRelative('\\\\server\\share\\ehealth', windowsHome, 'win32'), '\\\\server\\share\\ehealth');
    assert.equal(homeRelative('/Users/jan/ehealth/sandbox', macHome, 'darwin'), '~/ehealth/sandbox');
    assert.equal(homeRelative('/Users/janine', macHome, 'darwin'), '/Users/janine');
    // What it shows, the settings read back as the same folder.
    assert.equal(expandHome(homeRelative('C:\\Users\\Jan\\ehealth\\keystore', windowsHome, 'win32'), windowsHome, 'win32'), 'C:\\Users\\Jan\\ehealth\\keystore');
  });

  it('takes a pasted path out of its quotes, and only out of one pair around all of it', () => {
    assert.equal(typedPath(' "D:\\Keystores" '), 'D:\\Keystores');
    assert.equal(typedPath('D:\\My "old" keystores'), 'D:\\My "old" keystores');
  });
});
