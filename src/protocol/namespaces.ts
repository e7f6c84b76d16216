// Namespaces of the registration protocol, from the official eHealth XSDs. Data only: shared by
// the client (src/ra) and the sandbox (src/sandbox), which share no logic.
export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  commonsCore: 'urn:be:fgov:ehealth:commons:core:v2',
  commonsCoreV1: 'urn:be:fgov:ehealth:commons:1_0:core',
  eteeCore: 'urn:be:fgov:ehealth:etee:commons:core:v2',
  certra: 'urn:be:fgov:ehealth:certra:protocol:v2',
  certraCore: 'urn:be:fgov:ehealth:certra:core:v2',
  etkra: 'urn:be:fgov:ehealth:etkra:protocol:v2',
  etkdepot: 'urn:be:fgov:ehealth:etkdepot:1_0:protocol',
} as const;

/** Status value of a successful v2 answer (commons protocol v2). */
export const SUCCESS_STATUS = 'urn:be:fgov:ehealth:2.0:status:Success';
