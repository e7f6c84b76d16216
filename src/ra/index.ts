// Public face of the registration client (CertRA v2, EtkRA v2, EtkDepot v1).
export * from './certra';
export * from './etkra';
export * from './etkdepot';
export * from './model';
export * from './errors';
export { RaClient, type RaClientOptions } from './client';
export { endpoints, SERVICE_PATHS, type Endpoints } from './endpoints';
export { buildRequest, parseAnswer, type Operation, type SigningKey } from './operation';
export { keySigner } from './signer';
export { soapCall, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type SoapCallOptions } from './soap';
export { folderTracer, type Tracer } from './trace';
export { decryptChallenge } from './etkChallenge';
