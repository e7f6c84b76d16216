// Text escaped into HTML: every character that could open a tag, an entity or leave an attribute.
// Apart from html.ts (which needs VS Code) so that pages' parts are testable without it.
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
