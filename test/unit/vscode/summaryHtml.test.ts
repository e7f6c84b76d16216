// The summary on the contract page is the user's text turned into HTML: an organisation's name typed
// by hand, e-mails and a folder are escaped, so nothing typed becomes markup on the page.
import * as assert from 'node:assert/strict';
import { translator } from '../../../src/i18n';
import type { RequestSummary } from '../../../src/procedures/prompter';
import { summaryHtml } from '../../../src/vscode/panels/summaryHtml';

const hostile = `<b>&"'`;
const summary: RequestSummary = {
  environment: 'sandbox',
  holder: { type: 'CBE', id: '0123456749' },
  holderName: hostile,
  emails: ['a@example.be', '<img src=x onerror=alert(1)>@example.be'],
  phones: ['+3221234567'],
  folder: `/home/amelie/"ehealth"/<keystore>`,
  fileName: 'CBE=0123456749 20261202-101500.sandbox-p12',
};

describe('the summary on the contract page', () => {
  const html = summaryHtml(translator('en'), summary);

  it('escapes a name typed by hand, and every other value', () => {
    assert.ok(html.includes('<dd>&#60;b&#62;&#38;&#34;&#39; (CBE 0123.456.749)</dd>'), html);
    assert.ok(html.includes('<dd>&#60;img src=x onerror=alert(1)&#62;@example.be</dd>'), html);
    assert.ok(html.includes('<dd>/home/amelie/&#34;ehealth&#34;/&#60;keystore&#62;</dd>'), html);
    assert.doesNotMatch(html, /<b>|<img|<keystore>/);
  });

  it('is a definition list of the rows, with every value of a row', () => {
    assert.match(html, /^<section class="summary"><h2>Your request<\/h2>/);
    assert.match(html, /<dt>E-mail<\/dt><dd>a@example\.be<\/dd><dd>&#60;img/);
  });
});
