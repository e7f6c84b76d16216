// Holder (identifier) types known to eHealth CertRA, with the length of their identifier (data,
// shared by the keystore engine and the sandbox).
// The live list comes from GetGenericOrganizationTypes; this one serves while offline.

const nihiiOrganisations = [
  'PHARMACY', 'HOSPITAL', 'GROUP', 'LABO', 'RETIREMENT', 'OTD_PHARMACY', 'PALLIATIVE_CARE', 'OFFICE_DENTISTS',
  'MEDICAL_HOUSE', 'OFFICE_DOCTORS', 'GROUP_DOCTORS', 'OF_BAND', 'PSYCH_HOUSE', 'PROT_ACC', 'HOME_SERVICES',
  'OF_PHYSIOS', 'GUARD_POST', 'BELRAI', 'BELRAI_SCREEN', 'GROUP_MIDWIVES', 'SORTING_CENTER',
];

/** Identifier length per holder type (the public Java connector's IdentifierType gives the same). */
export const holderTypes: ReadonlyMap<string, number> = new Map<string, number>([
  ['SSIN', 11],
  ['CBE', 10],
  ['CBE-TREAT_CENTER', 10],
  ['CBE-CONSORTIUM', 10],
  ['EHP', 10],
  ['EHP-CTRL_ORGANISM', 10],
  ['NIHII', 8],
  ['NIHII11', 11],
  ...nihiiOrganisations.map((suffix): [string, number] => [`NIHII-${suffix}`, 8]),
  ['SITE', 4],
  ['SITESMUR', 10],
  ['SITEPIT', 10],
]);
