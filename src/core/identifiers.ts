// Belgian identifiers shared by every engine (eID, keystores, registration): pure checks, no I/O.
export { formatSsin, isValidSsin, parseSsin, ssinCheckDigits, type Ssin, type SsinKind } from './ssin';
export { formatCbe, isValidCbe, normalizeCbe } from './cbe';
