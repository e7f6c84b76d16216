// Choosing the registration environment: sandbox by default, production only after an explicit yes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { click, renderedTexts, screenshot, waitFor } from './harnessClient';

const environment = () => vscode.workspace.getConfiguration('ehealth').get<string>('environment');
const confirmation = () => waitFor('the production confirmation', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).some((text) => text.includes('PRODUCTION')));

describe('Registration environment', () => {
  after(() => vscode.workspace.getConfiguration('ehealth').update('environment', undefined, vscode.ConfigurationTarget.Global));

  it('is the local sandbox by default, and switches to acceptance without ceremony', async () => {
    assert.equal(environment(), 'sandbox');
    assert.equal(await vscode.commands.executeCommand('ehealth.environment.select', 'acceptance'), 'acceptance');
    assert.equal(environment(), 'acceptance');
  });

  it('asks for an explicit confirmation before production, and stays put when refused', async () => {
    let chosen = vscode.commands.executeCommand('ehealth.environment.select', 'production');
    await confirmation();
    await screenshot('production-confirmation');
    await click('.quick-input-widget .monaco-list-row', 'No, stay where I am');
    assert.equal(await chosen, undefined);
    assert.equal(environment(), 'acceptance');
    chosen = vscode.commands.executeCommand('ehealth.environment.select', 'production');
    await confirmation();
    await click('.quick-input-widget .monaco-list-row', 'Yes, in production');
    assert.equal(await chosen, 'production');
    assert.equal(environment(), 'production');
  });
});
