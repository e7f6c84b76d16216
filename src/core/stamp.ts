// The one date-time format of eHealth's files: `yyyyMMdd-HHmmss` in local time, as in keystore file
// names (`SSIN=79021802145 20230823-085751.acc-p12`); our backups and trace folders follow it too.
// Dependency-free, for every engine.

export function stamp(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}
