// The contract texts come from the registration authority as HTML, and whoever answers in its name
// (a compromised or impersonated server, a proxy) chooses that HTML. It is cleaned here, once, with
// an allow-list, before any face sees it: the VS Code webview shows the cleaned HTML, the CLI the
// plain text derived from it. A face cannot show a text that skipped this (ContractHtml is branded).
import sanitizeHtml from 'sanitize-html';
import type { Environment } from '../core/environment';
import { printable } from '../core/printable';
import type { Contract } from '../ra/model';
import type { ContractToAccept } from './prompter';

/** HTML that went through sanitiseContractHtml: only the allow-listed tags, `href` its one attribute. */
export type ContractHtml = string & { readonly __brand: 'ContractHtml' };

export interface ContractText {
  lang: string;
  html: ContractHtml;
}

const LINK_SCHEMES = new Set(['https:', 'mailto:']);

/** The URL as parsed, when it is absolute and https: or mailto: (no javascript:, data:, relative or protocol-relative link). */
function safeLink(href: string | undefined): string | undefined {
  if (href === undefined || !URL.canParse(href)) return undefined;
  const url = new URL(href);
  return LINK_SCHEMES.has(url.protocol) ? url.href : undefined;
}

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'span', 'div'],
  // No id, class or style anywhere: the contract can neither restyle the page nor take the id of our buttons.
  allowedAttributes: { a: ['href', 'target', 'rel'] },
  allowedSchemes: ['https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: {
    // A link opens outside, in a new browser context; one we would not follow is left as its text.
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = safeLink(attribs.href);
      return href ? { tagName: 'a', attribs: { href, target: '_blank', rel: 'noopener noreferrer' } } : { tagName: 'span', attribs: {} };
    },
  },
  // Disallowed tags are dropped and their text kept, except in these, whose content is code, UI or metadata, not contract text.
  nonTextTags: ['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'noembed', 'button', 'select', 'option', 'textarea', 'head', 'title', 'xmp'],
  nestingLimit: 32,
};

export function sanitiseContractHtml(html: string): ContractHtml {
  return sanitizeHtml(html, SANITISE) as ContractHtml;
}

/** What a face shows before the user accepts: our words (kind, environment, DN) and the authority's cleaned texts. */
export function contractToAccept(kind: ContractToAccept['kind'], environment: Environment, contract: Contract): ContractToAccept {
  return { kind, environment, dn: contract.dn, texts: contract.texts.map((text) => ({ lang: text.lang, html: sanitiseContractHtml(text.value) })) };
}

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'br']);
const ESCAPED: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };

/**
 * The cleaned HTML as lines for a terminal: one per paragraph, heading, table row or list item
 * ("- ", indented by nesting), table cells joined by " | ", links as "text (url)"; whitespace
 * collapsed and control characters shown escaped, so the text cannot drive the terminal.
 */
export function contractLines(html: ContractHtml): string[] {
  const lines: string[] = [];
  let line = '';
  let prefix = '';
  let lists = 0;
  let cellsInRow = 0;
  const links: Array<{ href: string | undefined; text: string }> = [];
  const endLine = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    line = '';
    // A list item's dash waits for its first text (`<li><p>...`).
    if (!text) return;
    lines.push(printable(prefix + text));
    prefix = '';
  };
  // sanitize-html as the parser: its hooks see the tags and text in order; its own output is not used.
  sanitizeHtml(html, {
    allowedTags: [],
    onOpenTag: (name, attribs) => {
      if (BLOCKS.has(name)) endLine();
      if (name === 'ul' || name === 'ol') lists++;
      if (name === 'li') prefix = `${'  '.repeat(Math.max(lists - 1, 0))}- `;
      if (name === 'tr') cellsInRow = 0;
      if ((name === 'td' || name === 'th') && cellsInRow++ > 0) line += ' | ';
      if (name === 'a') links.push({ href: attribs.href, text: '' });
    },
    onCloseTag: (name) => {
      if (name === 'a') {
        const link = links.pop();
        const shown = link?.text.replace(/\s+/g, ' ').trim();
        if (link?.href && link.href !== shown && link.href !== `mailto:${shown}`) line += ` (${link.href})`;
      }
      if (BLOCKS.has(name)) endLine();
      if (name === 'li') prefix = '';
      if (name === 'ul' || name === 'ol') lists--;
    },
    textFilter: (escaped) => {
      const text = escaped.replace(/&(?:lt|gt|amp|quot);/g, (entity) => ESCAPED[entity]);
      line += text;
      for (const link of links) link.text += text;
      return '';
    },
  });
  endLine();
  return lines;
}
