// Namespaces of the registration protocol, from the official eHealth XSDs.
export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xml: 'http://www.w3.org/XML/1998/namespace',
  commonsCore: 'urn:be:fgov:ehealth:commons:core:v2',
  commonsCoreV1: 'urn:be:fgov:ehealth:commons:1_0:core',
  eteeCore: 'urn:be:fgov:ehealth:etee:commons:core:v2',
  certra: 'urn:be:fgov:ehealth:certra:protocol:v2',
  certraCore: 'urn:be:fgov:ehealth:certra:core:v2',
  etkra: 'urn:be:fgov:ehealth:etkra:protocol:v2',
  etkdepot: 'urn:be:fgov:ehealth:etkdepot:1_0:protocol',
} as const;

/** Prefixes used in the messages we write (any prefix is valid XML; these keep traces readable). */
export const PREFIXES: Record<string, string> = {
  [NS.soap]: 'soapenv',
  [NS.commonsCore]: 'cc',
  [NS.certra]: 'ra',
  [NS.certraCore]: 'rac',
  [NS.etkra]: 'etkra',
  [NS.etkdepot]: 'depot',
  // Parents of unqualified children (etee errors, commons 1.0 status) need a prefix, not a default namespace.
  [NS.eteeCore]: 'etee',
  [NS.commonsCoreV1]: 'c1',
};

/** Status value of a successful v2 answer. */
export const SUCCESS_STATUS = 'urn:be:fgov:ehealth:2.0:status:Success';
