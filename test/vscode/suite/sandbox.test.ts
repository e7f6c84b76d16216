// The embedded sandbox authority started and stopped from VS Code, its state in the extension's storage.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('Sandbox authority', () => {
  it('starts on 127.0.0.1 from the command, answers, and stops', async () => {
    const url = await vscode.commands.executeCommand<string>('ehealth.sandbox.start');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${url}/CertRa/v2`, { method: 'POST', headers: { 'content-type': 'text/xml', SOAPAction: 'urn:be:fgov:ehealth:certra:protocol:v2:getGenericOrganizationTypes' }, body: 'not a SOAP envelope' });
    assert.ok(answer.status >= 400 && answer.status < 600, `a malformed request is refused (${answer.status})`);
    assert.match(await answer.text(), /Fault/);
    await vscode.commands.executeCommand('ehealth.sandbox.stop');
    await assert.rejects(fetch(`${url}/CertRa/v2`, { method: 'POST', body: '' }));
  });
});
