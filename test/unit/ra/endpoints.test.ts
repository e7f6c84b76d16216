import assert from 'node:assert/strict';
import { endpoints } from '../../../src/ra/endpoints';

describe('ra endpoints', () => {
  it('knows eHealth production and acceptance', () => {
    assert.equal(endpoints('production').certra.href, 'https://services.ehealth.fgov.be/CertRa/v2');
    assert.equal(endpoints('acceptance').etkra.href, 'https://services-acpt.ehealth.fgov.be/EtkRa/v2');
    assert.equal(endpoints('acceptance').etkdepot.href, 'https://services-acpt.ehealth.fgov.be/EtkDepot/v1');
  });

  it('serves the same paths under a base URL (the sandbox)', () => {
    const sandbox = endpoints({ baseUrl: 'http://127.0.0.1:8443/ra/' });
    assert.equal(sandbox.certra.href, 'http://127.0.0.1:8443/ra/CertRa/v2');
    assert.equal(sandbox.etkdepot.href, 'http://127.0.0.1:8443/ra/EtkDepot/v1');
  });

  it('refuses plain http anywhere but the loopback interface', () => {
    assert.throws(() => endpoints({ baseUrl: 'http://services.ehealth.fgov.be' }), /https/);
    assert.doesNotThrow(() => endpoints({ baseUrl: 'https://ra.example.be' }));
  });
});
