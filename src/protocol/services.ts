// Where each service lives under eHealth's hosts and the SOAPAction of each operation, as eHealth
// publishes them (docs/PROTOCOL.md gives the source of each). Data only, shared by the client and
// the sandbox.
export type Service = 'certra' | 'etkra' | 'etkdepot';

export const SERVICE_PATHS: Record<Service, string> = {
  certra: '/CertRa/v2',
  etkra: '/EtkRa/v2',
  etkdepot: '/EtkDepot/v1',
};

/** The SOAPAction header of each operation; GetEtk has none in its WSDL, hence the empty string. */
export const SOAP_ACTIONS = {
  GetActorQualities: 'urn:be:fgov:ehealth:certra:protocol:v2:getActorQualities',
  GetCertificateInfoForCitizen: 'urn:be:fgov:ehealth:certra:protocol:v2:getCertificateInfoForCitizen',
  GetCertificateInfoForAuthenticationCertificate: 'urn:be:fgov:ehealth:etee:certra:protocol:v2:getCertificateInfoForAuthenticationCertificate',
  GetGenericOrganizationTypes: 'urn:be:fgov:ehealth:certra:protocol:v2:getGenericOrganizationTypes',
  GetExistingApplicationIds: 'urn:be:fgov:ehealth:etee:certra:protocol:v2:getexistingapplicationids',
  GenerateContract: 'urn:be:fgov:ehealth:certra:protocol:v2:generateContract',
  GenerateCertificate: 'urn:be:fgov:ehealth:etee:certra:protocol:v2:generatecertificate',
  GetCertificate: 'urn:be:fgov:ehealth:etee:certra:protocol:v2:getcertificate',
  GenerateRevocationContract: 'urn:be:fgov:ehealth:certra:protocol:v2:generateRevocationContract',
  Revoke: 'urn:be:fgov:ehealth:etee:certra:protocol:v2:revoke',
  SubmitCSRForForeigner: 'urn:be:fgov:ehealth:certra:protocol:v2:submitCSRForForeigner',
  StartETKRegistration: 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:startETKRegistration',
  CompleteETKRegistration: 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:completeETKregistration',
  ActivateETK: 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:activateETK',
  GetEtk: '',
} as const;

export type OperationName = keyof typeof SOAP_ACTIONS;
