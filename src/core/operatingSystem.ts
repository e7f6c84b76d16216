// The three systems our users have, as the words and rules that differ per system name them (the
// eID software's install, the file manager, the keychain). Node's platform names map onto them;
// every other Unix is told as Linux. Dependency-free: faces and engines share it.

export type OperatingSystem = 'windows' | 'macos' | 'linux';

export function operatingSystem(platform: string): OperatingSystem {
  return platform === 'win32' ? 'windows' : platform === 'darwin' ? 'macos' : 'linux';
}
