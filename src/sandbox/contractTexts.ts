// The contracts' HTML, in French and Dutch as eHealth writes them. The DN comes from the request,
// hence escaped before it enters the HTML.
import { NS } from '../protocol/namespaces';
import { hostileContractHtml } from './hostileContract';
import { node, type Node_ } from './xml';

const TEXTS = {
  request: {
    fr: (dn: string) =>
      `<p>Bac à sable (test uniquement)\u00a0: je demande un certificat d’authentification eHealth pour <b>${dn}</b> et j’en accepte les conditions d’utilisation. Rien de ce que délivre ce bac à sable n’est valable auprès d’eHealth.</p>`,
    nl: (dn: string) =>
      `<p>Sandbox (enkel voor tests): ik vraag een eHealth-authenticatiecertificaat aan voor <b>${dn}</b> en aanvaard de gebruiksvoorwaarden. Niets wat deze sandbox uitreikt, is geldig bij eHealth.</p>`,
  },
  revocation: {
    fr: (dn: string) => `<p>Bac à sable (test uniquement)\u00a0: je révoque le certificat eHealth de <b>${dn}</b>. Un certificat révoqué ne peut plus être utilisé.</p>`,
    nl: (dn: string) => `<p>Sandbox (enkel voor tests): ik herroep het eHealth-certificaat van <b>${dn}</b>. Een herroepen certificaat kan niet meer gebruikt worden.</p>`,
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** certra core Contract/Text: one Value per language; `hostile` for the behaviour `hostileContract`. */
export function contractText(kind: keyof typeof TEXTS, dn: string, hostile = false): Node_ {
  const html = (language: 'fr' | 'nl') => (hostile ? hostileContractHtml(language, escapeHtml(dn)) : TEXTS[kind][language](escapeHtml(dn)));
  return node(
    NS.certraCore,
    'Text',
    (['fr', 'nl'] as const).map((language) => node(NS.certraCore, 'Value', html(language), { 'xml:lang': language })),
  );
}
