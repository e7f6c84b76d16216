// The certificate procedures' public face.
export { activateEtk } from './activate';
export { changeKeystorePassword, type PasswordChange } from './changePassword';
export { completeCertificate, type CompleteResult } from './complete';
export { etkOf } from './etk';
export { contractLines } from './contractHtml';
export { authorityClient, DELIVERY_POLLING, procedureContext, SIGNS_WITH_EID, type AuthorityProcedure, type EidAccess, type Polling, type ProcedureContext, type SandboxHost } from './context';
export { keystoreEnvironments } from './environment';
export { ProcedureError, type ProcedureErrorCode } from './errors';
export { listedOrganization, type HolderProblem } from './holder';
export { dnTypeOf, organizationIdProblem } from './organizationType';
export type { KeystoreWriting, Stage } from './keystoreFile';
export type * from './prompter';
export { renewCertificate } from './renew';
export { requestCertificate, type RequestOptions } from './request';
export { checkedPublicKeyIdentifier, revokeCertificate, type RevocationResult, type RevocationTarget } from './revoke';
export { listCertificates, type AuthorityCertificate } from './list';
export { certificateStatus, type StatusResult } from './status';
export type { RequestResult } from './submit';
