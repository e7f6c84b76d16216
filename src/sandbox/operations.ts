// The operations the sandbox serves, as the sandbox reads the XSDs: the request's children in order
// (`Name` once, `Name?` optional, `Name*` any number) and, from the annotation of each request's
// ds:Signature, which key must sign it. Only names, namespaces, paths and SOAPActions are shared
// with the client (src/protocol); everything else here is the sandbox's own reading.
import { NS } from '../protocol/namespaces';
import { SOAP_ACTIONS, type OperationName, type Service } from '../protocol/services';

export type SigningKey = 'eid-authentication' | 'eid-signature' | 'ehealth-authentication';

export interface OperationSpec {
  name: OperationName;
  service: Service;
  ns: string;
  /** v2 requests carry Id and IssueInstant, answers a commons v2 Status; EtkDepot v1 neither. */
  version: 1 | 2;
  soapAction: string;
  signedWith?: SigningKey;
  children: string[];
  /** GetExistingApplicationIds answers a plain ResponseType, without Status. */
  withoutStatus?: boolean;
}

type Row = [name: OperationName, children: string[], signedWith?: SigningKey, withoutStatus?: boolean];

const rows: Record<Service, Row[]> = {
  certra: [
    ['GetActorQualities', ['SSIN'], 'eid-authentication'],
    ['GetCertificateInfoForCitizen', [], 'eid-authentication'],
    ['GetCertificateInfoForAuthenticationCertificate', [], 'ehealth-authentication'],
    ['GetGenericOrganizationTypes', []],
    ['GetExistingApplicationIds', ['OrganizationIdentifier'], undefined, true],
    ['GenerateContract', ['ContactData', 'Signer', 'CertificateIdentifier']],
    ['GenerateCertificate', ['EHealthCSR'], 'eid-signature'],
    ['GetCertificate', ['PublicKeyIdentifier']],
    ['GenerateRevocationContract', ['PublicKeyIdentifier', 'Signer', 'RevocationReason']],
    ['Revoke', ['PublicKeyIdentifier', 'Contract'], 'eid-signature'],
    ['SubmitCSRForForeigner', ['ForeignPerson', 'ContactData', 'CSR']],
  ],
  etkra: [
    ['StartETKRegistration', ['PublicEncryptionKey'], 'ehealth-authentication'],
    ['CompleteETKRegistration', ['ToBeRegistered'], 'ehealth-authentication'],
    ['ActivateETK', [], 'ehealth-authentication'],
  ],
  etkdepot: [['GetEtk', ['SearchCriteria']]],
};

const NAMESPACES: Record<Service, string> = { certra: NS.certra, etkra: NS.etkra, etkdepot: NS.etkdepot };

export const OPERATIONS: OperationSpec[] = (Object.keys(rows) as Service[]).flatMap((service) =>
  rows[service].map(([name, children, signedWith, withoutStatus]) => ({
    name,
    service,
    ns: NAMESPACES[service],
    version: service === 'etkdepot' ? 1 : 2,
    soapAction: SOAP_ACTIONS[name],
    children,
    ...(signedWith ? { signedWith } : {}),
    ...(withoutStatus ? { withoutStatus } : {}),
  })),
);

export function operation(name: OperationName): OperationSpec {
  return OPERATIONS.find((spec) => spec.name === name)!;
}
